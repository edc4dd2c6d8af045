// `npm run new-story -- <id>` scaffolds a story folder that validates, checks and builds as it is.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateManifest } from '../../src/story/manifest.ts';
import { ROOT } from './stories.ts';

const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
const run = (command: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, ...env },
  });

const scratch = mkdtempSync(join(tmpdir(), 'new-story-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const folder = join(scratch, 'my-dispute');

describe('npm run new-story', () => {
  it('writes a folder whose manifest and data pass check:data and whose checks compute', {
    timeout: 240_000,
  }, () => {
    const made = run(bin('tsx'), ['scripts/new-story.ts', 'my-dispute', '--dir', folder]);
    expect(made.status, made.stderr).toBe(0);
    expect(validateManifest(JSON.parse(readFileSync(join(folder, 'story.json'), 'utf8')))).toEqual([]);
    const checked = run(bin('tsx'), ['scripts/check-data.ts', '--story', folder]);
    expect(checked.stdout).toContain('check:data: OK');
    expect(checked.status).toBe(0);
    const checks = run(bin('tsx'), ['scripts/checks.ts', '--story', folder, '--json']);
    expect(checks.status, checks.stderr).toBe(0);
    expect((JSON.parse(checks.stdout) as unknown[]).length).toBe(2);
  });

  it('refuses an id that is not lower-case words, and a folder that exists', { timeout: 120_000 }, () => {
    expect(run(bin('tsx'), ['scripts/new-story.ts', 'My Dispute']).status).toBe(1);
    const again = run(bin('tsx'), ['scripts/new-story.ts', 'my-dispute', '--dir', folder]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('exists already');
  });

  it('builds with STORY=<folder>, its texts in the pages', { timeout: 240_000 }, () => {
    const out = join(scratch, 'dist');
    const built = run(bin('vite'), ['build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], {
      STORY: folder,
    });
    expect(built.status, built.stderr).toBe(0);
    // The only warning allowed: the folder lies outside the repository (it is in a temporary directory).
    const warnings = `${built.stdout}${built.stderr}`
      .split('\n')
      .filter((l) => /warn|no label font/i.test(l));
    expect(warnings.filter((l) => !l.includes('outside the repository'))).toEqual([]);
    expect(existsSync(join(out, 'embed.html'))).toBe(true);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain(
      '<title>Replace: the page title (my-dispute)</title>',
    );
  });
});
