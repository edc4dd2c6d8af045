// Validator for a story's data files (data/<story>/*.geojson and sources.json), under the rules of its
// manifest (sides, dates, region, label languages).
// Pure: no node: imports, no I/O, never throws, so the same code runs in the CLI, in tests and in the browser.
// geojson-validation checks the GeoJSON grammar; everything it does not check (finite numbers, ranges,
// closed rings, ids, the per-layer schemas, dates, references, verbatim quotes) is checked here.
import gjv from 'geojson-validation';
import { quoted, shownText } from '../shown-text.ts';

export interface Problem {
  file: string;
  /** Feature or entry id, for readers (cut and escaped); "(file)" for problems with the file as a whole. */
  featureId: string;
  /**
   * Position of the feature in the file's "features" (of the entry, in sources.json): what identifies it. Ids cannot,
   * as a feature may lack one, or have two that differ. Absent for problems with the file as a whole.
   */
  index?: number;
  message: string;
  /** 1-based position of a JSON syntax error. */
  line?: number;
  column?: number;
}

export type Layer = 'places' | 'areas' | 'claims' | 'border' | 'sources' | 'basemap' | 'geojson';

export interface DataFile {
  file: string;
  layer: Layer;
  data: unknown;
}

/** What the story's manifest (story.json) says about valid data. */
export interface StoryRules {
  /** The sides a claim may name, and whether its claims may carry a position. */
  sides: readonly { id: string; label: string; positions: boolean }[];
  /** Claims must fall between these days. */
  dates: { first: string; last: string };
  /** [west, south, east, north]: story features outside it are errors (a guard against swapped coordinates). */
  region: readonly [number, number, number, number];
  /** The label languages; the first is the one of `name`, the others may appear in `names`. */
  labelLanguages: readonly { code: string }[];
  /** The countries of the dispute: a border line's `leftCountry` and `rightCountry` name one of them. */
  countries?: readonly { code: string }[];
}

export interface ValidateOptions {
  /** The rules of the story the files belong to. */
  story: StoryRules;
  /** Seed article texts by file name (e.g. "000_a7406c2808281acd.txt"). Absent: verbatim-quote checks are skipped. */
  seeds?: Readonly<Record<string, string>>;
  /**
   * Excerpts of the other sources by file name (the story's excerpts/ folder): quotes from a source with an
   * `excerpt` are checked verbatim against it. Absent: those checks are skipped.
   */
  excerpts?: Readonly<Record<string, string>>;
  /** Files used only to resolve references (source ids, answers, duplicate ids); their own problems are not reported. */
  context?: readonly DataFile[];
}

export const FILE_LEVEL = '(file)';
/** Said of the first file checked when no sources.json was given; it says nothing about that file's content. */
export const NO_SOURCES = 'source ids cannot be resolved: no sources.json was given';
/** Beyond this many problems in one file the rest are summarised, so a broken basemap cannot flood the output. */
export const MAX_PROBLEMS_PER_FILE = 50;
/** Longest problem message, in characters: data text quoted in a message is cut well before (see shown-text.ts). */
export const MAX_MESSAGE_LENGTH = 400;

const PLACE_KINDS = ['town', 'village', 'lake', 'peak', 'region', 'district', 'reported-position'] as const;
const CLAIM_KINDS = ['advance', 'positions', 'area', 'direction', 'denial', 'statement'] as const;
const SOURCE_KINDS = ['article', 'web-page', 'dataset', 'research-note'] as const;
const CERTAINTIES = ['exact', 'inferred', 'unknown'] as const;
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const BCP47 = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
// C0 controls other than tab and newline, and DEL: invisible in a popup, and a sign of a broken copy/paste.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

