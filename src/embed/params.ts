// The embed's own URL parameters (which controls show, gestures, its id, which host origins may send commands),
// read next to the app's shared state parameters (src/url-state.ts). Pure: no DOM.
// Unknown or malformed parameters are dropped with a warning that names them; they never break the page.
import { quoted, shownList } from '../shown-text.ts';
import type { StoryManifest } from '../story/manifest.ts';
import { type Parsed, parseUrlState, URL_KEYS, type UrlState } from '../url-state.ts';

export type Gestures = 'cooperative' | 'free';

/**
 * Parts of the embed a host can hide with `name=0`. `toggles` is the layer checkboxes: the name `layers` already
 * carries the list of visible layers (shared with the full app).
 */
export const CONTROL_KEYS = ['title', 'legend', 'toggles', 'timeline', 'claims', 'checks', 'zoom'] as const;
export type Control = (typeof CONTROL_KEYS)[number];
export type Controls = Record<Control, boolean>;

export interface EmbedParams {
  /** Names this embed in height messages and announcements (pym's `childId` when pym.js made the frame). */
  id: string;
  controls: Controls;
  gestures: Gestures;
  /** Exact origins allowed to send commands; null: any origin (the sender must still be `window.parent`). */
  origins: ReadonlySet<string> | null;
}

export const DEFAULT_EMBED_ID = 'conflict-map';

export const DEFAULT_EMBED_PARAMS: EmbedParams = {
  id: DEFAULT_EMBED_ID,
  controls: {
    title: true,
    legend: true,
    toggles: true,
    timeline: true,
    claims: true,
    checks: true,
    zoom: true,
  },
  gestures: 'cooperative',
  origins: null,
};

/** What pym.js's Parent adds to the frame's URL. Accepted; only `childId` is used. */
const PYM_KEYS = ['initialWidth', 'childId', 'parentTitle', 'parentUrl'] as const;

export const EMBED_KEYS = [...CONTROL_KEYS, 'gestures', 'id', 'origins', ...PYM_KEYS] as const;

/**
 * Letters, digits and `_ . : -`, up to 64: enough for any sensible element id, and nothing that could break the
 * pym message format (`…xPYMx<id>xPYMx…`, split on "xPYMx" by pym's own regex).
 */
const EMBED_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/** An http(s) origin exactly as `event.origin` spells it: scheme, host, optional port, nothing else. */
export function normalizeOrigin(text: string): string | null {
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.origin === text ? url.origin : null;
  } catch {
    return null;
  }
}

export function parseEmbedParams(search: string): Parsed<EmbedParams> {
  const params = new URLSearchParams(search);
  const warnings: string[] = [];
  const warn = (key: string, value: string, expected: string) =>
    warnings.push(`Ignored URL parameter ${key}=${quoted(value)}: expected ${expected}.`);
  const result: EmbedParams = { ...DEFAULT_EMBED_PARAMS, controls: { ...DEFAULT_EMBED_PARAMS.controls } };

  for (const key of CONTROL_KEYS) {
    const value = params.get(key);
    if (value === null) continue;
    if (value === '0' || value === '1') result.controls[key] = value === '1';
    else warn(key, value, '0 or 1');
  }

  const gestures = params.get('gestures');
  if (gestures !== null) {
    if (gestures === 'cooperative' || gestures === 'free') result.gestures = gestures;
    else warn('gestures', gestures, '"cooperative" or "free"');
  }

  // pym.js names the frame with childId and listens for exactly that id, so it wins over our own `id`.
  const id = params.get('id');
  const childId = params.get('childId');
  for (const [key, value] of [
    ['id', id],
    ['childId', childId],
  ] as const) {
    if (value === null) continue;
    if (EMBED_ID.test(value)) result.id = value;
    else warn(key, value, 'letters, digits, "_", ".", ":" or "-", up to 64');
  }
  if (id !== null && childId !== null && id !== childId && EMBED_ID.test(id) && EMBED_ID.test(childId)) {
    warnings.push(`URL parameters id=${quoted(id)} and childId=${quoted(childId)} differ: using childId.`);
  }

  const origins = params.get('origins');
  if (origins !== null) {
    const listed = origins.split(',').map((origin) => origin.trim());
    const valid = listed.map(normalizeOrigin).filter((origin): origin is string => origin !== null);
    const invalid = listed.filter((origin) => normalizeOrigin(origin) === null);
    if (invalid.length) warn('origins', invalid.join(','), 'origins such as https://news.example (no path)');
    // Fails closed: a configured list whose every entry is malformed allows no one, rather than everyone.
    result.origins = new Set(valid);
  }

  const initialWidth = params.get('initialWidth');
  if (initialWidth !== null && !/^\d{1,5}$/.test(initialWidth))
    warn('initialWidth', initialWidth, 'a width in pixels');
  // parentTitle and parentUrl are accepted and never used: nothing from them is shown or followed.

  return { value: result, warnings };
}

export interface EmbedSearch {
  url: UrlState;
  embed: EmbedParams;
  warnings: string[];
}

/** Everything an embed URL carries: the shared app state, the embed's options, and a warning per dropped name. */
export function parseEmbedSearch(search: string, story: StoryManifest): EmbedSearch {
  const url = parseUrlState(search, story);
  const embed = parseEmbedParams(search);
  const known = new Set<string>([...URL_KEYS, ...EMBED_KEYS]);
  const unknown = [...new Set(new URLSearchParams(search).keys())].filter((key) => !known.has(key));
  const warnings = [...url.warnings, ...embed.warnings];
  if (unknown.length)
    warnings.push(`Ignored unknown URL parameter${unknown.length > 1 ? 's' : ''}: ${shownList(unknown)}.`);
  return { url: url.value, embed: embed.value, warnings };
}
