// The code a newsroom pastes into an article: one iframe and a few lines of script that apply our height message.
// Pure string building; every value that goes into an attribute is escaped.
import { HEIGHT_KEY } from './height.ts';

/**
 * The frame's starting height before the embed reports its own: the embed's height at about 700 px wide with every
 * control shown (map 434 px + title + panel), measured in tests/browser/embed.test.ts. Reserving it keeps the
 * article from jumping when the real height arrives.
 */
export const EMBED_TYPICAL_HEIGHT = 1000;

/**
 * Scripts and the map's own origin (postMessage, fetches of its files), links that open in a new tab, and nothing
 * else: no top navigation, no forms. Drop `allow-same-origin` only if the map's host sends
 * `Access-Control-Allow-Origin: *` (README).
 */
export const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/** Host heights outside this range are ignored: a height is only ever a few hundred pixels to a few thousand. */
export const MIN_HOST_HEIGHT = 100;
export const MAX_HOST_HEIGHT = 10_000;

/**
 * The host page's listener, in plain script for any CMS; safe to paste more than once (one listener per page).
 * It resizes only the iframe whose window sent the message, and only to a finite height in a sane range.
 */
export const HOST_SCRIPT = `(() => {
  if (window.conflictMapHeightListener) return;
  window.conflictMapHeightListener = true;
  window.addEventListener('message', (event) => {
    const data = event.data;
    const heights = data && typeof data === 'object' ? data['${HEIGHT_KEY}'] : null;
    if (!heights || typeof heights !== 'object') return;
    for (const frame of document.querySelectorAll('iframe[data-conflict-map]')) {
      if (frame.contentWindow !== event.source) continue;
      for (const height of Object.values(heights)) {
        const sane = typeof height === 'number' && Number.isFinite(height);
        if (sane && height >= ${MIN_HOST_HEIGHT} && height <= ${MAX_HOST_HEIGHT}) frame.style.height = \`\${Math.ceil(height)}px\`;
      }
    }
  });
})();`;

/** Escapes text for a double-quoted HTML attribute value. */
export function escapeAttribute(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** The embed's absolute URL: embed.html next to the page at `pageUrl`, with the app's state query (may be ''). */
export function embedUrl(pageUrl: string, query: string): string {
  const url = new URL('embed.html', pageUrl);
  url.search = query;
  url.hash = '';
  return url.href;
}

export interface SnippetOptions {
  /** The embed's absolute URL (see embedUrl). */
  src: string;
  /** What a screen reader announces for the frame (WCAG H64). */
  title: string;
  height?: number;
}

export function embedSnippet({ src, title, height = EMBED_TYPICAL_HEIGHT }: SnippetOptions): string {
  const attributes = [
    `title="${escapeAttribute(title)}"`,
    `src="${escapeAttribute(src)}"`,
    'width="100%"',
    `height="${Math.round(height)}"`,
    'loading="lazy"',
    'referrerpolicy="strict-origin-when-cross-origin"',
    `sandbox="${EMBED_SANDBOX}"`,
    'style="border:0;width:100%"',
    'scrolling="no"',
    // The map's "Full screen" button: a frame may only go full screen when its page allows it.
    'allow="fullscreen"',
    'data-conflict-map',
  ];
  return `<iframe ${attributes.join(' ')}></iframe>\n<script>\n${HOST_SCRIPT}\n</script>`;
}
