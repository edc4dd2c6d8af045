/**
 * Validation of the engine's inputs and of the check declarations. Every problem is collected so one
 * run reports them all.
 *
 * @packageDocumentation
 */
import type { CheckDeclaration, CheckInputs, CheckUnit, ClaimFilter, MeasureDeclaration } from './types.ts';

const UNITS: readonly CheckUnit[] = ['km', 'm', '%', 'km²'];
const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

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

/** The declarations, whether data/checks.json holds `{ checks: [...] }` or a bare array. */
export function declarationsOf(checks: unknown): unknown[] | null {
  if (Array.isArray(checks)) return checks;
  if (isObject(checks) && Array.isArray(checks.checks)) return checks.checks;
  return null;
}

/** Problems with the data files (shape and ids); empty when usable. */
export function validateInputs(inputs: Partial<CheckInputs>): string[] {
  const problems: string[] = [];
  const files: [keyof CheckInputs, string][] = [
    ['places', 'places.geojson'],
    ['claims', 'claims.geojson'],
    ['border', 'border.geojson'],
    ['basemap', 'basemap.geojson'],
    ['lake', 'lake-sev.geojson'],
  ];
  for (const [key, file] of files) {
    if (!isFeatureCollection(inputs[key])) problems.push(`${file}: not a GeoJSON FeatureCollection`);
  }
  if (problems.length > 0) return problems;
  const fc = (k: keyof CheckInputs) => (inputs[k] as unknown as { features: unknown[] }).features;

  const seen = new Set<string>();
  const idOf = (f: unknown): unknown => (isObject(f) && isObject(f.properties) ? f.properties.id : undefined);
  fc('places').forEach((f, i) => {
    const id = idOf(f);
    if (typeof id !== 'string') problems.push(`places.geojson: feature ${i} has no properties.id`);
    else if (seen.has(`place:${id}`)) problems.push(`places.geojson: duplicate id "${id}"`);
    else seen.add(`place:${id}`);
    const g = isObject(f) ? f.geometry : null;
    if (!isObject(g) || g.type !== 'Point' || !finitePosition(g.coordinates)) {
      problems.push(`places.geojson: "${String(id)}" needs a Point geometry with [lon, lat]`);
    }
  });
  fc('claims').forEach((f, i) => {
    const id = idOf(f);
    if (typeof id !== 'string') {
      problems.push(`claims.geojson: feature ${i} has no properties.id`);
      return;
    }
    if (seen.has(`claim:${id}`)) problems.push(`claims.geojson: duplicate id "${id}"`);
    seen.add(`claim:${id}`);
    const p = (f as { properties: Record<string, unknown> }).properties;
    if (typeof p.quote !== 'string') problems.push(`claims.geojson: "${id}" has no quote`);
    if (typeof p.statementDate !== 'string') problems.push(`claims.geojson: "${id}" has no statementDate`);
    const g = (f as { geometry?: unknown }).geometry;
    if (g !== null && !isObject(g))
      problems.push(`claims.geojson: "${id}" geometry must be an object or null`);
  });
  fc('border').forEach((f, i) => {
    const id = isObject(f) ? (idOf(f) ?? f.id) : undefined;
    if (typeof id !== 'string') problems.push(`border.geojson: feature ${i} has no id`);
    const g = isObject(f) ? f.geometry : null;
    const ok =
      isObject(g) &&
      ((g.type === 'LineString' && Array.isArray(g.coordinates) && g.coordinates.every(finitePosition)) ||
        (g.type === 'MultiLineString' &&
          Array.isArray(g.coordinates) &&
          g.coordinates.every((l) => Array.isArray(l) && l.every(finitePosition))));
    if (!ok) problems.push(`border.geojson: "${String(id)}" needs a LineString or MultiLineString geometry`);
  });
  const countries = fc('basemap').filter(
    (f) =>
      isObject(f) &&
      isObject(f.properties) &&
      f.properties.kind === 'country' &&
      isObject(f.geometry) &&
      (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'),
  );
  if (countries.length === 0) problems.push('basemap.geojson: no country polygons ({kind: "country", a3})');
  fc('lake').forEach((f, i) => {
    const id = idOf(f);
    if (typeof id !== 'string') problems.push(`lake-sev.geojson: feature ${i} has no properties.id`);
    const g = isObject(f) ? f.geometry : null;
    if (!isObject(g) || g.type !== 'Polygon')
      problems.push(`lake-sev.geojson: "${String(id)}" needs a Polygon geometry`);
  });
  return problems;
}

/** Problems with the declarations, given valid inputs; empty when usable. */
export function validateDeclarations(inputs: CheckInputs): string[] {
  const list = declarationsOf(inputs.checks);
  if (!list) return ['checks.json: expected { "checks": [ … ] }'];
  const problems: string[] = [];
  const places = new Set(inputs.places.features.map((f) => f.properties.id));
  const claims = new Map(inputs.claims.features.map((f) => [f.properties.id, f] as const));
  const borders = new Set(inputs.border.features.map((f) => String(f.properties?.id ?? f.id)));
  const lakes = new Map(inputs.lake.features.map((f) => [f.properties.id, f] as const));
  const countries = new Set(
    inputs.basemap.features.filter((f) => f.properties?.kind === 'country').map((f) => f.properties.a3),
  );
  const ids = new Set<string>();
  list.forEach((raw, i) => {
    if (!isObject(raw)) {
      problems.push(`checks.json: entry ${i} is not an object`);
      return;
    }
    const c = raw as unknown as CheckDeclaration;
    const at = `checks.json "${typeof c.id === 'string' ? c.id : `#${i}`}"`;
    if (typeof c.id !== 'string' || !ID_PATTERN.test(c.id))
      problems.push(`${at}: id must be lower-case words joined by "-"`);
    else if (ids.has(c.id)) problems.push(`${at}: duplicate id`);
    else ids.add(c.id);
    if (typeof c.title !== 'string' || c.title === '') problems.push(`${at}: needs a title`);
    if (c.claim !== null) {
      const claim = typeof c.claim === 'string' ? claims.get(c.claim) : undefined;
      if (!claim) problems.push(`${at}: claim "${String(c.claim)}" is not in claims.geojson`);
      else if (typeof c.quote !== 'string' || c.quote === '')
        problems.push(`${at}: needs the quote it tests`);
      else if (!claim.properties.quote.includes(c.quote)) {
        problems.push(`${at}: the quote "${c.quote}" does not occur verbatim in claim ${c.claim}'s quote`);
      }
      if (claim && c.reportedWording !== undefined) {
        const where = `${claim.properties.quote}\n${claim.properties.notes ?? ''}`;
        if (typeof c.reportedWording !== 'string' || !where.includes(c.reportedWording)) {
          problems.push(
            `${at}: reportedWording "${String(c.reportedWording)}" is not in claim ${c.claim}'s quote or notes`,
          );
        }
      }
    } else {
      const sp = c.sourcedProperty;
      const lake = sp ? lakes.get(sp.feature) : undefined;
      if (!sp || !lake)
        problems.push(
          `${at}: with "claim": null, needs "sourcedProperty" naming a feature of lake-sev.geojson`,
        );
      else {
        const v = (lake.properties as unknown as Record<string, unknown>)[sp.property];
        if (typeof v !== 'number') problems.push(`${at}: ${sp.feature} has no numeric ${sp.property}`);
        else if (v !== c.reported)
          problems.push(
            `${at}: reported ${String(c.reported)} differs from ${sp.feature}.${sp.property} = ${v}`,
          );
      }
    }
    if (!UNITS.includes(c.unit)) problems.push(`${at}: unit must be one of ${UNITS.join(', ')}`);
    if (c.reported !== null && (typeof c.reported !== 'number' || !Number.isFinite(c.reported))) {
      problems.push(`${at}: reported must be a number or null`);
    }
    if (c.reported !== null) {
      const t = c.tolerance;
      if (
        !isObject(t) ||
        typeof t.consistentWithin !== 'number' ||
        typeof t.roughlyWithin !== 'number' ||
        t.consistentWithin < 0 ||
        t.roughlyWithin < t.consistentWithin
      ) {
        problems.push(`${at}: tolerance needs 0 ≤ consistentWithin ≤ roughlyWithin`);
      }
    }
    if (typeof c.toleranceBasis !== 'string' || c.toleranceBasis === '')
      problems.push(`${at}: needs a toleranceBasis`);
    if (!isObject(c.measure)) problems.push(`${at}: needs a measure`);
    else problems.push(...validateMeasure(c.measure, at, { places, claims, borders, lakes, countries }));
  });
  return problems;
}

function validateMeasure(
  m: MeasureDeclaration,
  at: string,
  known: {
    places: Set<string>;
    claims: Map<string, unknown>;
    borders: Set<string>;
    lakes: Map<string, unknown>;
    countries: Set<unknown>;
  },
): string[] {
  const p: string[] = [];
  const place = (id: unknown) => {
    if (typeof id !== 'string' || !known.places.has(id))
      p.push(`${at}: place "${String(id)}" is not in places.geojson`);
  };
  const country = (a3: unknown) => {
    if (!known.countries.has(a3)) p.push(`${at}: country "${String(a3)}" is not in basemap.geojson`);
  };
  const borderIds = (ids: unknown) => {
    if (ids === undefined) return;
    if (!Array.isArray(ids)) p.push(`${at}: border must be a list of feature ids`);
    else
      for (const id of ids as unknown[])
        if (!known.borders.has(String(id)))
          p.push(`${at}: border feature "${String(id)}" is not in border.geojson`);
  };
  const filter = (f: ClaimFilter | undefined) => {
    if (!isObject(f)) {
      p.push(`${at}: claims filter missing`);
      return;
    }
    const ids = (f as ClaimFilter).ids;
    if (ids !== undefined && !Array.isArray(ids)) p.push(`${at}: claims.ids must be a list`);
    else
      for (const id of ids ?? [])
        if (!known.claims.has(id)) p.push(`${at}: claim "${id}" is not in claims.geojson`);
  };
  const lake = (id: unknown) => {
    if (typeof id !== 'string' || !known.lakes.has(id))
      p.push(`${at}: polygon "${String(id)}" is not in lake-sev.geojson`);
  };
  switch (m.kind) {
    case 'distance-between-places':
      place(m.from);
      place(m.to);
      if (m.direction && typeof m.direction.expectedBearingDeg !== 'number')
        p.push(`${at}: direction needs expectedBearingDeg`);
      break;
    case 'depth-inside-country':
      filter(m.claims);
      country(m.country);
      borderIds(m.border);
      break;
    case 'polygon-share-by-border':
      lake(m.polygon);
      country(m.country);
      if (!Array.isArray(m.lines) || m.lines.length === 0)
        p.push(`${at}: lines must list at least one border line`);
      break;
    case 'point-side-of-border':
      if (!known.claims.has(m.claim)) p.push(`${at}: claim "${m.claim}" is not in claims.geojson`);
      country(m.country);
      borderIds(m.border);
      break;
    case 'places-to-nearest-claimed-position':
      if (!Array.isArray(m.places) || m.places.length === 0)
        p.push(`${at}: places must list at least one place`);
      else for (const id of m.places) place(id);
      filter(m.claims);
      break;
    case 'polygon-area':
      lake(m.polygon);
      break;
    default:
      p.push(`${at}: unknown measure kind "${String((m as { kind?: unknown }).kind)}"`);
  }
  return p;
}
