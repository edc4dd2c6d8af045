// The browser-side loader (src/data/load.ts) with fetch stubbed: the committed files, each broken in one way.
// What the loader keeps must be exactly what validated, whatever ids the broken features carry; nothing throws.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadStory } from '../../src/data/load.ts';
import type { ClaimFeature } from '../../src/data/types.ts';
import {
  BROKEN_CLAIMS,
  CLAIM_IDS,
  claimsWith,
  committedText as committed,
  INFINITE,
  withInfinity,
} from '../fixtures/broken-story.ts';
import { story as storyFolder } from './stories.ts';

const MANIFEST = storyFolder.manifest;

const BASE = 'http://story.test/app/';
type Json = Record<string, unknown>;
const PLACE_COUNT = (JSON.parse(committed('places.geojson')) as { features: unknown[] }).features.length;

/** A server that never answers (null), or sends its headers and then stalls ('stall'). */
type Replacement = string | Uint8Array | null | 'stall';

/** Serves data/ as the built app would, with some files replaced. Like fetch, the caller's signal ends any wait. */
function stubFetch(replaced: Record<string, Replacement> = {}): void {
  vi.stubGlobal('fetch', async (input: string | URL, init?: RequestInit) => {
    const name = new URL(String(input)).pathname.split('/').pop() ?? '';
    const abort = (then: (reason: unknown) => void) =>
      init?.signal?.addEventListener('abort', () => then(init.signal?.reason));
    const replacement = replaced[name];
    if (replacement === null) return new Promise((_, reject) => abort(reject));
    if (replacement === 'stall') {
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"type": "FeatureCollection", '));
          abort((reason) => controller.error(reason));
        },
      });
      return new Response(body, { status: 200 });
    }
    return new Response((replacement as BodyInit | undefined) ?? committed(name), { status: 200 });
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

function sortedByDate(claims: ClaimFeature[]): boolean {
  return claims.every(
    (claim, i) => i === 0 || claims[i - 1].properties.statementDate <= claim.properties.statementDate,
  );
}

