// The story manifest (data/<story>/story.json): what the engine knows about one dispute besides its data files.
// Pure: types, a validator that never throws, and the names the engine derives from a manifest (layer groups,
// URL names). Nothing in src/ names a side, a place, a date or a language of any particular story.

/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

/** How a side's claims are told apart besides their colour (see map/patterns.ts). */
export type HatchPattern = '/' | '\\' | '|' | '-';
export type MarkerShape = 'circle' | 'diamond' | 'square' | 'triangle';
export type OutlineStyle = 'solid' | 'dashed' | 'dotted';

export interface SideSpec {
  /** Lower-case words joined by "-"; claims name it in `side`, URLs in `claims-<id>`. */
  id: string;
  /** e.g. "Armenian side": who made the claim, never who is right. */
  label: string;
  /** The layer checkbox, e.g. "Armenian side’s claims". */
  layerLabel: string;
  /** A hue per colour scheme, and its name in words for the legend. */
  colour: { light: string; dark: string; name: string };
  pattern: HatchPattern;
  marker: MarkerShape;
  outline: OutlineStyle;
  /** Whether this side's claims may carry a position (a commentator's statement has none). */
  positions: boolean;
}

export interface BorderLineSpec {
  /** Lower-case words joined by "-"; the layer is `border` for the first line, `border-<id>` for the others. */
  id: string;
  /** GeoJSON file in the story folder: LineString/MultiLineString features with their sources. */
  file: string;
  /** The layer checkbox, e.g. "Border (OpenStreetMap, c. 2017)". */
  label: string;
  /** One sentence for the legend: what the line is and how it is drawn. */
  legend: string;
  /** Shown when the page opens. */
  shown: boolean;
}

export interface AreaShortcut {
  id: string;
  label: string;
  /** Place ids (places.geojson) to frame. */
  places: string[];
}

export interface StoryTexts {
  title: string;
  subtitle: string;
  /** The page's <title>. */
  pageTitle: string;
  /** The page's meta description. */
  description: string;
  /** The map's accessible name. */
  mapLabel: string;
  /** The iframe title the Embed dialog writes. */
  embedFrameTitle: string;
  /** The embed's source line. */
  sourceLine: string;
}

export interface LabelLanguage {
  /** BCP 47 code; the first language is the one of places' `name`, the others are keys of `names`. */
  code: string;
  /** The language named in itself, for the picker. */
  name: string;
}

/** A country of the dispute, as the basemap codes it. */
export interface StoryCountry {
  /** The basemap's code (`a3` of its country polygons and label points). */
  code: string;
  /** The name in the story's first label language. */
  name: string;
  /** The name in each other label language (its code → name); a language without one falls back to `name`. */
  names?: Record<string, string>;
  /** Where `names` come from (e.g. "Unicode CLDR 48 region names"). */
  namesSource?: string;
  /**
   * Where to write the name in the story's wide views (below zoom 9), as [lon, lat] points inside the country near
   * the story; closer in, the names run along the border. A cartographer's choice, not data.
   */
  labelPoints?: [number, number][];
}

export interface StoryManifest {
  id: string;
  /** BCP 47 code of the story's texts (the page's lang). */
  language: string;
  texts: StoryTexts;
  /** The timeline: first and last day, and the day shown when a page opens. */
  dates: { first: string; last: string; default: string };
  camera: {
    bounds: Bounds;
    boundsBasis?: string;
    /**
     * The first view: a box around the story's places, tighter than `bounds` (the whole region, which the "Whole
     * region" shortcut frames). On a phone it is framed above the bottom sheet. Without it, `bounds`.
     */
    focusBounds?: Bounds;
    maxBounds: Bounds;
    minZoom: number;
    maxZoom: number;
  };
  /** Story features must lie in this box (a guard against swapped coordinates). */
  region: Bounds;
  /**
   * The countries of the dispute (basemap codes): each gets a land tone of its own (neutral, in the manifest's
   * order) and its name on its side of the border, in every label language.
   */
  countries: StoryCountry[];
  /**
   * Places (ids in places.geojson) labelled first, at every zoom from the first view on: the places the story
   * is about. Other places are labelled where there is room.
   */
  keyPlaces?: string[];
  /** The locator inset: the wider region it draws (inside the basemap), the map's view marked on it. */
  locator?: { bounds: Bounds };
  sides: SideSpec[];
  labelLanguages: LabelLanguage[];
  /** Font packages (@fontsource) for labels; the build keeps only the subsets the story's names need. */
  fonts: string[];
  borderLines: BorderLineSpec[];
  /** The reference areas (areas.geojson): a lake, a disputed zone… */
  referenceAreas: { label: string; legend: string };
  areaShortcuts: AreaShortcut[];
  /** Old layer names that still work in URLs and embeds, e.g. { "lake": "areas" }. */
  layerAliases?: Record<string, string>;
  /** The basemap's attribution, shown on the map. */
  attribution: string;
}

