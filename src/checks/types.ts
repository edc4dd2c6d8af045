/**
 * The checks engine's data: check declarations (a story's checks.json), its inputs and its results.
 *
 * @packageDocumentation
 */
import type { FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Areas, Border, Claims, Places, Side } from '../data/types.ts';

/**
 * How a reported figure compares with the measurement, by the one rule of data/README.md ("One rule for every
 * check"): `consistent` or `inconsistent` only when the whole measured range lies on one side of the tolerance
 * band; `depends-on-the-line` when border lines put it on different sides; else `cannot-check`.
 */
export type Verdict = 'consistent' | 'inconsistent' | 'depends-on-the-line' | 'cannot-check';

/** Why the verdict is what it is, in one word a table or a test can use (the reason says it in full). */
export type VerdictBasis =
  /** The rule applied to the measured range (the four verdicts). */
  | 'range'
  /** The words give no figure to test. */
  | 'no-figure'
  /** Nothing could be measured, e.g. the claim has no sourced position. */
  | 'no-measurement'
  /** A distance by road, which a straight line cannot judge. */
  | 'by-road'
  /** The measured geometry was drawn from the figure itself. */
  | 'circular'
  /** The declaration or its inputs are unusable (`problem` says why). */
  | 'not-computed';

/** Units of reported and measured values ("mi": statute miles). */
export type CheckUnit = 'km' | 'm' | 'mi' | '%' | 'km²';

/**
 * What the wording of a figure allows. The band is the same for every check (ROUND_FIGURE_SLACK in rule.ts):
 * - `about`: two-sided, the figure ± 25 % of it ("about 5 km", or a bare round figure such as "400 meters");
 * - `at-most`: one-sided, anything up to the figure + 25 % ("up to", "within", "no more than");
 * - `at-least`: one-sided, anything from the figure − 25 % on ("more than", "inside": at least 0).
 */
export interface ToleranceDeclaration {
  kind: ToleranceKind;
}
export type ToleranceKind = 'about' | 'at-most' | 'at-least';

/**
 * A compass wording such as "north of". The words name a point of a 4-, 8- or 16-point compass ("north",
 * "north-west", "north-north-west"), and cover that point's sector: ±45°, ±22.5° or ±11.25°.
 */
export interface DirectionDeclaration {
  /** The words, e.g. "north of". */
  wording: string;
  /** The bearing the words name, degrees clockwise from north (north = 0). */
  expectedBearingDeg: number;
  /** The compass the word belongs to: 4 (north), 8 (north-west), 16 (north-north-west). */
  compass: 4 | 8 | 16;
}

/**
 * A border line a measurement uses: one of the story's lines (story.json `borderLines`), or a line the sources
 * describe that the data does not hold (then `ifMissing` says so in the result).
 */
export interface BorderLineDeclaration {
  /** id of one of the story's border lines (to give it its own label); absent for a line the data does not hold. */
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
      /** How far claim geometries reach into `country`, measured from each border line (negative: not at all). */
      kind: 'depth-inside-country';
      claims: ClaimFilter;
      country: string;
      /** Only this border line (default: every line of the story). */
      line?: string;
    }
  | {
      /** Share of a reference area (areas.geojson) on `country`'s side of every border line of the story. */
      kind: 'polygon-share-by-border';
      polygon: string;
      country: string;
      /** Labels for some of the story's lines, and lines the data does not hold (reported as missing). */
      lines?: BorderLineDeclaration[];
    }
  | {
      /** Side of the border a claim's point is on, and its distance from each line (positive inside `country`). */
      kind: 'point-side-of-border';
      claim: string;
      country: string;
      /** Only this border line (default: every line of the story). */
      line?: string;
    }
  | {
      /**
       * Straight-line distance from a place or a claim's point to each border line, and the side it is on
       * (positive inside `country` when given).
       */
      kind: 'distance-to-line';
      from: { place: string } | { claim: string };
      /** Only this border line (default: every line of the story). */
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
  /**
   * Set when the words tested are not the claimant's although they stand in the claim's quote: e.g. an outlet's
   * own description of a place in its report of the claim. The check is then a check of `who`, not of the claim.
   */
  attributedTo?: { who: string; why: string };
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
  /** Tolerance implied by the wording ("about", "at most", "at least"); null when `reported` is null. */
  tolerance: ToleranceDeclaration | null;
  /** Why that kind of tolerance, in plain words (the words that make it "about" or "at least"). */
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

/** The tolerance actually applied: the band of values the wording allows. */
export interface AppliedTolerance {
  kind: ToleranceKind;
  unit: CheckUnit;
  /** Lowest and highest value allowed; null for an open side (`at-most` has no lowest, `at-least` no highest). */
  band: [number | null, number | null];
  /** The fraction of the figure the rule allows either way (0.25). */
  slack: number;
  basis: string;
}

/** Where a range of measured values lies against the tolerance band. */
export type BandPosition = 'below' | 'within' | 'above' | 'across';

/** The measurement against one border line (or the only measurement, for checks that use no line). */
export interface LineMeasurement {
  /** The story's line id; null for a line the data does not hold, or for a check that uses no line. */
  line: string | null;
  /** Readers' name of the line ("" for a check that uses no line). */
  label: string;
  /** Full-precision value in the check's unit with the geometry as drawn; null when not measured. */
  measured: number | null;
  /** Lowest and highest value over the geometry's uncertainty (positions' radii); null when not measured. */
  range: [number, number] | null;
  /** Where `range` lies against the tolerance band; null without a band or a range. */
  position: BandPosition | null;
  /** Why not measured, or what else a reader should know about this line's value. */
  note?: string;
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
  /** Whose figure it is when not the claimant's (see CheckDeclaration.attributedTo); null otherwise. */
  attributedTo: { who: string; why: string } | null;
  /** When the claim was made (ISO date); null for sourced properties. */
  statementDate: string | null;
  reported: number | null;
  /** Where the figure's words come from when they are not in `quote` (see CheckDeclaration). */
  reportedWording: string | null;
  /**
   * Full-precision value in `unit` with the geometry as drawn, against the story's main line when the check uses
   * lines (every line's is in `lines`); null when nothing could be measured.
   */
  measured: number | null;
  /** The whole measured range: over the geometry's uncertainty and over every border line; null if none. */
  range: [number, number] | null;
  /** The range in words, e.g. "−36 m to +1,310 m inside Ruritania, depending on the line". */
  rangeText: string;
  /** The measurement against each border line the check uses (empty for checks that use no line). */
  lines: LineMeasurement[];
  unit: CheckUnit;
  /** How it was measured, in words (method named, error bound given). */
  method: string;
  verdict: Verdict;
  verdictBasis: VerdictBasis;
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