type Json = Record<string, unknown>;
type Report = (featureId: string, message: string, index?: number) => void;

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${quoted(v, 41)}`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

// ---------------------------------------------------------------------------------------------
// JSON parsing with a line and column for syntax errors
// ---------------------------------------------------------------------------------------------

export type ParseResult = { ok: true; value: unknown } | { ok: false; problem: Problem };

/** JSON.parse that turns a syntax error into a Problem with the line and column of the error. */
export function parseJson(text: string, file: string): ParseResult {
  // A byte-order mark is an editor artefact, not an error: skip it, and count lines and columns without it.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  try {
    return { ok: true, value: JSON.parse(bom ? text.slice(1) : text) };
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const body = text.slice(bom);
    const { line, column } = lineColumn(body, errorOffset(body, raw));
    const message = `invalid JSON: ${shownText(raw, 161)}`;
    return { ok: false, problem: { file, featureId: FILE_LEVEL, message, line, column } };
  }
}

/** Offset of a syntax error: found by our own scanner (same in every browser), else read from the message. */
function errorOffset(text: string, message: string): number {
  const scanned = scanJson(text);
  if (scanned >= 0) return scanned;
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return offsetOf(text, Number(lc[1]), Number(lc[2]));
  const pos = /position (\d+)/.exec(message);
  return pos ? Number(pos[1]) : 0;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastBreak };
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + column - 1;
}

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
type Expect = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'end';

/**
 * Offset of the first JSON syntax error, or -1 when the text is valid. Iterative (an explicit stack),
 * so deeply nested input cannot overflow the call stack.
 */
export function scanJson(s: string): number {
  const stack: Array<'a' | 'o'> = [];
  let i = 0;
  let expect: Expect = 'value';
  const afterValue = (): Expect => (stack.length ? 'commaOrClose' : 'end');
  while (true) {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
    if (i >= s.length) return expect === 'end' ? -1 : s.length;
    const c = s[i];
    if (expect === 'end') return i;
    if (expect === 'colon') {
      if (c !== ':') return i;
      i++;
      expect = 'value';
    } else if (expect === 'commaOrClose') {
      const top = stack[stack.length - 1];
      if (c === ',') {
        i++;
        expect = top === 'a' ? 'value' : 'key';
      } else if (c === (top === 'a' ? ']' : '}')) {
        i++;
        stack.pop();
        expect = afterValue();
      } else return i;
    } else if ((expect === 'keyOrClose' && c === '}') || (expect === 'valueOrClose' && c === ']')) {
      i++;
      stack.pop();
      expect = afterValue();
    } else if (expect === 'key' || expect === 'keyOrClose') {
      if (c !== '"') return i;
      const end = scanString(s, i);
      if (end < 0) return -end - 1;
      i = end;
      expect = 'colon';
    } else if (c === '{' || c === '[') {
      stack.push(c === '{' ? 'o' : 'a');
      i++;
      expect = c === '{' ? 'keyOrClose' : 'valueOrClose';
    } else if (c === '"') {
      const end = scanString(s, i);
      if (end < 0) return -end - 1;
      i = end;
      expect = afterValue();
    } else {
      const literal = ['true', 'false', 'null'].find((w) => s.startsWith(w, i));
      JSON_NUMBER.lastIndex = i;
      const number = literal ? null : JSON_NUMBER.exec(s);
      const length = literal ? literal.length : (number?.[0].length ?? 0);
      if (length === 0) return i;
      i += length;
      expect = afterValue();
    }
  }
}

/** End offset (just past the closing quote) of the string starting at `start`, or -(errorOffset + 1). */
function scanString(s: string, start: number): number {
  for (let i = start + 1; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return -(i + 1);
    if (code === 0x5c) {
      const e = s[i + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) return -(i + 1);
        i += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
      else return -(i + 1);
    }
  }
  return -(s.length + 1);
}

// ---------------------------------------------------------------------------------------------
// Layer detection
// ---------------------------------------------------------------------------------------------

const NAMED_LAYERS: [string, Layer][] = [
  ['basemap', 'basemap'],
  ['places', 'places'],
  ['area', 'areas'],
  ['lake', 'areas'],
  ['claims', 'claims'],
  ['border', 'border'],
  ['sources', 'sources'],
];

/**
 * Which layer a file holds: by file name first (…places…, …area… or …lake…, …claims…, …border…, …sources…,
 * …basemap…), else by content (a FeatureCollection by its first feature's properties).
 * An array of sources is sources.json; any other array or value is 'geojson', which is then reported as not a
 * FeatureCollection: an empty array is not a data file with nothing in it.
 */
export function detectLayer(file: string, data: unknown): Layer {
  const name = (file.split(/[\\/]/).pop() ?? file).toLowerCase();
  const named = NAMED_LAYERS.find(([word]) => name.includes(word));
  if (named) return named[1];
  if (Array.isArray(data)) return isRecord(data[0]) && 'outlet' in data[0] ? 'sources' : 'geojson';
  const first = isRecord(data) && Array.isArray(data.features) ? data.features[0] : undefined;
  const props = isRecord(first) && isRecord(first.properties) ? first.properties : {};
  if ('quote' in props && 'side' in props) return 'claims';
  if ('schematic' in props) return 'areas';
  if ('kind' in props && 'names' in props) return 'places';
  if ('basis' in props) return 'border';
  return 'geojson';
}

// ---------------------------------------------------------------------------------------------
// Positions and geometries (geojson-validation does not check finiteness, ranges or ring sizes)
// ---------------------------------------------------------------------------------------------

interface GeometryCheck {
  report: Report;
  featureId: string;
  /** Story layers must lie in the story's region; the basemap may show neighbours (null). */
  region: StoryRules['region'] | null;
}

function checkPosition(p: unknown, where: string, g: GeometryCheck): boolean {
  if (!Array.isArray(p)) {
    g.report(g.featureId, `${where}: a position must be an array [lon, lat], found ${describe(p)}`);
    return false;
  }
  if (p.length < 2 || p.length > 3) {
    g.report(g.featureId, `${where}: a position needs 2 or 3 numbers [lon, lat(, alt)], found ${p.length}`);
    return false;
  }
  const bad = p.findIndex((n) => typeof n !== 'number' || !Number.isFinite(n));
  if (bad >= 0) {
    const n = p[bad];
    const what = typeof n === 'number' ? String(n) : describe(n);
    g.report(g.featureId, `${where}[${bad}]: not a finite number (${what}); e.g. 1e400 parses as Infinity`);
    return false;
  }
  const [lon, lat] = p as number[];
  if (lon === undefined || lat === undefined) return false;
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    g.report(g.featureId, `${where}: [${lon}, ${lat}] is out of range (lon −180…180, lat −90…90)`);
    return false;
  }
  if (g.region && !inBox(g.region, lon, lat)) {
    const [w, s, e, n] = g.region;
    const hint = inBox(g.region, lat, lon) ? '; it looks like [lat, lon] — GeoJSON wants [lon, lat]' : '';
    g.report(
      g.featureId,
      `${where}: [${lon}, ${lat}] lies outside the story region (lon ${w}…${e}, lat ${s}…${n})${hint}`,
    );
    return false;
  }
  return true;
}

function inBox([w, s, e, n]: StoryRules['region'], lon: number, lat: number): boolean {
  return lon >= w && lon <= e && lat >= s && lat <= n;
}

function checkPositions(list: unknown, where: string, min: number, what: string, g: GeometryCheck): boolean {
  if (!Array.isArray(list)) {
    g.report(g.featureId, `${where}: ${what} must be an array of positions, found ${describe(list)}`);
    return false;
  }
  let ok = true;
  list.forEach((p, i) => {
    ok = checkPosition(p, `${where}[${i}]`, g) && ok;
  });
  if (list.length < min) {
    g.report(g.featureId, `${where}: ${what} has ${list.length} positions; it needs at least ${min}`);
    return false;
  }
  return ok;
}

function checkRing(ring: unknown, where: string, g: GeometryCheck): boolean {
  if (!checkPositions(ring, where, 4, 'a linear ring', g)) return false;
  const r = ring as number[][];
  const first = r[0] as number[];
  const last = r[r.length - 1] as number[];
  if (first.length !== last.length || first.some((v, i) => v !== last[i])) {
    g.report(g.featureId, `${where}: ring is not closed: first [${first}] ≠ last [${last}]`);
    return false;
  }
  return true;
}

function checkPolygon(rings: unknown, where: string, g: GeometryCheck): boolean {
  if (!Array.isArray(rings) || rings.length === 0) {
    g.report(g.featureId, `${where}: a polygon needs at least one ring, found ${describe(rings)}`);
    return false;
  }
  let ok = true;
  rings.forEach((ring, i) => {
    ok = checkRing(ring, `${where}[${i}]`, g) && ok;
  });
  return ok;
}

function checkEach(
  list: unknown,
  where: string,
  what: string,
  g: GeometryCheck,
  each: (v: unknown, w: string) => boolean,
) {
  if (!Array.isArray(list)) {
    g.report(g.featureId, `${where}: ${what} must be an array, found ${describe(list)}`);
    return false;
  }
  let ok = true;
  list.forEach((v, i) => {
    ok = each(v, `${where}[${i}]`) && ok;
  });
  return ok;
}

/** Checks a geometry object; true when no problem was found. Nested GeometryCollections are refused, never recursed. */
function checkGeometry(geometry: unknown, g: GeometryCheck, nested = false): boolean {
  if (!isRecord(geometry)) {
    g.report(g.featureId, `geometry must be an object or null, found ${describe(geometry)}`);
    return false;
  }
  const c = geometry.coordinates;
  switch (geometry.type) {
    case 'Point':
      return checkPosition(c, 'coordinates', g);
    case 'MultiPoint':
      return checkPositions(c, 'coordinates', 1, 'a MultiPoint', g);
    case 'LineString':
      return checkPositions(c, 'coordinates', 2, 'a LineString', g);
    case 'MultiLineString':
      return checkEach(c, 'coordinates', 'a MultiLineString', g, (v, w) =>
        checkPositions(v, w, 2, 'a line', g),
      );
    case 'Polygon':
      return checkPolygon(c, 'coordinates', g);
    case 'MultiPolygon':
      return checkEach(c, 'coordinates', 'a MultiPolygon', g, (v, w) => checkPolygon(v, w, g));
    case 'GeometryCollection':
      if (nested) {
        g.report(
          g.featureId,
          'nested GeometryCollection: not supported (RFC 7946 §3.1.8 advises against it)',
        );
        return false;
      }
      return checkEach(geometry.geometries, 'geometries', 'a GeometryCollection', g, (v) =>
        checkGeometry(v, g, true),
      );
    default:
      g.report(g.featureId, `unknown geometry type ${describe(geometry.type)}`);
      return false;
  }
}

/** geojson-validation throws on some malformed input (e.g. a Polygon of one empty ring): never let it escape. */
function safeGjv(run: () => string[]): string[] {
  try {
    return run();
  } catch (e) {
    return [`geojson-validation failed: ${e instanceof Error ? e.message : String(e)}`];
  }
}

// ---------------------------------------------------------------------------------------------
// Property schemas
// ---------------------------------------------------------------------------------------------

/** Reads typed fields from a properties object, reporting each missing or mistyped one. */
class Fields {
  constructor(
    private readonly props: Json,
    private readonly report: (message: string) => void,
  ) {}

  has(key: string): boolean {
    return key in this.props && this.props[key] !== undefined;
  }

  private missing(key: string, what: string): void {
    this.report(`missing property "${key}" (${what})`);
  }

  string(key: string, optional = false): string | null {
    const v = this.props[key];
    if (!this.has(key)) {
      if (!optional) this.missing(key, 'a non-empty string');
      return null;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      this.report(`"${key}" must be a non-empty string, found ${describe(v)}`);
      return null;
    }
    return v;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T | null {
    const v = this.props[key];
    if (!this.has(key)) {
      this.missing(key, `one of ${allowed.join(', ')}`);
      return null;
    }
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      this.report(`"${key}" must be one of ${allowed.join(', ')}; found ${describe(v)}`);
      return null;
    }
    return v as T;
  }

  boolean(key: string, optional = false): void {
    if (!this.has(key)) {
      if (!optional) this.missing(key, 'true or false');
    } else if (typeof this.props[key] !== 'boolean') {
      this.report(`"${key}" must be true or false, found ${describe(this.props[key])}`);
    }
  }

  /** A finite number ≥ 0; null allowed when `nullable`. */
  measure(key: string, nullable: boolean): number | null {
    const v = this.props[key];
    if (!this.has(key)) {
      this.missing(key, nullable ? 'a number ≥ 0 or null' : 'a number ≥ 0');
      return null;
    }
    if (v === null && nullable) return null;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      this.report(`"${key}" must be a finite number ≥ 0${nullable ? ' or null' : ''}, found ${describe(v)}`);
      return null;
    }
    return v;
  }

  stringList(key: string): string[] {
    const v = this.props[key];
    if (!this.has(key)) {
      this.missing(key, 'an array of strings');
      return [];
    }
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s.trim() === '')) {
      this.report(`"${key}" must be an array of non-empty strings, found ${describe(v)}`);
      return [];
    }
    return v as string[];
  }

  /** An ISO calendar date (YYYY-MM-DD that exists); null allowed when `nullable`. */
  date(key: string, nullable: boolean, optional = false): string | null {
    const v = this.props[key];
    if (!this.has(key)) {
      if (!optional) this.missing(key, nullable ? 'an ISO date or null' : 'an ISO date');
      return null;
    }
    if (v === null && nullable) return null;
    if (typeof v !== 'string' || !isCalendarDate(v)) {
      this.report(`"${key}" must be a real calendar date YYYY-MM-DD, found ${describe(v)}`);
      return null;
    }
    return v;
  }

  /** Reports properties not in the schema: a misspelt field would otherwise vanish silently. */
  onlyKnown(known: readonly string[]): void {
    for (const key of Object.keys(this.props)) {
      if (!known.includes(key)) this.report(`unknown property ${quoted(key)}`);
    }
  }
}

export function isCalendarDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

interface SourceRefUse {
  file: string;
  featureId: string;
  index?: number;
  source: string;
  where: string;
}

/** Checks an array of SourceRef and records each id for resolution once all files are read. */
function checkSourceRefs(
  v: unknown,
  where: string,
  required: boolean,
  use: (ref: SourceRefUse) => void,
  ctx: FeatureContext,
) {
  if (!Array.isArray(v)) {
    ctx.report(`"${where}" must be an array of { source, note? }, found ${describe(v)}`);
    return;
  }
  if (required && v.length === 0) ctx.report(`"${where}" is empty: every item must name at least one source`);
  v.forEach((ref, i) => {
    if (!isRecord(ref) || typeof ref.source !== 'string' || ref.source === '') {
      ctx.report(`"${where}[${i}]" must be { source: string, note?: string }, found ${describe(ref)}`);
      return;
    }
    if (ref.note !== undefined && typeof ref.note !== 'string')
      ctx.report(`"${where}[${i}].note" must be a string`);
    const unknown = Object.keys(ref).filter((k) => k !== 'source' && k !== 'note');
    if (unknown.length) ctx.report(`"${where}[${i}]" has unknown property ${quoted(unknown[0])}`);
    use({
      file: ctx.file,
      featureId: ctx.featureId,
      index: ctx.index,
      source: ref.source,
      where: `${where}[${i}]`,
    });
  });
}

function checkNames(v: unknown, ctx: FeatureContext): void {
  const langs = ctx.rules.labelLanguages.slice(1).map((l) => l.code);
  const allowed = langs.length ? langs.join(', ') : 'none (story.json lists one label language)';
  if (!isRecord(v)) {
    ctx.report(`"names" must be an object with optional strings for ${allowed}, found ${describe(v)}`);
    return;
  }
  for (const [lang, name] of Object.entries(v)) {
    if (!langs.includes(lang))
      ctx.report(`${quoted(`names.${lang}`)}: not a label language of this story (allowed: ${allowed})`);
    else if (typeof name !== 'string' || name.trim() === '')
      ctx.report(`"names.${lang}" must be a non-empty string`);
  }
}

/** Walks every string in a properties object (bounded depth) for control characters. HTML is fine: it is text. */
function checkText(value: unknown, path: string, ctx: FeatureContext, depth = 0): void {
  if (typeof value === 'string') {
    const m = CONTROL_CHARS.exec(value);
    if (m) {
      const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      ctx.report(`${quoted(path)} contains the control character U+${code}`);
    }
  } else if (depth < 4 && Array.isArray(value)) {
    value.forEach((v, i) => {
      checkText(v, `${path}[${i}]`, ctx, depth + 1);
    });
  } else if (depth < 4 && isRecord(value)) {
    for (const [k, v] of Object.entries(value)) checkText(v, path ? `${path}.${k}` : k, ctx, depth + 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Per-layer checks
// ---------------------------------------------------------------------------------------------

interface FeatureContext {
  file: string;
  featureId: string;
  /** Position in the file (see Problem.index). */
  index?: number;
  report: (message: string) => void;
  rules: StoryRules;
}

interface Registry {
  ids: Map<string, { file: string; featureId: string }>;
  sources: Map<string, { seed: string | null; excerpt: string | null }>;
  claims: Set<string>;
  sourceUses: SourceRefUse[];
  answerUses: SourceRefUse[];
  quotes: Array<{ file: string; featureId: string; index?: number; quote: string; source: string }>;
  haveSources: boolean;
  rules: StoryRules;
}

// The fields each layer may carry (types.ts); anything else is reported as a probable typo.
const PLACE_FIELDS = 'id name altNames names kind uncertaintyM sources notes'.split(' ');
const AREA_FIELDS =
  'id name altNames names kind schematic basis areaKm2Reported uncertaintyM sources notes'.split(' ');
const AREA_KINDS = ['lake', 'zone'] as const;
const CLAIM_FIELDS = (
  'id side claimant eventDate eventDateEnd statementDate summary quote quoteKind source kind incident ' +
  'geometryBasis geometryBy uncertaintyM answers sources notes'
).split(' ');
const QUOTE_KINDS = ['direct', 'reported'] as const;
const SOURCE_FIELDS =
  'id outlet headline published publishedCertainty url language identifiedBy seed excerpt kind'.split(' ');

function checkPlaceProps(f: Fields, props: Json, ctx: FeatureContext, reg: Registry): void {
  f.string('name');
  f.stringList('altNames');
  if (f.has('names')) checkNames(props.names, ctx);
  else ctx.report('missing property "names" (an object, {} when no sourced forms)');
  f.oneOf('kind', PLACE_KINDS);
  f.measure('uncertaintyM', true);
  checkSourceRefs(props.sources, 'sources', true, (u) => reg.sourceUses.push(u), ctx);
  f.string('notes', true);
  f.onlyKnown(PLACE_FIELDS);
}

function checkAreaProps(f: Fields, props: Json, ctx: FeatureContext, reg: Registry): void {
  f.string('name');
  f.stringList('altNames');
  if (f.has('names')) checkNames(props.names, ctx);
  else ctx.report('missing property "names" (an object, {} when no sourced forms)');
  f.oneOf('kind', AREA_KINDS);
  f.boolean('schematic');
  f.string('basis');
  if (f.has('areaKm2Reported') && f.measure('areaKm2Reported', false) === 0)
    ctx.report('"areaKm2Reported" must be greater than 0');
  if (f.has('uncertaintyM')) f.measure('uncertaintyM', false);
  checkSourceRefs(props.sources, 'sources', true, (u) => reg.sourceUses.push(u), ctx);
  f.string('notes', true);
  f.onlyKnown(AREA_FIELDS);
}

function checkBorderProps(f: Fields, props: Json, ctx: FeatureContext, reg: Registry): void {
  f.string('name');
  f.string('basis');
  f.boolean('interpolated', true);
  checkLineSides(f, ctx);
  checkSourceRefs(props.sources, 'sources', true, (u) => reg.sourceUses.push(u), ctx);
}

/** A line that says which country lies on each side says both, two different countries of the story. */
function checkLineSides(f: Fields, ctx: FeatureContext): void {
  if (!f.has('leftCountry') && !f.has('rightCountry')) return;
  const left = f.string('leftCountry');
  const right = f.string('rightCountry');
  if (left === null || right === null) return;
  if (left === right) ctx.report(`"leftCountry" and "rightCountry" are both "${left}"`);
  const codes = ctx.rules.countries?.map((c) => c.code);
  for (const [key, code] of [
    ['leftCountry', left],
    ['rightCountry', right],
  ] as const) {
    if (codes && !codes.includes(code))
      ctx.report(`"${key}" "${code}" is not one of the story's countries (${codes.join(', ')})`);
  }
}

