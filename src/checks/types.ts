/**
 * The checks engine's data: check declarations (a story's checks.json), its inputs and its results.
 *
 * @packageDocumentation
 */
import type { FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Areas, Border, Claims, Places, Side } from '../data/types.ts';

/** How a reported figure compares with the measurement. */
export type Verdict = 'consistent' | 'roughly-consistent' | 'inconsistent' | 'cannot-check';

/** Units of reported and measured values ("mi": statute miles). */
export type CheckUnit = 'km' | 'm' | 'mi' | '%' | 'km²';

/**
 * What the wording of a figure allows, in the check's unit. `consistent` when the measurement is within
 * `consistentWithin` of the reported value; `roughly-consistent` within `roughlyWithin` (or when only the
 * positional uncertainty bridges the gap); else `inconsistent`.
 */
export interface ToleranceDeclaration {
  consistentWithin: number;
  roughlyWithin: number;
}

/** A compass wording such as "north of", with its own tolerance in degrees. */
export interface DirectionDeclaration {
  /** The words, e.g. "north of". */
  wording: string;
  /** The bearing the words name, degrees clockwise from north (north = 0). */
  expectedBearingDeg: number;
  consistentWithinDeg: number;
  roughlyWithinDeg: number;
  basis: string;
}

/**
 * A border line a measurement uses: one of the story's lines (story.json `borderLines`), or a line the sources
 * describe that the data does not hold (then `ifMissing` says so in the result).
 */
export interface BorderLineDeclaration {
  /** id of one of the story's border lines; absent for a line the data does not hold. */
  line?: string;
  /** Short name for readers; default: the story's label of the line. */
  label?: string;
  /** What to say when the line is not in the data. */
  ifMissing?: string;
}

/** Which claims' geometries to use. All given filters must match. */
export interface ClaimFilter {
  ids?: string[];
  side?: Side;
  incident?: string;
  /** Only claims made on or before this date (ISO). */
  statedBy?: string;
}

/** How to measure; one small union member per kind of measurement. */
export type MeasureDeclaration =
  | {
      /** Geodesic distance (and bearing) between two places of places.geojson. */
      kind: 'distance-between-places';
      from: string;
      to: string;
      direction?: DirectionDeclaration;
    }
  | {
      /** How far claim geometries reach into `country`, measured from the border line. */
      kind: 'depth-inside-country';
      claims: ClaimFilter;
      country: string;
      /** id of the border line to measure from (default: the story's first line). */
      line?: string;
    }
  | {
      /** Share of a reference area (areas.geojson) on `country`'s side of each border line. */
      kind: 'polygon-share-by-border';
      polygon: string;
      country: string;
      lines: BorderLineDeclaration[];
    }
  | {
      /** Side of the border a claim's point is on, and its distance from the line (positive inside `country`). */
      kind: 'point-side-of-border';
      claim: string;
      country: string;
      /** id of the border line (default: the story's first line). */
      line?: string;
    }
  | {
      /**
       * Straight-line distance from a place or a claim's point to a border line, and the side it is on
       * (positive inside `country` when given).
       */
      kind: 'distance-to-line';
      from: { place: string } | { claim: string };
      line?: string;
      country?: string;
    }
  | {
      /** Distance from each place to the nearest position claimed (geometry of the matching claims). */
      kind: 'places-to-nearest-claimed-position';
      places: string[];
      claims: ClaimFilter;
    }
  | {
      /** Area on the ellipsoid of a reference area (areas.geojson). */
      kind: 'polygon-area';
      polygon: string;
    };

export type MeasureKind = MeasureDeclaration['kind'];