/** The data files every story folder holds, by their fixed names. */
export const STORY_FILES = {
  sources: 'sources.json',
  places: 'places.geojson',
  claims: 'claims.geojson',
  areas: 'areas.geojson',
  basemap: 'basemap.geojson',
  checks: 'checks.json',
  uncertainty: 'uncertainty.geojson',
} as const;
export type StoryFileKey = keyof typeof STORY_FILES;

// ---------------------------------------------------------------------------------------------
// Names derived from the manifest
// ---------------------------------------------------------------------------------------------

/** A group of map layers a reader switches on and off; its name is what URLs and embeds use. */
export type LayerGroup = string;

export const claimsLayer = (side: string): LayerGroup => `claims-${side}`;

/** The layer of a border line: `border` for the story's first (main) line, `border-<id>` for each other. */
export function borderLayer(story: Pick<StoryManifest, 'borderLines'>, lineId: string): LayerGroup {
  return story.borderLines[0]?.id === lineId ? 'border' : `border-${lineId}`;
}

/** Every layer group, in the order the layer panel and URLs list them. */
export function layerGroups(story: StoryManifest): LayerGroup[] {
  return [
    ...story.sides.map((s) => claimsLayer(s.id)),
    'places',
    ...story.borderLines.map((l) => borderLayer(story, l.id)),
    'areas',
    'checks',
  ];
}

/** The groups shown when a page opens: all but border lines marked `shown: false`. */
export function defaultLayers(story: StoryManifest): LayerGroup[] {
  const hidden = new Set(story.borderLines.filter((l) => !l.shown).map((l) => borderLayer(story, l.id)));
  return layerGroups(story).filter((g) => !hidden.has(g));
}

/** The group a URL name stands for (its alias resolved), or null when the story has no such group. */
export function resolveLayerName(story: StoryManifest, name: string): LayerGroup | null {
  const resolved = story.layerAliases?.[name] ?? name;
  return layerGroups(story).includes(resolved) ? resolved : null;
}

/** The side a claims layer shows, or null for other groups. */
export function sideOfLayer(story: StoryManifest, group: LayerGroup): SideSpec | null {
  return story.sides.find((s) => claimsLayer(s.id) === group) ?? null;
}

export function sideById(story: StoryManifest, id: string): SideSpec | undefined {
  return story.sides.find((s) => s.id === id);
}