function checkClaimProps(
  f: Fields,
  props: Json,
  geometry: unknown,
  ctx: FeatureContext,
  reg: Registry,
): void {
  const side = f.oneOf(
    'side',
    ctx.rules.sides.map((s) => s.id),
  );
  f.string('claimant');
  f.string('summary');
  f.string('incident');
  f.oneOf('kind', CLAIM_KINDS);
  checkClaimDates(f, ctx);
  const quote = f.string('quote');
  if (quote !== null && quote !== quote.trim()) ctx.report('"quote" has leading or trailing white space');
  f.oneOf('quoteKind', QUOTE_KINDS);
  const source = f.string('source');
  if (source !== null) {
    const { file, featureId, index } = ctx;
    reg.sourceUses.push({ file, featureId, index, source, where: 'source' });
    if (quote !== null) reg.quotes.push({ file, featureId, index, quote, source });
  }
  checkClaimGeometryFields(f, props, geometry, side, ctx);
  const answers = f.stringList('answers');
  if (answers.includes(ctx.featureId)) ctx.report('"answers" lists the claim itself');
  if (new Set(answers).size !== answers.length) ctx.report('"answers" lists an id twice');
  for (const [i, a] of answers.entries()) {
    const { file, featureId, index } = ctx;
    reg.answerUses.push({ file, featureId, index, source: a, where: `answers[${i}]` });
  }
  checkSourceRefs(props.sources, 'sources', false, (u) => reg.sourceUses.push(u), ctx);
  f.string('notes', true);
  f.onlyKnown(CLAIM_FIELDS);
}

