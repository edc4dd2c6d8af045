// The shareable part of the app's state, as URL query parameters. Pure: parse and serialize, no DOM.
// Unknown or malformed parameters are dropped with a warning that names them; they never break the page.
// The names and values a URL may carry (layers, days, languages) are the story's (its manifest).
import type { Camera } from './map/camera.ts';
import { quoted } from './shown-text.ts';
import {
  defaultLayers,
  type LayerGroup,
  layerGroups,
  resolveLayerName,
  type StoryManifest,
} from './story/manifest.ts';
import { type DateMode, isStoryDay } from './timeline.ts';
import { type Language, languagesOf, primaryLanguage } from './ui/languages.ts';
import { isTheme, THEMES, type Theme } from './ui/theme.ts';

export interface UrlState {
  layers: LayerGroup[];
  date: string;
  mode: DateMode;
  claim: string | null;
  check: string | null;
  lang: Language;
  camera: Camera | null;
  /** The reader's measurement: its points, [lon, lat] each (absent or empty: none). */
  measure?: [number, number][];
  /** The colour scheme asked for in the URL; null: the page's default (the app: auto; the embed: light). */
  theme: Theme | null;
}

export function defaultUrlState(story: StoryManifest): UrlState {
  return {
    layers: defaultLayers(story),
    date: story.dates.default,
    mode: 'cumulative',
    claim: null,
    check: null,
    lang: primaryLanguage(story),
    camera: null,
    theme: null,
  };
}

/** At most this many measurement points in a URL (A to Z). */
export const MAX_MEASURE_POINTS = 26;

/** Parameter names this module owns; others (e.g. the embed's) are left to their own parser. */
export const URL_KEYS = [
  'layers',
  'date',
  'mode',
  'claim',
  'check',
  'lang',
  'map',
  'theme',
  'measure',
] as const;

const ID = /^[a-z0-9][a-z0-9-]{0,80}$/;

export interface Parsed<T> {
  value: T;
  warnings: string[];
}

export function parseUrlState(search: string, story: StoryManifest): Parsed<UrlState> {
  const params = new URLSearchParams(search);
  const warnings: string[] = [];
  const state = defaultUrlState(story);
  const groups = layerGroups(story);
  const warn = (key: string, value: string, expected: string) =>
    warnings.push(`Ignored URL parameter ${key}=${quoted(value)}: expected ${expected}.`);

  const layers = params.get('layers');
  if (layers !== null) {
    const names = layers.split(',').filter((name) => name !== '');
    const unknown = names.filter((name) => resolveLayerName(story, name) === null);
    if (unknown.length) warn('layers', unknown.join(','), `names from ${groups.join(', ')}`);
    const resolved = new Set(names.map((name) => resolveLayerName(story, name)));
    const known = groups.filter((group) => resolved.has(group));
    // Unknown names are ignored; a list with no known name at all is ignored as a whole (every layer stays on),
    // rather than read as "turn everything off". An empty list does mean that.
    if (known.length > 0 || names.length === 0) state.layers = known;
  }
  const date = params.get('date');
  if (date !== null) {
    if (isStoryDay(story, date)) state.date = date;
    else warn('date', date, `a day from ${story.dates.first} to ${story.dates.last} (YYYY-MM-DD)`);
  }
  const mode = params.get('mode');
  if (mode !== null) {
    if (mode === 'cumulative' || mode === 'day') state.mode = mode;
    else warn('mode', mode, '"cumulative" or "day"');
  }
  for (const key of ['claim', 'check'] as const) {
    const id = params.get(key);
    if (id === null) continue;
    if (ID.test(id)) state[key] = id;
    else warn(key, id, 'an id of lowercase letters, digits and dashes');
  }
  const lang = params.get('lang');
  if (lang !== null) {
    const languages = languagesOf(story);
    if (languages.includes(lang)) state.lang = lang;
    else warn('lang', lang, `one of ${languages.join(', ')}`);
  }
  const theme = params.get('theme');
  if (theme !== null) {
    if (isTheme(theme)) state.theme = theme;
    else warn('theme', theme, `one of ${THEMES.join(', ')}`);
  }
  const map = params.get('map');
  if (map !== null) {
    const camera = parseCamera(map);
    if (camera) state.camera = camera;
    else warn('map', map, 'zoom/latitude/longitude, e.g. 11/39.60/46.23');
  }
  const measure = params.get('measure');
  if (measure !== null) {
    const points = parseMeasure(measure);
    if (points) state.measure = points;
    else
      warn(
        'measure',
        measure,
        `up to ${MAX_MEASURE_POINTS} points as latitude,longitude joined by "_", e.g. 39.5111,46.3417_39.5354,46.3206`,
      );
  }
  return { value: state, warnings };
}

/** "lat,lon_lat,lon…": latitude first, as in `map`. Null when any point is malformed or out of range. */
export function parseMeasure(text: string): [number, number][] | null {
  const parts = text.split('_');
  if (text === '' || parts.length > MAX_MEASURE_POINTS) return null;
  const points: [number, number][] = [];
  for (const part of parts) {
    const pair = part.split(',');
    if (pair.length !== 2 || pair.some((v) => v.trim() === '')) return null;
    const [lat, lon] = pair.map(Number) as [number, number];
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 85 || Math.abs(lon) > 180)
      return null;
    points.push([lon, lat]);
  }
  return points;
}

/** Five decimals: about a metre, finer than a tap can place a point. */
export function formatMeasure(points: readonly (readonly [number, number])[]): string {
  return points.map(([lon, lat]) => `${lat.toFixed(5)},${lon.toFixed(5)}`).join('_');
}

/** "zoom/lat/lon", the order MapLibre's own hash uses. */
export function parseCamera(text: string): Camera | null {
  const parts = text.split('/');
  if (parts.length !== 3 || parts.some((part) => part.trim() === '')) return null;
  const [zoom, lat, lon] = parts.map(Number);
  const ok =
    [zoom, lat, lon].every(Number.isFinite) &&
    zoom >= 0 &&
    zoom <= 22 &&
    Math.abs(lat) <= 85 &&
    Math.abs(lon) <= 180;
  return ok ? { zoom, center: [lon, lat] } : null;
}

function formatCamera({ zoom, center: [lon, lat] }: Camera): string {
  return `${zoom.toFixed(2)}/${lat.toFixed(4)}/${lon.toFixed(4)}`;
}

/** Only what differs from the defaults goes in the URL, so links stay short. */
export function serializeUrlState(state: UrlState, story: StoryManifest): string {
  const defaults = defaultUrlState(story);
  const params = new URLSearchParams();
  const sameLayers =
    state.layers.length === defaults.layers.length &&
    defaults.layers.every((layer) => state.layers.includes(layer));
  if (!sameLayers)
    params.set(
      'layers',
      layerGroups(story)
        .filter((g) => state.layers.includes(g))
        .join(','),
    );
  if (state.date !== defaults.date) params.set('date', state.date);
  if (state.mode !== defaults.mode) params.set('mode', state.mode);
  if (state.claim) params.set('claim', state.claim);
  if (state.check) params.set('check', state.check);
  if (state.lang !== defaults.lang) params.set('lang', state.lang);
  if (state.camera) params.set('map', formatCamera(state.camera));
  if (state.measure?.length) params.set('measure', formatMeasure(state.measure));
  if (state.theme) params.set('theme', state.theme);
  const text = params.toString().replaceAll('%2C', ',').replaceAll('%2F', '/');
  return text ? `?${text}` : '';
}