describe('loadStory keeps exactly the features that validated', () => {
  it('loads the committed story whole', async () => {
    stubFetch();
    const problems: string[] = [];
    const story = await loadStory(MANIFEST, BASE, (message) => problems.push(message));
    expect(problems).toEqual([]);
    expect(story.claims.map((c) => c.properties.id).sort()).toEqual([...CLAIM_IDS].sort());
    expect(story.places).toHaveLength(PLACE_COUNT);
    expect(story.areas.map((area) => area.properties.id)).toEqual(['lake-sev-outline']);
  });

  for (const broken of BROKEN_CLAIMS) {
    it(`drops a claim reported as broken (${String(broken.id)}), and only it`, async () => {
      stubFetch({ 'claims.geojson': claimsWith([broken]) });
      const problems: string[] = [];
      const story = await loadStory(MANIFEST, BASE, (message) => problems.push(message));
      expect(problems.join('\n')).toContain(String(broken.id));
      // Exactly the committed claims: the broken one is gone, every sound one is kept (the original of a duplicate too).
      expect(story.claims.map((c) => c.properties.id).sort()).toEqual([...CLAIM_IDS].sort());
      expect(story.claims).toHaveLength(CLAIM_IDS.length);
      expect(sortedByDate(story.claims)).toBe(true);
    });
  }

  it('drops all of them at once, and the rest of the story stays', async () => {
    stubFetch({ 'claims.geojson': claimsWith(BROKEN_CLAIMS, { first: true }) });
    const story = await loadStory(MANIFEST, BASE, () => {});
    expect(story.claims).toHaveLength(CLAIM_IDS.length);
    for (const { properties: p, geometry } of story.claims) {
      expect(Array.isArray(p.answers)).toBe(true);
      expect(['armenia', 'azerbaijan', 'third-party']).toContain(p.side);
      expect(p.statementDate >= '2021-05-11' && p.statementDate <= '2021-06-03').toBe(true);
      expect(JSON.stringify(geometry)).not.toContain('null,');
    }
    expect(story.places).toHaveLength(PLACE_COUNT);
  });

  it('drops a place with empty properties, keeping the others', async () => {
    const places = JSON.parse(committed('places.geojson')) as { features: Json[] };
    places.features.push({
      type: 'Feature',
      id: 'nameless',
      properties: {},
      geometry: { type: 'Point', coordinates: [46.2, 39.6] },
    });
    stubFetch({ 'places.geojson': JSON.stringify(places) });
    const story = await loadStory(MANIFEST, BASE, () => {});
    expect(story.places).toHaveLength(PLACE_COUNT);
    expect(story.places.every((place) => typeof place.properties.name === 'string')).toBe(true);
  });

  for (const [name, topLevelId] of [
    ['with its own id', 'lake-sev-outline'],
    ['whose top-level id differs from its properties.id', 'lake'],
  ]) {
    it(`drops a lake with an infinite vertex, ${name}`, async () => {
      const lake = JSON.parse(committed('areas.geojson')) as {
        features: { id: string; geometry: { coordinates: number[][][] } }[];
      };
      const feature = lake.features[0];
      if (!feature) throw new Error('no lake feature');
      feature.id = topLevelId;
      (feature.geometry.coordinates[0] as number[][])[3] = [INFINITE, 39.6];
      const problems: string[] = [];
      stubFetch({ 'areas.geojson': withInfinity(JSON.stringify(lake)) });
      const story = await loadStory(MANIFEST, BASE, (message) => problems.push(message));
      expect(story.areas).toEqual([]);
      expect(problems.join('\n')).toMatch(/areas\.geojson \(lake.*not a finite number/);
      expect(story.claims).toHaveLength(CLAIM_IDS.length);
    });
  }
});

describe('loadStory when a file never arrives or is not UTF-8', () => {
  for (const [how, replacement] of [
    ['a server that never answers', null],
    ['a body that stalls after the headers', 'stall'],
  ] as const) {
    it(`names the file after the timeout and loads the rest (${how})`, async () => {
      stubFetch({ 'claims.geojson': replacement });
      const problems: string[] = [];
      const story = await loadStory(MANIFEST, BASE, (message) => problems.push(message), { timeoutMs: 300 });
      expect(problems).toEqual([
        'data/armenia-azerbaijan-2021/claims.geojson did not arrive within 0.3 s; it was left out, and the rest of the map still works.',
      ]);
      expect(story.claims).toEqual([]);
      expect(story.places).toHaveLength(PLACE_COUNT);
      expect(story.areas).toHaveLength(1);
    });
  }

  it('keeps the places when sources.json never arrives (its absence is not their fault)', async () => {
    stubFetch({ 'sources.json': null });
    const problems: string[] = [];
    const story = await loadStory(MANIFEST, BASE, (message) => problems.push(message), { timeoutMs: 300 });
    expect(problems[0]).toContain('data/armenia-azerbaijan-2021/sources.json did not arrive within 0.3 s');
    expect(story.places).toHaveLength(PLACE_COUNT);
    expect(story.claims).toHaveLength(CLAIM_IDS.length);
  });

  it('refuses a file that is not UTF-8, naming the byte', async () => {
    const text = committed('areas.geojson');
    const at = text.indexOf('Lake Sev');
    const bytes = new TextEncoder().encode(text);
    bytes[at] = 0xe9;
    stubFetch({ 'areas.geojson': bytes });
    const problems: string[] = [];
    const story = await loadStory(MANIFEST, BASE, (message) => problems.push(message));
    expect(problems).toEqual([
      expect.stringContaining(
        `data/armenia-azerbaijan-2021/areas.geojson: not valid UTF-8: byte ${at} (0xE9)`,
      ),
    ]);
    expect(story.areas).toEqual([]);
  });
});