function checkClaimDates(f: Fields, ctx: FeatureContext): void {
  const event = f.date('eventDate', true);
  const end = f.date('eventDateEnd', false, true);
  const statement = f.date('statementDate', false);
  for (const [key, d] of [
    ['eventDate', event],
    ['eventDateEnd', end],
    ['statementDate', statement],
  ] as const) {
    const { first, last } = ctx.rules.dates;
    if (d !== null && (d < first || d > last)) {
      ctx.report(`"${key}" ${d} is outside the story (${first} … ${last})`);
    }
  }
  if (end !== null && event === null) ctx.report('"eventDateEnd" is set but "eventDate" is null');
  if (end !== null && event !== null && end < event)
    ctx.report(`"eventDateEnd" ${end} is before "eventDate" ${event}`);
  if (statement !== null && event !== null && statement < event) {
    ctx.report(
      `"statementDate" ${statement} is before "eventDate" ${event}: a claim cannot precede its event`,
    );
  }
}

/** geometryBasis and uncertaintyM describe the geometry: both null without one; a basis is required with one. */
function checkClaimGeometryFields(
  f: Fields,
  props: Json,
  geometry: unknown,
  side: string | null,
  ctx: FeatureContext,
) {
  const basis = props.geometryBasis;
  const uncertainty = f.measure('uncertaintyM', true);
  if (!f.has('geometryBasis'))
    ctx.report('missing property "geometryBasis" (how the geometry was drawn, or null)');
  else if (geometry === null) {
    if (basis !== null) ctx.report('"geometryBasis" must be null when the geometry is null');
  } else if (typeof basis !== 'string' || basis.trim() === '') {
    ctx.report(`"geometryBasis" must say how the geometry was drawn, found ${describe(basis)}`);
  }
  if (geometry === null && uncertainty !== null)
    ctx.report('"uncertaintyM" must be null when the geometry is null');
  const by = props.geometryBy;
  if (!f.has('geometryBy'))
    ctx.report('missing property "geometryBy" ("claimant", who else described the positions, or null)');
  else if (geometry === null) {
    if (by !== null) ctx.report('"geometryBy" must be null when the geometry is null');
  } else if (typeof by !== 'string' || by.trim() === '') {
    ctx.report(
      `"geometryBy" must say whose account the geometry follows ("claimant" or who), found ${describe(by)}`,
    );
  }
  const spec = ctx.rules.sides.find((s) => s.id === side);
  if (spec && !spec.positions && geometry !== null) {
    ctx.report(
      `claims of the ${spec.label} carry no geometry (story.json: "positions": false): they comment on claims, they do not place troops`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

const PROPERTY_CHECKS: Partial<
  Record<Layer, (f: Fields, props: Json, geometry: unknown, ctx: FeatureContext, reg: Registry) => void>
> = {
  places: (f, p, _g, ctx, reg) => checkPlaceProps(f, p, ctx, reg),
  areas: (f, p, _g, ctx, reg) => checkAreaProps(f, p, ctx, reg),
  border: (f, p, _g, ctx, reg) => checkBorderProps(f, p, ctx, reg),
  claims: (f, p, g, ctx, reg) => checkClaimProps(f, p, g, ctx, reg),
};

const GEOMETRY_TYPES: Partial<Record<Layer, readonly string[]>> = {
  places: ['Point'],
  areas: ['Polygon', 'MultiPolygon'],
  border: ['LineString', 'MultiLineString'],
};

function registerId(id: string, file: string, featureId: string, reg: Registry, report: Report): void {
  const seen = reg.ids.get(id);
  if (seen) {
    const where = seen.file === file ? 'earlier in this file' : `also in ${seen.file}`;
    report(featureId, `duplicate id ${quoted(id)} (${where})`);
  } else reg.ids.set(id, { file, featureId });
}

function featureIdOf(feature: Json, index: number): string {
  const props = isRecord(feature.properties) ? feature.properties : {};
  const id = feature.id ?? props.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : `#${index}`;
}

function checkFeature(
  feature: unknown,
  index: number,
  layer: Layer,
  file: string,
  reg: Registry,
  report: Report,
) {
  if (!isRecord(feature)) {
    report(`#${index}`, `features[${index}] must be a Feature object, found ${describe(feature)}`);
    return;
  }
  const featureId = featureIdOf(feature, index);
  const ctx: FeatureContext = {
    file,
    featureId,
    index,
    report: (m) => report(featureId, m),
    rules: reg.rules,
  };
  const story = layer !== 'basemap' && layer !== 'geojson';
  const geometryOk =
    feature.geometry === null || feature.geometry === undefined
      ? true
      : checkGeometry(feature.geometry, { report, featureId, region: story ? reg.rules.region : null });
  // Our checks are more precise; geojson-validation catches the rest of the grammar when ours found nothing.
  if (geometryOk) for (const m of safeGjv(() => gjv.isFeature(feature, true))) report(featureId, m);
  checkFeatureShape(feature, layer, ctx);
  if (story) checkStoryProperties(feature, layer, ctx, reg);
  else if (feature.id !== undefined) registerId(featureId, file, featureId, reg, report);
}

function checkFeatureShape(feature: Json, layer: Layer, ctx: FeatureContext): void {
  const expected = GEOMETRY_TYPES[layer];
  const geometry = feature.geometry;
  // A missing "geometry" member is reported by geojson-validation; here only the type the layer needs.
  if (
    expected &&
    geometry !== undefined &&
    !(isRecord(geometry) && expected.includes(String(geometry.type)))
  ) {
    const found = isRecord(geometry) ? `a ${String(geometry.type)}` : describe(geometry);
    ctx.report(`a ${layer} feature needs a ${expected.join(' or ')} geometry, found ${found}`);
  }
}

function checkStoryProperties(feature: Json, layer: Layer, ctx: FeatureContext, reg: Registry): void {
  const props = feature.properties;
  if (!isRecord(props)) {
    ctx.report(`properties must be an object, found ${describe(props)}`);
    return;
  }
  const f = new Fields(props, ctx.report);
  const id = f.string('id');
  if (id !== null) {
    if (!ID_PATTERN.test(id)) ctx.report(`id ${quoted(id)} must be lower-case words joined by hyphens`);
    if (feature.id !== id)
      ctx.report(`top-level id ${describe(feature.id)} must equal properties.id ${quoted(id)}`);
    registerId(id, ctx.file, ctx.featureId, reg, (_, m) => ctx.report(m));
    if (layer === 'claims') reg.claims.add(id);
  }
  PROPERTY_CHECKS[layer]?.(f, props, feature.geometry ?? null, ctx, reg);
  checkText(props, '', ctx);
}

function checkFeatureCollection(
  data: unknown,
  layer: Layer,
  file: string,
  reg: Registry,
  report: Report,
): void {
  if (!isRecord(data) || data.type !== 'FeatureCollection') {
    report(
      FILE_LEVEL,
      `must be a GeoJSON FeatureCollection, found ${isRecord(data) ? `type ${describe(data.type)}` : describe(data)}`,
    );
    return;
  }
  if (!Array.isArray(data.features)) {
    report(FILE_LEVEL, `"features" must be an array, found ${describe(data.features)}`);
    return;
  }
  // Collection-level members (bbox, type) through geojson-validation, without re-walking every feature.
  for (const m of safeGjv(() => gjv.valid({ ...data, features: [] }, true))) report(FILE_LEVEL, m);
  // Each feature's problems carry its position: that, not an id, is what the loader drops it by.
  data.features.forEach((feature, i) => {
    checkFeature(feature, i, layer, file, reg, (featureId, message) => report(featureId, message, i));
  });
}

function checkSourcesFile(data: unknown, file: string, reg: Registry, report: Report): void {
  if (!Array.isArray(data)) {
    report(FILE_LEVEL, `sources.json must be an array of sources, found ${describe(data)}`);
    return;
  }
  if (data.length === 0)
    report(FILE_LEVEL, 'sources.json lists no sources: claims and places need at least one');
  reg.haveSources = true;
  data.forEach((entry, i) => {
    checkSourceEntry(entry, i, file, reg, (featureId, message) => report(featureId, message, i));
  });
}

function checkSourceEntry(entry: unknown, index: number, file: string, reg: Registry, report: Report): void {
  if (!isRecord(entry)) {
    report(`#${index}`, `entry ${index} must be an object, found ${describe(entry)}`);
    return;
  }
  const featureId = typeof entry.id === 'string' ? entry.id : `#${index}`;
  const ctx: FeatureContext = {
    file,
    featureId,
    index,
    report: (m) => report(featureId, m),
    rules: reg.rules,
  };
  const f = new Fields(entry, ctx.report);
  const id = f.string('id');
  if (id !== null && !ID_PATTERN.test(id))
    ctx.report(`id ${quoted(id)} must be lower-case words joined by hyphens`);
  for (const key of ['outlet', 'headline', 'identifiedBy']) f.string(key);
  const published = f.date('published', true);
  const certainty = f.oneOf('publishedCertainty', CERTAINTIES);
  if (f.has('published') && (published === null) !== (certainty === 'unknown') && certainty !== null) {
    ctx.report('"publishedCertainty" must be "unknown" exactly when "published" is null');
  }
  checkUrl(f.has('url') ? entry.url : undefined, ctx);
  const language = f.string('language');
  if (language !== null && !BCP47.test(language))
    ctx.report(`"language" ${describe(language)} is not a BCP 47 tag`);
  const kind = f.oneOf('kind', SOURCE_KINDS);
  const seed = checkSeedField(entry, ctx);
  if (seed !== null && kind !== null && kind !== 'article')
    ctx.report('a source with a "seed" must be kind "article"');
  let excerpt: string | null = null;
  if (f.has('excerpt')) {
    if (typeof entry.excerpt !== 'string' || !/^[\w.-]+\.txt$/.test(entry.excerpt))
      ctx.report(`"excerpt" must be a file name like "tass-1290031.txt", found ${describe(entry.excerpt)}`);
    else if (seed !== null) ctx.report('a source has a "seed" or an "excerpt", not both');
    else excerpt = entry.excerpt;
  }
  f.onlyKnown(SOURCE_FIELDS);
  checkText(entry, '', ctx);
  if (id !== null) {
    registerId(id, file, featureId, reg, (_, m) => ctx.report(m));
    reg.sources.set(id, { seed, excerpt });
  }
}

function checkUrl(url: unknown, ctx: FeatureContext): void {
  if (url === undefined) ctx.report('missing property "url" (an http(s) address or null)');
  else if (url !== null && !(typeof url === 'string' && isHttpUrl(url))) {
    ctx.report(`"url" must be an http(s) address or null, found ${describe(url)}`);
  }
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function checkSeedField(entry: Json, ctx: FeatureContext): string | null {
  if (!('seed' in entry)) {
    ctx.report('missing property "seed" (a seed file name, or null)');
    return null;
  }
  const seed = entry.seed;
  if (seed === null) return null;
  if (typeof seed !== 'string' || !/^[\w.-]+\.txt$/.test(seed)) {
    ctx.report(`"seed" must be a seed file name like "000_….txt" or null, found ${describe(seed)}`);
    return null;
  }
  return seed;
}

// ---------------------------------------------------------------------------------------------
// Cross-file checks
// ---------------------------------------------------------------------------------------------

type ReportTo = (file: string, featureId: string, message: string, index?: number) => void;

function resolveReferences(reg: Registry, reportTo: ReportTo) {
  for (const use of reg.sourceUses) {
    if (reg.haveSources && !reg.sources.has(use.source)) {
      reportTo(
        use.file,
        use.featureId,
        `${use.where}: unknown source id ${quoted(use.source)} (not in sources.json)`,
        use.index,
      );
    }
  }
  for (const use of reg.answerUses) {
    if (!reg.claims.has(use.source)) {
      const message = `${use.where}: unknown claim id ${quoted(use.source)} in "answers"`;
      reportTo(use.file, use.featureId, message, use.index);
    }
  }
}

function checkQuotes(
  reg: Registry,
  texts: { seeds?: Readonly<Record<string, string>>; excerpts?: Readonly<Record<string, string>> },
  reportTo: ReportTo,
) {
  for (const q of reg.quotes) {
    const source = reg.sources.get(q.source);
    const [kind, name, all] = source?.seed
      ? (['seed file', source.seed, texts.seeds] as const)
      : source?.excerpt
        ? (['excerpt', source.excerpt, texts.excerpts] as const)
        : ([null, null, undefined] as const);
    if (!kind || !name || !all) continue;
    const text = all[name];
    if (text === undefined)
      reportTo(q.file, q.featureId, `${kind} ${name} (source ${quoted(q.source)}) is not available`, q.index);
    else if (!text.includes(q.quote))
      reportTo(q.file, q.featureId, quoteMismatch(q.quote, text, name), q.index);
  }
}

/** Says where a quote stops matching its article, and whether only the quote marks differ. */
function quoteMismatch(quote: string, text: string, seed: string): string {
  const straight = (s: string) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
  if (straight(text).includes(straight(quote))) {
    return `quote is not verbatim in ${seed}: it differs only in quote marks or apostrophes (the seed uses ’ “ ”)`;
  }
  let lo = 0;
  let hi = quote.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (text.includes(quote.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  const at = quote.slice(lo, lo + 30);
  return lo === 0
    ? `quote is not verbatim in ${seed}: not even its first character matches`
    : `quote is not verbatim in ${seed}: the first ${lo} characters match, then "${shownText(at)}…" does not`;
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

function newRegistry(rules: StoryRules): Registry {
  return {
    ids: new Map(),
    sources: new Map(),
    claims: new Set(),
    sourceUses: [],
    answerUses: [],
    quotes: [],
    haveSources: false,
    rules,
  };
}

function checkFile(df: DataFile, reg: Registry, report: Report): void {
  if (df.layer === 'sources') checkSourcesFile(df.data, df.file, reg, report);
  else checkFeatureCollection(df.data, df.layer, df.file, reg, report);
}

/**
 * Validates data files together (ids must be unique across them; references resolve across them).
 * Never throws: an unexpected failure becomes a problem of its own.
 */
export function validateFiles(files: readonly DataFile[], options: ValidateOptions): Problem[] {
  const problems: Problem[] = [];
  const perFile = new Map<string, number>();
  const reportTo: ReportTo = (file, featureId, message, index) => {
    const n = (perFile.get(file) ?? 0) + 1;
    perFile.set(file, n);
    if (n > MAX_PROBLEMS_PER_FILE) return;
    // Ids and messages carry data text: cut and escaped here, once, whatever built them.
    const shown = { file, featureId: shownText(featureId), message: shownText(message, MAX_MESSAGE_LENGTH) };
    problems.push(index === undefined ? shown : { ...shown, index });
  };
  try {
    const reg = newRegistry(options.story);
    // Context first (silently), limited to layers the checked files do not provide.
    const checkedLayers = new Set(files.map((f) => f.layer));
    const context = (options.context ?? []).filter((c) => !checkedLayers.has(c.layer));
    const sorted = [...files].sort((a, b) => Number(b.layer === 'sources') - Number(a.layer === 'sources'));
    for (const df of context) checkFile(df, reg, () => {});
    for (const df of sorted)
      checkFile(df, reg, (featureId, message, index) => reportTo(df.file, featureId, message, index));
    const checkedFiles = new Set(files.map((f) => f.file));
    const toChecked: ReportTo = (file, featureId, message, index) => {
      if (checkedFiles.has(file)) reportTo(file, featureId, message, index);
    };
    if (!reg.haveSources && reg.sourceUses.length > 0) {
      reportTo(files[0]?.file ?? '(none)', FILE_LEVEL, NO_SOURCES);
    }
    resolveReferences(reg, toChecked);
    if (options.seeds || options.excerpts)
      checkQuotes(reg, { seeds: options.seeds, excerpts: options.excerpts }, toChecked);
  } catch (e) {
    problems.push({
      file: files[0]?.file ?? '(none)',
      featureId: FILE_LEVEL,
      message: `validator failed unexpectedly: ${shownText(e instanceof Error ? e.message : String(e), 300)}`,
    });
  }
  for (const [file, n] of perFile) {
    if (n > MAX_PROBLEMS_PER_FILE) {
      problems.push({
        file,
        featureId: FILE_LEVEL,
        message: `… and ${n - MAX_PROBLEMS_PER_FILE} more problems`,
      });
    }
  }
  return problems;
}

/** Parses and validates texts in one go: the browser-side entry (e.g. a newsroom checking its own files). */
export function validateTexts(
  texts: ReadonlyArray<{ file: string; text: string; layer?: Layer }>,
  options: ValidateOptions,
): Problem[] {
  const problems: Problem[] = [];
  const files: DataFile[] = [];
  for (const t of texts) {
    const parsed = parseJson(t.text, t.file);
    if (!parsed.ok) problems.push(parsed.problem);
    else
      files.push({ file: t.file, layer: t.layer ?? detectLayer(t.file, parsed.value), data: parsed.value });
  }
  return [...problems, ...validateFiles(files, options)];
}
