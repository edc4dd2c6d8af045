import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EMBED_SANDBOX,
  EMBED_TYPICAL_HEIGHT,
  embedSnippet,
  embedUrl,
  escapeAttribute,
  HOST_SCRIPT,
} from '../../src/embed/snippet.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('embed snippet', () => {
  it('puts embed.html next to the page, with the app state as its query', () => {
    expect(embedUrl('https://maps.example/crisis/', '?date=2021-05-20&lang=hy')).toBe(
      'https://maps.example/crisis/embed.html?date=2021-05-20&lang=hy',
    );
    expect(embedUrl('https://maps.example/crisis/index.html?x=1#top', '')).toBe(
      'https://maps.example/crisis/embed.html',
    );
    expect(embedUrl('https://maps.example/crisis/', '?layers=claims-armenia,border')).toBe(
      'https://maps.example/crisis/embed.html?layers=claims-armenia,border',
    );
  });

  it('writes an accessible, lazy, sandboxed iframe that our script can resize', () => {
    const snippet = embedSnippet({
      src: 'https://maps.example/embed.html?date=2021-05-20&lang=hy',
      title: 'A map',
    });
    const iframe = snippet.slice(0, snippet.indexOf('</iframe>'));
    for (const attribute of [
      'title="A map"',
      'src="https://maps.example/embed.html?date=2021-05-20&amp;lang=hy"',
      'width="100%"',
      `height="${EMBED_TYPICAL_HEIGHT}"`,
      'loading="lazy"',
      'referrerpolicy="strict-origin-when-cross-origin"',
      `sandbox="${EMBED_SANDBOX}"`,
      'style="border:0;width:100%"',
      'scrolling="no"',
      'allow="fullscreen"',
      'data-conflict-map',
    ]) {
      expect(iframe).toContain(attribute);
    }
    expect(EMBED_SANDBOX).toBe('allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    expect(snippet).toContain(`<script>\n${HOST_SCRIPT}\n</script>`);
  });

  it('escapes attribute values, so no title or URL can break out of its attribute', () => {
    expect(escapeAttribute('a "quoted" <b> & more')).toBe('a &quot;quoted&quot; &lt;b&gt; &amp; more');
    const snippet = embedSnippet({
      src: 'https://x.example/embed.html?a="><script>',
      title: '"><script>alert(1)</script>',
    });
    expect(snippet.match(/<script>/g)).toHaveLength(1);
    expect(snippet).not.toContain('"><');
  });

  it('has a host script that checks the sender and the height before resizing', () => {
    expect(HOST_SCRIPT).toContain('frame.contentWindow !== event.source');
    expect(HOST_SCRIPT).toContain('Number.isFinite(height)');
    expect(HOST_SCRIPT).toContain("data['conflict-map-height']");
    // It must be plain script: it runs as written on the host page.
    expect(() => new Function(HOST_SCRIPT)).not.toThrow();
  });

  it('is what the example article page uses, verbatim', () => {
    const article = readFileSync(join(ROOT, 'public/examples/article.html'), 'utf8');
    expect(article).toContain(HOST_SCRIPT);
    // The build writes the story's frame title in place of the placeholder (scripts/lib/vite-story-plugin.ts).
    const iframe = embedSnippet({ src: '../embed.html', title: '%STORY_EMBED_FRAME_TITLE%' }).split('\n')[0];
    expect(article).toContain(iframe);
  });
});