/** One check, as declared in checks.json. */
export interface CheckDeclaration {
  /** Stable, readable id, e.g. "village-a-north-of-town-b". */
  id: string;
  /** Short title for readers. */
  title: string;
  /** id of the claim the figure comes from; null when the figure is a sourced property of a feature. */
  claim: string | null;
  /** The exact words tested; must occur verbatim in the claim's quote. */
  quote: string | null;
  /** For figures that are not claims (e.g. a reference area's reported size): the feature and property holding it. */
  sourcedProperty?: { feature: string; property: 'areaKm2Reported' };
  /** The reported figure in `unit`; null when the words give no figure (then the check reports context only). */
  reported: number | null;
  /**
   * When the figure is not in the quoted words but in the same statement as reported elsewhere: those
   * words, which must occur verbatim in the claim's quote or notes (e.g. a news agency's "in 400 meters").
   */
  reportedWording?: string;
  unit: CheckUnit;
  /** Tolerance implied by the wording; null when `reported` is null. */
  tolerance: ToleranceDeclaration | null;
  /** Why that tolerance, in plain words. */
  toleranceBasis: string;
  measure: MeasureDeclaration;
  /** Things a reader should know about this check whatever the result. */
  caveats?: string[];
  /**
   * The figure is a distance by road. A road is longer than the straight line, so a straight-line measurement
   * can never judge it: the result gives the straight line for context and the verdict is `cannot-check`.
   */
  byRoad?: true;
  /**
   * Set when the measured geometry was itself drawn from the reported figure (e.g. an outline built to
   * have the reported area): says how. The verdict is then `cannot-check` — the measurement only checks
   * the drawing — and the reason says so.
   */
  circularBecause?: string;
}

/** The contents of a story's checks.json. */
export interface CheckFile {
  $comment?: string;
  checks: CheckDeclaration[];
}

/** A country polygon of a story's basemap.geojson. */
export interface BasemapProperties {
  kind: string;
  a3?: string;
  [key: string]: unknown;
}
export type Basemap = FeatureCollection<Polygon | MultiPolygon | Geometry, BasemapProperties>;

/** One border line of the story, as the engine receives it. */
export interface BorderLineInput {
  id: string;
  label: string;
  features: Border;
}

/**
 * Everything the engine needs, as parsed JSON (the browser fetches it; the CLI reads it from disk). Inputs may
 * be broken: each check that needs a broken input says so, and the others are computed.
 */
export interface CheckInputs {
  checks: CheckFile | CheckDeclaration[];
  places: Places;
  claims: Claims;
  /** The story's border lines, in its order; the first is the default line of a measurement. */
  borderLines: BorderLineInput[];
  basemap: Basemap;
  areas: Areas;
}

/** The tolerance actually applied, with the interval it allows. */
export interface AppliedTolerance {
  consistentWithin: number;
  roughlyWithin: number;
  unit: CheckUnit;
  /** [reported − consistentWithin, reported + consistentWithin] */
  consistentRange: [number, number];
  roughlyRange: [number, number];
  basis: string;
}

/** Result of one check; JSON-ready. `measured` keeps full precision; format it with format.ts. */
export interface CheckResult {
  id: string;
  title: string;
  /** The kind of measurement (see {@link MeasureDeclaration}). */
  measureKind: MeasureKind;
  claim: string | null;
  quote: string | null;
  /** Source id (sources.json) of the quote or of the sourced property. */
  source: string | null;
  /** When the claim was made (ISO date); null for sourced properties. */
  statementDate: string | null;
  reported: number | null;
  /** Where the figure's words come from when they are not in `quote` (see CheckDeclaration). */
  reportedWording: string | null;
  /** Full-precision measurement in `unit`; null when nothing could be measured. */
  measured: number | null;
  /** ± range in `unit` around `measured` from positional uncertainty (claims' or places' radii), 0 if none. */
  measuredUncertainty: number;
  unit: CheckUnit;
  /** How it was measured, in words (method named, error bound given). */
  method: string;
  verdict: Verdict;
  tolerance: AppliedTolerance | null;
  /** Why the verdict, in plain words. */
  reason: string;
  /** What was measured, in plain words with rounded numbers. */
  summary: string;
  /** Kind-specific numbers (full precision), e.g. bearings, per-place distances, per-line shares. */
  details: Record<string, unknown>;
  caveats: string[];
  /** What to draw for the measurement (lines with their lengths, nearest border points, polygon pieces…). */
  geometry: FeatureCollection;
  /** Set when the check could not be computed at all (bad declaration or input): what went wrong. */
  problem?: string;
}
