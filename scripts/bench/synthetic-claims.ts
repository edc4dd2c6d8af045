// Synthetic claims files for the benchmark's scale series: n claims that pass the project's validator, made from
// the committed claims so their text, sides, kinds and sources look like the real ones. Every synthetic claim says
// it is synthetic in its id (and its geometryBasis, where it has a place); none is evidence of anything. Deterministic for a given n.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { ClaimFeature, ClaimProperties } from '../../src/data/types.ts';
import type { StoryManifest } from '../../src/story/manifest.ts';
import { storyDays } from '../../src/timeline.ts';

/** A small, seedable PRNG (mulberry32): the same n gives the same file. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (value: number) => Math.round(value * 1e5) / 1e5;

/**
 * A geometry of the same type as the template's, at a random spot of the story's first view. Lines are short
 * random walks of 8 vertices (most reported positions are points or short lines, not the lake shore the
 * committed file traces); polygons are small pentagons.
 */
function geometryLike(template: Geometry, next: () => number, story: StoryManifest): Geometry {
  const [west, south, east, north] = story.camera.bounds;
  const at = (): Position => [round(west + next() * (east - west)), round(south + next() * (north - south))];
  const walk = (count: number): Position[] => {
    const points = [at()];
    for (let i = 1; i < count; i++) {
      const [lon, lat] = points[i - 1];
      points.push([round(lon + (next() - 0.5) * 0.01), round(lat + (next() - 0.5) * 0.01)]);
    }
    return points;
  };
  switch (template.type) {
    case 'Point':
      return { type: 'Point', coordinates: at() };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: template.coordinates.map(() => at()) };
    case 'LineString':
    case 'MultiLineString':
      return { type: 'LineString', coordinates: walk(8) };
    default: {
      const [lon, lat] = at();
      const ring: Position[] = [0, 1, 2, 3, 4].map((k) => [
        round(lon + 0.01 * Math.cos((2 * Math.PI * k) / 5)),
        round(lat + 0.01 * Math.sin((2 * Math.PI * k) / 5)),
      ]);
      return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
    }
  }
}

/**
 * `n` claims: the committed ones first (so the figure checks still find theirs), then synthetic copies of them in
 * turn, each with its own id, a random day of the story and, where the template has a place, a new random one.
 */
export function syntheticClaims(
  originals: FeatureCollection<Geometry | null, ClaimProperties>,
  n: number,
  story: StoryManifest,
): FeatureCollection<Geometry | null, ClaimProperties> {
  const next = random(n);
  const days = storyDays(story);
  const features: Feature<Geometry | null, ClaimProperties>[] = originals.features.slice(0, n);
  for (let i = features.length; i < n; i++) {
    const template = originals.features[i % originals.features.length] as ClaimFeature;
    const p = template.properties;
    const id = `${p.id}-synthetic-${i}`;
    const statementDate = days[Math.floor(next() * days.length)];
    // The event is the day of the statement: it can never come after it.
    const eventDate = p.eventDate === null ? null : statementDate;
    const geometry = template.geometry ? geometryLike(template.geometry, next, story) : null;
    const properties: ClaimProperties = {
      ...p,
      id,
      statementDate,
      eventDate,
      incident: `${p.incident}-synthetic`,
      geometryBasis: geometry
        ? 'Synthetic benchmark geometry: a random position in the story area, not a claim.'
        : null,
      uncertaintyM: geometry ? p.uncertaintyM : null,
      answers: [],
    };
    // Notes are the committed claims' own; a synthetic claim has none.
    delete properties.eventDateEnd;
    delete properties.notes;
    features.push({ type: 'Feature', id, properties, geometry });
  }
  return { type: 'FeatureCollection', features };
}
