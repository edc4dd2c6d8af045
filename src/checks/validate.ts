/**
 * Validation of the engine's inputs and of the check declarations. A broken input or declaration fails only the
 * checks that need it: every problem is collected, named, and attached to those checks; the others are computed.
 *
 * @packageDocumentation
 */
import type {
  CheckDeclaration,
  CheckInputs,
  CheckUnit,
  ClaimFilter,
  MeasureDeclaration,
  ToleranceKind,
} from './types.ts';

const UNITS: readonly CheckUnit[] = ['km', 'm', 'mi', '%', 'km²'];
const TOLERANCE_KINDS: readonly ToleranceKind[] = ['about', 'at-most', 'at-least'];
const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The inputs besides the declarations; a check depends on some of them. */
export type InputName = 'places' | 'claims' | 'borderLines' | 'basemap' | 'areas';

const FILE_NAMES: Record<InputName, string> = {
  places: 'places.geojson',
  claims: 'claims.geojson',
  borderLines: 'the border lines',
  basemap: 'basemap.geojson',
  areas: 'areas.geojson',
};

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

function isFeatureCollection(x: unknown): x is { type: 'FeatureCollection'; features: unknown[] } {
  return isObject(x) && x.type === 'FeatureCollection' && Array.isArray(x.features);
}

function finitePosition(p: unknown): boolean {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    typeof p[0] === 'number' &&
    typeof p[1] === 'number' &&
    Number.isFinite(p[0]) &&
    Number.isFinite(p[1]) &&
    Math.abs(p[1]) <= 90
  );
}

const finiteLine = (l: unknown) => Array.isArray(l) && l.length >= 2 && l.every(finitePosition);
const finiteRing = (r: unknown) => Array.isArray(r) && r.length >= 4 && r.every(finitePosition);
const finitePolygon = (p: unknown) => Array.isArray(p) && p.length > 0 && p.every(finiteRing);

/** The declarations, whether checks.json holds `{ checks: [...] }` or a bare array. */
export function declarationsOf(checks: unknown): unknown[] | null {
  if (Array.isArray(checks)) return checks;
  if (isObject(checks) && Array.isArray(checks.checks)) return checks.checks;
  return null;
}

/** What is usable in the inputs, and what is not. */
export interface SoundInputs {
  /** The inputs with every unusable feature left out (an unusable collection becomes empty). */
  inputs: CheckInputs;
  /** Problems with an input as a whole: every check that needs it fails with them. */
  broken: Partial<Record<InputName, string[]>>;
  /** Features left out, by id, with why: a check naming one says why it is missing. */
  dropped: Map<string, string>;
}

