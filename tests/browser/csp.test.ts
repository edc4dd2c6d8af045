// The built app and embed served with the Content-Security-Policy header the README tells hosts to send (the policy
// the build writes into each page's <meta>): a reader's whole session, in the app and in the embed (alone and in both
// sandboxes), must not trip it once. Every page listens for `securitypolicyviolation`, and the console is read too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  builtPolicy,
  DIST,
  launchChromium,
  type PageLog,
  ROOT,
  recordPage,
  type StaticServer,
  serveFolder,
  waitForMapIdle,
} from './harness.ts';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Runs in every page and frame before their own scripts: records each violation the browser reports. */
function listenForViolations(): void {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations?.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}`);
  });
}

/** Adds an inline script, which the policy must block: proves the policy is in force and the listener hears it. */
async function tryInlineScript(target: Page | Frame): Promise<{ ran: boolean; violations: string[] }> {
  return target.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    return new Promise((done) =>
      setTimeout(
        () =>
          done({
            ran: Boolean((window as unknown as { __inlineRan?: boolean }).__inlineRan),
            violations: window.__cspViolations ?? [],
          }),
        500,
      ),
    );
  });
}

async function violations(target: Page | Frame): Promise<string[]> {
  return target.evaluate(
    () => window.__cspViolations ?? ['(no listener: the page did not run the init script)'],
  );
}

const cspConsole = (log: PageLog) =>
  log.consoleErrors.filter((m) => /Content Security Policy|Refused to/i.test(m));

describe('under the Content-Security-Policy the README gives', () => {
  const policy = builtPolicy();
  let browser: Browser;
  let maps: StaticServer;
  let host: StaticServer;

  beforeAll(async () => {
    maps = await serveFolder(DIST, { csp: policy, cors: true });
    host = await serveFolder(DIST, { redirect: { from: '/remote/', to: maps.origin } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await maps?.close();
  });

  it('is what the README says a host should send, and what the pages carry in their <meta>', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`Content-Security-Policy: ${policy}`);
    for (const page of ['index.html', 'embed.html']) {
      expect(readFileSync(join(DIST, page), 'utf8')).toContain(`content="${policy}"`);
    }
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
  });

  it('the app: a whole session without one violation', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const log = recordPage(page);
    await page.addInitScript(listenForViolations);
    const response = await page.goto(`${maps.origin}/?map=9.5/39.85/46.05`);
    expect(response?.headers()['content-security-policy']).toBe(policy);
    await waitForMapIdle(page, log);
    // What a reader does: layers, Armenian labels (another font), a claim, a check drawn, the embed dialog.
    await page.getByRole('checkbox', { name: /Places/ }).uncheck();
    await page.getByRole('checkbox', { name: /Places/ }).check();
    await page.getByRole('combobox', { name: /Place names in/ }).selectOption('hy');
    // The list draws only the rows near its visible part: bring its top (where 12 May's claims are) into view.
    await page.locator('.claim-list').evaluate((list) => list.scrollIntoView({ block: 'start' }));
    await page.getByRole('button', { name: /Goris/ }).filter({ hasText: 'Yolyan' }).first().click();
    await page.locator('article.claim-card blockquote').waitFor();
    await page.getByRole('button', { name: /Back to the list/ }).click();
    await page.getByRole('tab', { name: /Figures checked/ }).click();
    await page
      .getByRole('button', { name: /Draw on map/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Embed', exact: true }).click();
    await page.getByRole('dialog', { name: 'Embed this map' }).waitFor();
    await page.keyboard.press('Escape');
    await waitForMapIdle(page, log);
    expect(await violations(page)).toEqual([]);
    expect(cspConsole(log)).toEqual([]);
    expect(log.failedRequests).toEqual([]);

    // Control: the policy is in force, and a violation is heard.
    const control = await tryInlineScript(page);
    expect(control.ran).toBe(false);
    expect(control.violations).toEqual(['script-src-elem blocked inline', 'script-src-elem blocked inline']);
    await page.close();
  });

  for (const sandbox of [null, 'allow-scripts allow-same-origin', 'allow-scripts'] as const) {
    it(`the embed ${sandbox ? `in sandbox="${sandbox}"` : 'on its own'}: no violation`, async () => {
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      const log = recordPage(page);
      await page.addInitScript(listenForViolations);
      let target: Page | Frame = page;
      if (sandbox === null) {
        await page.goto(`${maps.origin}/embed.html?claim=am-goris-2021-05-12-verishen`);
      } else {
        const params = new URLSearchParams({
          src: '/remote/embed.html?claim=am-goris-2021-05-12-verishen',
          sandbox,
        });
        await page.goto(`${host.origin}/examples/article.html?${params}`);
        const frame = await (async () => {
          for (let i = 0; i < 600; i++) {
            const found = page.frames().find((f) => f.url().startsWith(`${maps.origin}/embed.html`));
            if (found) return found;
            await new Promise((done) => setTimeout(done, 100));
          }
          throw new Error('the embed frame did not appear');
        })();
        target = frame;
      }
      await target.waitForFunction(() => document.documentElement.dataset.mapState === 'idle', null, {
        timeout: 90_000,
      });
      // The opaque-origin case really is one: there MapLibre starts its worker from a data: URL.
      expect(await target.evaluate(() => origin)).toBe(sandbox === 'allow-scripts' ? 'null' : maps.origin);
      await target.locator('article.claim-card blockquote').waitFor();
      for (const summary of await target.locator('details.embed-more > summary').all()) await summary.click();
      expect(await violations(target)).toEqual([]);
      expect(cspConsole(log)).toEqual([]);
      expect(log.failedRequests).toEqual([]);
      const control = await tryInlineScript(target);
      expect(control.ran).toBe(false);
      expect(control.violations).toEqual([
        'script-src-elem blocked inline',
        'script-src-elem blocked inline',
      ]);
      await page.close();
    });
  }
});
