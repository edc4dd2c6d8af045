// The story's data model: what the files of a story folder (data/<story>/) hold. Every item names its source.
import type {
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
} from 'geojson';

/** Who made a claim: the id of one of the story's sides (story.json). Used for layers, colours and patterns. */
export type Side = string;

/** An ISO 8601 calendar date, e.g. "2024-05-12". */
export type IsoDate = string;

/** One cited source: an entry of the story's sources.json, optionally narrowed (page, paragraph, coordinate note). */
export interface SourceRef {
  /** id of an entry in sources.json */
  source: string;
  /** what exactly this source supports, e.g. "coordinates 39°35'53"N 46°13'52"E" */
  note?: string;
}

/** An entry of sources.json. */
export interface Source {
  id: string;
  outlet: string;
  headline: string;
  /** Publication date as far as known; null when no date could be found (undated pages, datasets). */
  published: IsoDate | null;
  /** "exact" when the page shows it; "inferred" when reasoned from the text (e.g. "on Friday"); "unknown" with a null date. */
  publishedCertainty: 'exact' | 'inferred' | 'unknown';
  url: string | null;
  /** BCP 47 tag of the text we quote, e.g. "en". */
  language: string;
  /** How the text was identified (e.g. "verbatim match at …"). */
  identifiedBy: string;
  /** File name in ../shared/seeds when the source is one of the five seed articles; quotes from it are checked verbatim. */
  seed: string | null;
  /**
   * File name in the story's `excerpts/` folder: the passage of the page as it was read (its address first), for a
   * source that is not a seed. Quotes from it are checked verbatim against it.
   */
  excerpt?: string;
  kind: 'article' | 'web-page' | 'dataset' | 'research-note';
}

/**
 * Names in the story's other label languages (story.json `labelLanguages` after the first), by language code.
 * A name is present only where a source gives it; never guessed.
 */
export type PlaceNames = Record<string, string>;

export type PlaceKind = 'town' | 'village' | 'lake' | 'peak' | 'region' | 'district' | 'reported-position';

export interface PlaceProperties {
  id: string;
  /** Name in the story's first label language (the label default). */
  name: string;
  /** Other names it goes by in the first label language (spelling variants, older names). */
  altNames: string[];
  names: PlaceNames;
  kind: PlaceKind;
  /** Radius in metres within which the true position lies, when the position is approximate; null when exact to the source's precision. */
  uncertaintyM: number | null;
  sources: SourceRef[];
  notes?: string;
}
export type PlaceFeature = Feature<Point, PlaceProperties>;

/** What a reference area is: water is drawn as water, a zone as an outlined area. */
export type AreaKind = 'lake' | 'zone';

/** A reference area (areas.geojson): a lake, a disputed zone… Checks may measure it. */
export interface AreaProperties {
  id: string;
  name: string;
  altNames: string[];
  names: PlaceNames;
  kind: AreaKind;
  /** true: drawn from descriptions, not surveyed; the map must show it as schematic. */
  schematic: boolean;
  /** How the outline was built, in words. */
  basis: string;
  /** The area the sources give, km², when they give one. */
  areaKm2Reported?: number;
  /** How far the true edge may lie from the drawn one, metres (the checks measure over it); absent when exact. */
  uncertaintyM?: number;
  sources: SourceRef[];
  notes?: string;
}
export type AreaFeature = Feature<Polygon | MultiPolygon, AreaProperties>;

export type ClaimKind =
  | 'advance' // troops moved across a line
  | 'positions' // troops hold points or an area
  | 'area' // a territory is claimed
  | 'direction' // an approach "in the direction of" a place
  | 'denial' // a claim that something did not happen
  | 'statement'; // a position with no place of its own (e.g. a call for restraint)

export type QuoteKind = 'direct' | 'reported';

export interface ClaimProperties {
  id: string;
  /** Side of the claimant, not of the troops described. */
  side: Side;
  /** Who said it, e.g. "Ministry of Defence of <country>" */
  claimant: string;
  /** When the event described happened (first day, and last day if it spans several). */
  eventDate: IsoDate | null;
  eventDateEnd?: IsoDate;
  /** When the claim was made. */
  statementDate: IsoDate;
  /** A neutral one-line summary in our words. */
  summary: string;
  /** Exact words from the source, character for character. */
  quote: string;
  /**
   * `direct`: the claimant's own words (their statement, or an outlet quoting them verbatim, translations included);
   * `reported`: an outlet's account of what they said (paraphrase, indirect speech, a summary with fragments).
   */
  quoteKind: QuoteKind;
  source: string;
  kind: ClaimKind;
  /** Group of claims about the same incident, e.g. "2024-05-12-north-pass". */
  incident: string;
  /** How the geometry was drawn from the words, e.g. "the stated coordinates N 40°04′30″ E 45°54′42″". */
  geometryBasis: string | null;
  /**
   * Whose account of the positions the geometry follows: `claimant` when it is the claimant's own (their words,
   * coordinates or named places, as published or as reported), else who described them (e.g. "the Orbeli
   * Analytical Research Center (Yerevan), 20 May 2021"); null when there is no geometry.
   */
  geometryBy: string | null;
  /** Radius in metres: how far the true location may lie from the drawn geometry; null when there is no geometry. */
  uncertaintyM: number | null;
  /** ids of claims this one answers (replies to, denies, comments on). */
  answers: string[];
  /** Further sources: for the geometry, the dates or the context; never for the quote (that is `source`). */
  sources: SourceRef[];
  /** What a reader should know: inferred dates, other wordings, what could not be sourced. */
  notes?: string;
}
export type ClaimFeature = Feature<Geometry | null, ClaimProperties>;

export interface BorderProperties {
  id: string;
  name: string;
  /** What the line is, e.g. "OpenStreetMap boundary as of late 2017". */
  basis: string;
  sources: SourceRef[];
  /** true for a stretch bridged across a gap in the source data (drawn dotted, never read as surveyed). */
  interpolated?: boolean;
  /**
   * The countries (story.json `countries` codes) on the line's left and right, looking along it. Both or neither:
   * a line that says its sides is read by them; one that does not has its sides found from the basemap polygons.
   */
  leftCountry?: string;
  rightCountry?: string;
}

export type Places = FeatureCollection<Point, PlaceProperties>;
export type Claims = FeatureCollection<Geometry | null, ClaimProperties>;
export type Areas = FeatureCollection<Polygon | MultiPolygon, AreaProperties>;
export type BorderFeature = Feature<LineString | MultiLineString, BorderProperties>;
export type Border = FeatureCollection<LineString | MultiLineString, BorderProperties>;