/** Keeps what the engine can use from each input and records the rest (never throws). */
export function soundInputs(inputs: Partial<CheckInputs>): SoundInputs {
  const broken: SoundInputs['broken'] = {};
  const dropped = new Map<string, string>();
  const empty = { type: 'FeatureCollection' as const, features: [] };
  const fail = (name: InputName, message: string) => {
    broken[name] = [...(broken[name] ?? []), message];
  };
  const idOf = (f: unknown): unknown => (isObject(f) && isObject(f.properties) ? f.properties.id : undefined);

  /** The features of `name` that pass `usable` (a message when not); the rest dropped and named. */
  const keep = <T>(
    name: InputName,
    collection: unknown,
    file: string,
    usable: (f: Json) => string | null,
    prefix: string,
  ): T => {
    if (!isFeatureCollection(collection)) {
      fail(name, `${file}: not a GeoJSON FeatureCollection`);
      return empty as T;
    }
    const seen = new Set<string>();
    const features = collection.features.filter((f, i) => {
      const id = idOf(f) ?? (isObject(f) ? f.id : undefined);
      const key = typeof id === 'string' ? id : `#${i}`;
      const problem = !isObject(f)
        ? 'not a Feature'
        : typeof id !== 'string'
          ? 'no id'
          : seen.has(`${prefix}${id}`)
            ? `duplicate id "${id}"`
            : usable(f);
      if (problem) {
        dropped.set(`${prefix}${key}`, `${file}: feature ${key} left out (${problem})`);
        return false;
      }
      seen.add(`${prefix}${id}`);
      return true;
    });
    return { ...collection, features } as T;
  };

  const places = keep<CheckInputs['places']>(
    'places',
    inputs.places,
    'places.geojson',
    (f) => {
      const g = f.geometry;
      return isObject(g) && g.type === 'Point' && finitePosition(g.coordinates)
        ? null
        : 'needs a Point geometry with [lon, lat]';
    },
    'place:',
  );
  const claims = keep<CheckInputs['claims']>(
    'claims',
    inputs.claims,
    'claims.geojson',
    (f) => {
      const p = f.properties as Json;
      if (typeof p.quote !== 'string') return 'no quote';
      if (typeof p.statementDate !== 'string') return 'no statementDate';
      if (typeof p.side !== 'string') return 'no side';
      if (f.geometry !== null && !isObject(f.geometry)) return 'geometry must be an object or null';
      return null;
    },
    'claim:',
  );
  const areas = keep<CheckInputs['areas']>(
    'areas',
    inputs.areas,
    'areas.geojson',
    (f) => {
      const g = f.geometry;
      const ok =
        isObject(g) &&
        ((g.type === 'Polygon' && finitePolygon(g.coordinates)) ||
          (g.type === 'MultiPolygon' && Array.isArray(g.coordinates) && g.coordinates.every(finitePolygon)));
      return ok ? null : 'needs a Polygon or MultiPolygon geometry of finite [lon, lat] positions';
    },
    'area:',
  );
  let basemap = inputs.basemap as CheckInputs['basemap'];
  if (!isFeatureCollection(basemap)) {
    fail('basemap', 'basemap.geojson: not a GeoJSON FeatureCollection');
    basemap = empty as CheckInputs['basemap'];
  } else {
    const countries = (basemap.features as unknown[]).filter(
      (f) =>
        isObject(f) &&
        isObject(f.properties) &&
        f.properties.kind === 'country' &&
        isObject(f.geometry) &&
        (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'),
    );
    if (countries.length === 0)
      fail('basemap', 'basemap.geojson: no country polygons ({kind: "country", a3})');
  }
  const borderLines: CheckInputs['borderLines'] = [];
  if (!Array.isArray(inputs.borderLines)) fail('borderLines', 'no border lines were given');
  else
    for (const line of inputs.borderLines) {
      if (!isObject(line) || typeof line.id !== 'string') {
        fail('borderLines', 'a border line without an id');
        continue;
      }
      const features = keep<CheckInputs['borderLines'][number]['features']>(
        'borderLines',
        line.features,
        `border line ${line.id}`,
        (f) => {
          const g = f.geometry;
          const ok =
            isObject(g) &&
            ((g.type === 'LineString' && finiteLine(g.coordinates)) ||
              (g.type === 'MultiLineString' &&
                Array.isArray(g.coordinates) &&
                g.coordinates.every(finiteLine)));
          return ok ? null : 'needs a LineString or MultiLineString geometry';
        },
        `border:${line.id}:`,
      );
      borderLines.push({
        id: line.id,
        label: typeof line.label === 'string' ? line.label : line.id,
        features,
      });
    }
  return {
    inputs: { checks: inputs.checks ?? [], places, claims, areas, basemap, borderLines },
    broken,
    dropped,
  };
}

/** Every problem with the inputs, in plain words (the CLI and tests list them; the engine isolates them). */
export function validateInputs(inputs: Partial<CheckInputs>): string[] {
  const { broken, dropped } = soundInputs(inputs);
  return [...Object.values(broken).flat(), ...dropped.values()];
}

/** What a declaration may refer to, from the usable inputs. */
export interface Known {
  places: Set<string>;
  claims: Map<string, { properties: { quote: string; notes?: string } }>;
  lines: Set<string>;
  areas: Map<string, { properties: Json }>;
  countries: Set<string>;
  dropped: Map<string, string>;
}

export function knownOf(sound: SoundInputs): Known {
  const { inputs } = sound;
  return {
    places: new Set(inputs.places.features.map((f) => f.properties.id)),
    claims: new Map(inputs.claims.features.map((f) => [f.properties.id, f] as const)),
    lines: new Set(inputs.borderLines.map((l) => l.id)),
    areas: new Map(
      inputs.areas.features.map((f) => [f.properties.id, f as unknown as { properties: Json }] as const),
    ),
    countries: new Set(
      inputs.basemap.features
        .filter((f) => f.properties?.kind === 'country' && typeof f.properties.a3 === 'string')
        .map((f) => f.properties.a3 as string),
    ),
    dropped: sound.dropped,
  };
}

/** The inputs a kind of measurement reads: when one is broken, the check cannot be computed. */
export function inputsNeeded(m: MeasureDeclaration): InputName[] {
  switch (m.kind) {
    case 'distance-between-places':
      return ['places'];
    case 'depth-inside-country':
    case 'point-side-of-border':
      return ['claims', 'borderLines', 'basemap'];
    case 'polygon-share-by-border':
      return ['areas', 'borderLines', 'basemap'];
    case 'places-to-nearest-claimed-position':
      return ['places', 'claims'];
    case 'polygon-area':
      return ['areas'];
    case 'distance-to-line':
      return [
        'place' in m.from ? 'places' : 'claims',
        'borderLines',
        ...(m.country ? ['basemap' as const] : []),
      ];
    default:
      return [];
  }
}

/** Problems of the inputs a declaration needs, as plain words. */
export function inputProblemsFor(d: CheckDeclaration, broken: SoundInputs['broken']): string[] {
  const needed = new Set<InputName>(isObject(d.measure) ? inputsNeeded(d.measure) : []);
  if (typeof d.claim === 'string') needed.add('claims');
  return [...needed].flatMap((name) =>
    (broken[name] ?? []).map((m) => `${FILE_NAMES[name]} is unusable: ${m}`),
  );
}

/** The id of a declaration as readers see it in messages. */
export function declarationId(raw: unknown, index: number): string {
  return isObject(raw) && typeof raw.id === 'string' && raw.id !== '' ? raw.id : `#${index}`;
}

/** Problems with one declaration, given the usable inputs; empty when it can be computed. */
export function validateDeclaration(raw: unknown, index: number, known: Known): string[] {
  const problems: string[] = [];
  if (!isObject(raw)) return [`entry ${index} is not an object`];
  const c = raw as unknown as CheckDeclaration;
  const missing = (what: string, id: unknown, file: string, key: string) => {
    const why = known.dropped.get(`${key}${String(id)}`);
    problems.push(`${what} "${String(id)}" is not in ${file}${why ? ` (${why})` : ''}`);
  };
  if (typeof c.id !== 'string' || !ID_PATTERN.test(c.id))
    problems.push('id must be lower-case words joined by "-"');
  if (typeof c.title !== 'string' || c.title === '') problems.push('needs a title');
  if (c.claim !== null) {
    const claim = typeof c.claim === 'string' ? known.claims.get(c.claim) : undefined;
    if (!claim) missing('claim', c.claim, 'claims.geojson', 'claim:');
    else if (typeof c.quote !== 'string' || c.quote === '') problems.push('needs the quote it tests');
    else if (!claim.properties.quote.includes(c.quote)) {
      problems.push(`the quote "${c.quote}" does not occur verbatim in claim ${c.claim}'s quote`);
    }
    if (claim && c.reportedWording !== undefined) {
      const where = `${claim.properties.quote}\n${claim.properties.notes ?? ''}`;
      if (typeof c.reportedWording !== 'string' || !where.includes(c.reportedWording)) {
        problems.push(
          `reportedWording "${String(c.reportedWording)}" is not in claim ${c.claim}'s quote or notes`,
        );
      }
    }
  } else {
    const sp = c.sourcedProperty;
    const area = sp ? known.areas.get(sp.feature) : undefined;
    if (!sp) problems.push('with "claim": null, needs "sourcedProperty" naming a feature of areas.geojson');
    else if (!area) missing('area', sp.feature, 'areas.geojson', 'area:');
    else {
      const v = area.properties[sp.property];
      if (typeof v !== 'number') problems.push(`${sp.feature} has no numeric ${sp.property}`);
      else if (v !== c.reported)
        problems.push(`reported ${String(c.reported)} differs from ${sp.feature}.${sp.property} = ${v}`);
    }
  }
  if (!UNITS.includes(c.unit)) problems.push(`unit must be one of ${UNITS.join(', ')}`);
  if (c.byRoad !== undefined && c.byRoad !== true) problems.push('byRoad must be true or absent');
  if (c.byRoad && !['km', 'm', 'mi'].includes(c.unit))
    problems.push('a by-road figure needs a distance unit');
  if (c.reported !== null && (typeof c.reported !== 'number' || !Number.isFinite(c.reported))) {
    problems.push('reported must be a number or null');
  }
  if (c.reported !== null) {
    const t = c.tolerance;
    if (!isObject(t) || !TOLERANCE_KINDS.includes(t.kind as ToleranceKind) || Object.keys(t).length !== 1)
      problems.push(
        `tolerance must be { "kind": ${TOLERANCE_KINDS.map((k) => `"${k}"`).join(' | ')} } (one rule: data/README.md)`,
      );
  } else if (c.tolerance !== null) problems.push('a check with no reported figure has tolerance null');
  if (c.attributedTo !== undefined) {
    const a = c.attributedTo as unknown;
    if (
      !isObject(a) ||
      typeof a.who !== 'string' ||
      a.who === '' ||
      typeof a.why !== 'string' ||
      a.why === ''
    )
      problems.push('attributedTo must be { who, why }');
  }
  if (typeof c.toleranceBasis !== 'string' || c.toleranceBasis === '')
    problems.push('needs a toleranceBasis');
  if (!isObject(c.measure)) problems.push('needs a measure');
  else problems.push(...validateMeasure(c.measure, known, missing));
  return problems;
}

/** Problems of every declaration, each as `checks.json "id": problem` (for the CLI and tests). */
export function validateDeclarations(inputs: Partial<CheckInputs>): string[] {
  const list = declarationsOf(inputs.checks);
  if (!list) return ['checks.json: expected { "checks": [ … ] }'];
  const known = knownOf(soundInputs(inputs));
  const ids = new Set<string>();
  return list.flatMap((raw, i) => {
    const id = declarationId(raw, i);
    const problems = validateDeclaration(raw, i, known);
    if (ids.has(id)) problems.push('duplicate id');
    ids.add(id);
    return problems.map((p) => `checks.json "${id}": ${p}`);
  });
}

function validateMeasure(
  m: MeasureDeclaration,
  known: Known,
  missing: (what: string, id: unknown, file: string, key: string) => void,
): string[] {
  const p: string[] = [];
  const place = (id: unknown) => {
    if (typeof id !== 'string' || !known.places.has(id)) missing('place', id, 'places.geojson', 'place:');
  };
  const claim = (id: unknown) => {
    if (typeof id !== 'string' || !known.claims.has(id)) missing('claim', id, 'claims.geojson', 'claim:');
  };
  const country = (a3: unknown) => {
    if (typeof a3 !== 'string' || !known.countries.has(a3))
      p.push(`country "${String(a3)}" is not in basemap.geojson`);
  };
  const line = (id: unknown) => {
    if (id === undefined) {
      if (known.lines.size === 0) p.push('the story has no border line to measure from');
    } else if (typeof id !== 'string' || !known.lines.has(id))
      p.push(
        `border line "${String(id)}" is not one of the story's lines (${[...known.lines].join(', ') || 'none'})`,
      );
  };
  const filter = (f: ClaimFilter | undefined) => {
    if (!isObject(f)) {
      p.push('claims filter missing');
      return;
    }
    const ids = (f as ClaimFilter).ids;
    if (ids !== undefined && !Array.isArray(ids)) p.push('claims.ids must be a list');
    else for (const id of ids ?? []) claim(id);
  };
  const area = (id: unknown) => {
    if (typeof id !== 'string' || !known.areas.has(id)) missing('area', id, 'areas.geojson', 'area:');
  };
  switch (m.kind) {
    case 'distance-between-places':
      place(m.from);
      place(m.to);
      if (m.direction !== undefined) {
        const dir = m.direction as unknown;
        if (
          !isObject(dir) ||
          typeof dir.wording !== 'string' ||
          typeof dir.expectedBearingDeg !== 'number' ||
          ![4, 8, 16].includes(dir.compass as number)
        )
          p.push('direction needs { wording, expectedBearingDeg, compass: 4 | 8 | 16 }');
        else if ((dir.expectedBearingDeg as number) % (360 / (dir.compass as number)) !== 0)
          p.push(`direction: ${dir.expectedBearingDeg}° is not a point of a ${dir.compass}-point compass`);
      }
      break;
    case 'depth-inside-country':
      filter(m.claims);
      country(m.country);
      line(m.line);
      break;
    case 'polygon-share-by-border':
      area(m.polygon);
      country(m.country);
      if (known.lines.size === 0) p.push('the story has no border line to split the outline by');
      if (m.lines !== undefined && !Array.isArray(m.lines)) p.push('lines must be a list');
      else
        for (const l of m.lines ?? []) {
          if (!isObject(l)) p.push('each line must be { line } or { label, ifMissing }');
          else if (l.line !== undefined) line(l.line);
          else if (typeof l.label !== 'string' || typeof l.ifMissing !== 'string')
            p.push('a line the data does not hold needs a label and ifMissing');
        }
      break;
    case 'point-side-of-border':
      claim(m.claim);
      country(m.country);
      line(m.line);
      break;
    case 'places-to-nearest-claimed-position':
      if (!Array.isArray(m.places) || m.places.length === 0) p.push('places must list at least one place');
      else for (const id of m.places) place(id);
      filter(m.claims);
      break;
    case 'polygon-area':
      area(m.polygon);
      break;
    case 'distance-to-line':
      if (!isObject(m.from)) p.push('from must be { place } or { claim }');
      else if ('place' in m.from) place(m.from.place);
      else if ('claim' in m.from) claim(m.from.claim);
      else p.push('from must be { place } or { claim }');
      line(m.line);
      if (m.country !== undefined) country(m.country);
      break;
    default:
      p.push(`unknown measure kind "${String((m as { kind?: unknown }).kind)}"`);
  }
  return p;
}
