// The story's data once loaded: each file may be missing (it failed to load or validate), and the rest still works.
import type { AreaFeature, BorderFeature, ClaimFeature, PlaceFeature, Source } from './types.ts';

/** One border line of the story (story.json `borderLines`): its features, as loaded. */
export interface BorderLine {
  id: string;
  label: string;
  features: BorderFeature[];
}

export interface Story {
  sources: Map<string, Source>;
  places: PlaceFeature[];
  /** Reference areas: a lake, a disputed zone… */
  areas: AreaFeature[];
  claims: ClaimFeature[];
  /** Each border line the story lists, in its order (MapLibre draws them from the files themselves). */
  borderLines: BorderLine[];
  /**
   * Where each kept claim sits in claims.geojson, in the file's order: a claim's one identity (its id may be
   * missing or repeated). The checks worker reads the file again and keeps exactly these.
   */
  claimPositions?: number[];
}

export function claimById(story: Story, id: string): ClaimFeature | undefined {
  return story.claims.find((claim) => claim.properties.id === id);
}

/** Claims that answer `id` (the reverse of its `answers` links). */
export function answeredBy(story: Story, id: string): ClaimFeature[] {
  return story.claims.filter((claim) => claim.properties.answers.includes(id));
}

/**
 * Claims in the order of their statement dates (stable: the file's order within a day). ISO dates order as plain
 * strings: no localeCompare, which costs seconds over 100 000 claims.
 */
export function byStatementDate(a: ClaimFeature, b: ClaimFeature): number {
  const x = a.properties.statementDate;
  const y = b.properties.statementDate;
  return x < y ? -1 : x > y ? 1 : 0;
}