/** Every day of the story's timeline, in order. */
export function storyDays(story: Pick<StoryManifest, 'dates'>): string[] {
  const days: string[] = [];
  const last = Date.parse(`${story.dates.last}T00:00:00Z`);
  for (let t = Date.parse(`${story.dates.first}T00:00:00Z`); t <= last; t += 86_400_000)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HEX = /^#[0-9a-fA-F]{6}$/;
const BCP47 = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const FILE_NAME = /^[\w.-]+\.geojson$/;
const PATTERNS: readonly HatchPattern[] = ['/', '\\', '|', '-'];
const MARKERS: readonly MarkerShape[] = ['circle', 'diamond', 'square', 'triangle'];
const OUTLINES: readonly OutlineStyle[] = ['solid', 'dashed', 'dotted'];
const TEXT_KEYS: readonly (keyof StoryTexts)[] = [
  'title',
  'subtitle',
  'pageTitle',
  'description',
  'mapLabel',
  'embedFrameTitle',
  'sourceLine',
];

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

function isCalendarDate(s: unknown): s is string {
  if (typeof s !== 'string' || !ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function isBounds(v: unknown): v is Bounds {
  if (!Array.isArray(v) || v.length !== 4 || !v.every((n) => typeof n === 'number' && Number.isFinite(n)))
    return false;
  const [w, s, e, n] = v as number[];
  return w >= -180 && e <= 180 && s >= -90 && n <= 90 && w < e && s < n;
}

/**
 * Every problem with a manifest, as "path: message" lines; empty when the engine can use it.
 * Never throws, whatever the input.
 */
export function validateManifest(data: unknown): string[] {
  const problems: string[] = [];
  const at = (path: string, message: string) => problems.push(`${path}: ${message}`);
  if (!isRecord(data)) return ['story.json: must be a JSON object'];
  const m = data;
  if (typeof m.id !== 'string' || !ID.test(m.id)) at('id', 'lower-case words joined by "-"');
  if (typeof m.language !== 'string' || !BCP47.test(m.language)) at('language', 'a BCP 47 code such as "en"');
  if (!isRecord(m.texts)) at('texts', `an object with ${TEXT_KEYS.join(', ')}`);
  else for (const key of TEXT_KEYS) if (!isText(m.texts[key])) at(`texts.${key}`, 'a non-empty string');

  if (!isRecord(m.dates)) at('dates', 'an object { first, last, default }');
  else {
    const { first, last, default: day } = m.dates;
    for (const [key, value] of Object.entries({ first, last, default: day }))
      if (!isCalendarDate(value)) at(`dates.${key}`, 'a real calendar date YYYY-MM-DD');
    if (isCalendarDate(first) && isCalendarDate(last)) {
      if (first > last) at('dates', `first (${first}) is after last (${last})`);
      if (isCalendarDate(day) && (day < first || day > last))
        at('dates.default', `${day} is outside ${first} … ${last}`);
    }
  }

  if (!isRecord(m.camera)) at('camera', 'an object { bounds, maxBounds, minZoom, maxZoom }');
  else {
    const c = m.camera;
    if (!isBounds(c.bounds)) at('camera.bounds', '[west, south, east, north] in degrees');
    if (!isBounds(c.maxBounds)) at('camera.maxBounds', '[west, south, east, north] in degrees');
    const zoomOk = (z: unknown) => typeof z === 'number' && z >= 0 && z <= 24;
    if (!zoomOk(c.minZoom)) at('camera.minZoom', 'a zoom from 0 to 24');
    if (!zoomOk(c.maxZoom)) at('camera.maxZoom', 'a zoom from 0 to 24');
    if (zoomOk(c.minZoom) && zoomOk(c.maxZoom) && (c.minZoom as number) >= (c.maxZoom as number))
      at('camera', 'minZoom must be below maxZoom');
    for (const key of ['bounds', 'focusBounds'] as const) {
      if (key === 'focusBounds' && c.focusBounds === undefined) continue;
      if (!isBounds(c[key])) {
        if (key === 'focusBounds') at('camera.focusBounds', '[west, south, east, north] in degrees');
        continue;
      }
      if (!isBounds(c.maxBounds)) continue;
      const [w, s, e, n] = c[key];
      const [W, S, E, N] = c.maxBounds;
      if (w < W || s < S || e > E || n > N) at(`camera.${key}`, 'must lie inside camera.maxBounds');
    }
  }
  if (!isBounds(m.region)) at('region', '[west, south, east, north] in degrees');

  if (!Array.isArray(m.countries) || m.countries.length === 0)
    at('countries', 'a list of { code, name }, at least one');
  else
    m.countries.forEach((c, i) => {
      if (!isRecord(c) || !isText(c.code) || !isText(c.name)) at(`countries[${i}]`, '{ code, name }');
      else if (c.names !== undefined) {
        const languages = Array.isArray(m.labelLanguages)
          ? m.labelLanguages.map((l) => (isRecord(l) ? l.code : undefined))
          : [];
        if (!isRecord(c.names) || !Object.values(c.names).every(isText))
          at(`countries[${i}].names`, 'an object { "language code": "name" }');
        else
          for (const code of Object.keys(c.names))
            if (!languages.includes(code))
              at(`countries[${i}].names.${code}`, 'is not one of labelLanguages');
        if (!isText(c.namesSource)) at(`countries[${i}].namesSource`, 'says where the names come from');
      }
      if (isRecord(c) && c.labelPoints !== undefined) {
        const ok =
          Array.isArray(c.labelPoints) &&
          c.labelPoints.every(
            (p) => Array.isArray(p) && p.length === 2 && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90,
          );
        if (!ok) at(`countries[${i}].labelPoints`, 'a list of [lon, lat] points');
      }
    });
  if (m.keyPlaces !== undefined && (!Array.isArray(m.keyPlaces) || !m.keyPlaces.every(isText)))
    at('keyPlaces', 'a list of place ids');
  if (m.locator !== undefined && (!isRecord(m.locator) || !isBounds(m.locator.bounds)))
    at('locator', '{ bounds: [west, south, east, north] }');

  validateSides(m.sides, at);
  validateLanguages(m.labelLanguages, at);
  if (!Array.isArray(m.fonts) || m.fonts.length === 0 || !m.fonts.every(isText))
    at('fonts', 'a list of font package names, e.g. ["@fontsource/noto-sans"]');
  validateBorderLines(m.borderLines, at);
  if (!isRecord(m.referenceAreas) || !isText(m.referenceAreas.label) || !isText(m.referenceAreas.legend))
    at('referenceAreas', 'an object { label, legend }');
  validateShortcuts(m.areaShortcuts, at);
  if (!isText(m.attribution)) at('attribution', 'a non-empty string');

  if (m.layerAliases !== undefined) {
    if (!isRecord(m.layerAliases)) at('layerAliases', 'an object { "old name": "layer group" }');
    else if (problems.length === 0) {
      const groups = layerGroups(m as unknown as StoryManifest);
      for (const [alias, target] of Object.entries(m.layerAliases)) {
        if (typeof target !== 'string' || !groups.includes(target))
          at(`layerAliases.${alias}`, `must name one of ${groups.join(', ')}`);
        else if (groups.includes(alias)) at(`layerAliases.${alias}`, 'is already a layer group name');
      }
    }
  }
  return problems;
}

function uniqueIds(list: unknown[], path: string, at: (p: string, m: string) => void): void {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const id = isRecord(item) ? item.id : undefined;
    if (typeof id !== 'string' || !ID.test(id)) at(`${path}[${i}].id`, 'lower-case words joined by "-"');
    else if (seen.has(id)) at(`${path}[${i}].id`, `"${id}" is used twice`);
    else seen.add(id);
  });
}

function validateSides(sides: unknown, at: (p: string, m: string) => void): void {
  if (!Array.isArray(sides) || sides.length === 0) {
    at('sides', 'a list of sides, at least one');
    return;
  }
  uniqueIds(sides, 'sides', at);
  sides.forEach((s, i) => {
    const p = `sides[${i}]`;
    if (!isRecord(s)) return;
    for (const key of ['label', 'layerLabel'] as const) if (!isText(s[key])) at(`${p}.${key}`, 'a string');
    const c = s.colour;
    if (!isRecord(c) || typeof c.light !== 'string' || !HEX.test(c.light) || typeof c.dark !== 'string')
      at(`${p}.colour`, '{ light: "#rrggbb", dark: "#rrggbb", name }');
    else if (!HEX.test(c.dark) || !isText(c.name))
      at(`${p}.colour`, '{ light: "#rrggbb", dark: "#rrggbb", name }');
    if (!PATTERNS.includes(s.pattern as HatchPattern)) at(`${p}.pattern`, `one of ${PATTERNS.join(' ')}`);
    if (!MARKERS.includes(s.marker as MarkerShape)) at(`${p}.marker`, `one of ${MARKERS.join(', ')}`);
    if (!OUTLINES.includes(s.outline as OutlineStyle)) at(`${p}.outline`, `one of ${OUTLINES.join(', ')}`);
    if (typeof s.positions !== 'boolean') at(`${p}.positions`, 'true or false');
  });
}

function validateLanguages(languages: unknown, at: (p: string, m: string) => void): void {
  if (!Array.isArray(languages) || languages.length === 0) {
    at('labelLanguages', 'a list of { code, name }, at least one');
    return;
  }
  const seen = new Set<string>();
  languages.forEach((l, i) => {
    if (!isRecord(l) || typeof l.code !== 'string' || !BCP47.test(l.code) || !isText(l.name))
      at(`labelLanguages[${i}]`, '{ code: BCP 47, name }');
    else if (seen.has(l.code)) at(`labelLanguages[${i}]`, `"${l.code}" is listed twice`);
    else seen.add(l.code);
  });
}

function validateBorderLines(lines: unknown, at: (p: string, m: string) => void): void {
  if (!Array.isArray(lines)) {
    at('borderLines', 'a list of border lines (may be empty)');
    return;
  }
  uniqueIds(lines, 'borderLines', at);
  lines.forEach((l, i) => {
    const p = `borderLines[${i}]`;
    if (!isRecord(l)) return;
    if (typeof l.file !== 'string' || !FILE_NAME.test(l.file)) at(`${p}.file`, 'a .geojson file name');
    if (!isText(l.label)) at(`${p}.label`, 'a string');
    if (!isText(l.legend)) at(`${p}.legend`, 'a string');
    if (typeof l.shown !== 'boolean') at(`${p}.shown`, 'true or false');
  });
}

function validateShortcuts(shortcuts: unknown, at: (p: string, m: string) => void): void {
  if (!Array.isArray(shortcuts)) {
    at('areaShortcuts', 'a list of { id, label, places } (may be empty)');
    return;
  }
  uniqueIds(shortcuts, 'areaShortcuts', at);
  shortcuts.forEach((a, i) => {
    if (!isRecord(a)) return;
    if (!isText(a.label)) at(`areaShortcuts[${i}].label`, 'a string');
    if (!Array.isArray(a.places) || a.places.length === 0 || !a.places.every(isText))
      at(`areaShortcuts[${i}].places`, 'a list of place ids, at least one');
  });
}
