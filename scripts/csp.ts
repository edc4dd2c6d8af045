// The Content-Security-Policy of the built app and embed: one policy for both pages and every file they load, written
// into each page as a <meta> tag by the build (vite.config.ts) and documented in the README as the header a host
// should send. Why each source is allowed:
// - script-src 'self': the pages' module scripts and chunks; nothing inline, no eval.
// - style-src 'self' + hashes: the stylesheets, and the one inline <style> of embed.html (the "could not start"
//   note, which must style itself when nothing else can load); a hash, not 'unsafe-inline'. Scripts set styles
//   only through the CSSOM (element.style), which CSP does not restrict.
// - img-src 'self' data: the favicon, and the SVG icons of MapLibre's controls, inlined as data: URLs in its CSS.
// - font-src 'self': the bundled label fonts (MapLibre loads them with the CSS Font Loading API).
// - connect-src 'self': the data files (the app's loader, and MapLibre's worker), and the worker script itself,
//   which MapLibre fetches as text in an opaque-origin frame (below).
// - worker-src 'self' data: MapLibre 6 starts its worker from the worker's URL on this site; but in a frame with
//   sandbox="allow-scripts" (an opaque origin, where Chromium starts no module worker from a blob: URL) it fetches the
//   worker's code and starts it from a data: URL. Without that case, 'self' alone would do.
// - base-uri, form-action, object-src (through default-src 'none'): nothing of the kind is used; closed.

export interface CspOptions {
  /** 'sha256-…' sources of the inline <style> blocks of the built pages. */
  styleHashes: readonly string[];
}

export function contentSecurityPolicy({ styleHashes }: CspOptions): string {
  const directives: string[][] = [
    ['default-src', "'none'"],
    ['script-src', "'self'"],
    ['style-src', "'self'", ...styleHashes.map((hash) => `'${hash}'`)],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['worker-src', "'self'", 'data:'],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/** The contents of each inline <style> block of an HTML page (what a style hash is computed over). */
export function inlineStyles(html: string): string[] {
  return [...html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi)].map((match) => match[1] ?? '');
}

/** Inline <script> blocks (with content, not src): the policy allows none. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\ssrc=)(?:\s[^>]*)?>([\s\S]*?)<\/script>/gi)]
    .map((match) => match[1] ?? '')
    .filter((body) => body.trim() !== '');
}
