import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { firstView } from './scripts/build/first-view.ts';
import { precompress } from './scripts/build/precompress.ts';
import { contentSecurityPolicy, inlineScripts, inlineStyles } from './scripts/csp.ts';
import { storyPlugin } from './scripts/lib/vite-story-plugin.ts';

/**
 * The pym.js parent library for public/examples/pym.html, served and built from node_modules: the example page
 * loads it from its own folder, never from a CDN.
 */
function pymForExamples(): Plugin {
  const file = 'examples/pym.v1.min.js';
  const source = () => readFileSync(createRequire(import.meta.url).resolve('pym.js/dist/pym.v1.min.js'));
  return {
    name: 'pym-for-examples',
    configureServer(server) {
      server.middlewares.use(`/${file}`, (_request, response) => {
        response.setHeader('content-type', 'text/javascript; charset=utf-8');
        response.end(source());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: file, source: source() });
    },
  };
}

/**
 * Writes the Content-Security-Policy (scripts/csp.ts) into every built page as a <meta> tag, with the hashes of the
 * pages' inline <style> blocks as they are after the build, and fails the build on an inline script. The same policy
 * is the header the README tells hosts to send; the CSP browser test sends it and reads it from here. Not in dev:
 * Vite's dev server injects its own client.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const pages = Object.values(bundle).filter(
        (file) => file.type === 'asset' && file.fileName.endsWith('.html'),
      ) as Array<{ fileName: string; source: string | Uint8Array }>;
      const hashes = new Set<string>();
      for (const page of pages) {
        const html = String(page.source);
        if (inlineScripts(html).length > 0)
          this.error(`${page.fileName}: inline scripts break the CSP (scripts/csp.ts)`);
        for (const css of inlineStyles(html))
          hashes.add(`sha256-${createHash('sha256').update(css).digest('base64')}`);
      }
      const policy = contentSecurityPolicy({ styleHashes: [...hashes].sort() });
      for (const page of pages) {
        const html = String(page.source);
        const charset = /<meta charset="UTF-8" \/>\n/i;
        if (!charset.test(html)) this.error(`${page.fileName}: no <meta charset> to put the CSP after`);
        page.source = html.replace(
          charset,
          (tag) => `${tag}    <meta http-equiv="Content-Security-Policy" content="${policy}" />\n`,
        );
      }
    },
  };
}

// One config for the app build and both test projects:
// - node: pure code and data checks, no browser;
// - browser: playwright-core drives the system Chromium against the built dist/ (run `npm run build` first).
export default defineConfig({
  // Relative asset URLs, so dist/ works from any folder of any static host.
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // The story comes from a folder: STORY=data/<story> npm run build (default: the repository's own story).
  // The CSP is written after the first view is in the pages, and before they are compressed.
  plugins: [storyPlugin(), pymForExamples(), firstView(), contentSecurityPolicyMeta(), precompress()],
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // Two pages: the full app, and the embed (embed.html) that newsrooms put in an iframe.
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        embed: resolve(import.meta.dirname, 'embed.html'),
      },
      output: {
        // MapLibre in a chunk of its own: cached apart from app code, and measured apart by `npm run bench`.
        codeSplitting: {
          groups: [{ name: 'maplibre', test: /node_modules[\\/](maplibre-gl|@maplibre)[\\/]/ }],
        },
      },
    },
  },
  preview: { port: 4173, strictPort: false },
  test: {
    // The JSON report lets .ci/run print a one-line "N passed, N failed" summary.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/node/**/*.test.ts'],
          environment: 'node',
          // Pure computations of a second or less alone; on a 2-core machine shared with other builds and
          // browsers they take ten times that. Tests that start a CLI set their own, larger timeouts.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          // A test loads the map once to three times in software WebGL: ~2 s each alone, up to a minute each
          // on a loaded 2-core machine. Waits inside the tests fail sooner, with a message that says what hung.
          testTimeout: 240_000,
          hookTimeout: 120_000,
          // One Chromium at a time: software WebGL on two cores is slow enough already.
          fileParallelism: false,
        },
      },
    ],
  },
});
