// The page shares repeated short strings of the story the worker sent: the data must come out exactly as it went in.
import { describe, expect, it } from 'vitest';
import { readJsonFile } from '../../scripts/lib/story-folder.ts';
import { shareRepeatedStrings } from '../../src/data/share-strings.ts';
import { story } from './stories.ts';

describe('shareRepeatedStrings', () => {
  it('leaves every claim and place as it was (values, nesting, numbers, nulls, long texts)', () => {
    const { features: claims } = readJsonFile(story.paths.claims) as { features: object[] };
    const { features: places } = readJsonFile(story.paths.places) as { features: object[] };
    const [claimsBefore, placesBefore] = [structuredClone(claims), structuredClone(places)];
    shareRepeatedStrings(claims);
    shareRepeatedStrings(places);
    expect(claims).toEqual(claimsBefore);
    expect(places).toEqual(placesBefore);
  });

  it('walks nested arrays and objects and keeps odd values', () => {
    const long = 'x'.repeat(200);
    const features = [
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [45.9, 40.1] },
        properties: { side: 'a', list: ['b', { deep: ['c', 1, null, true] }], quote: long, missing: null },
      },
      { type: 'Feature', geometry: null, properties: null },
    ];
    const before = structuredClone(features);
    shareRepeatedStrings(features);
    expect(features).toEqual(before);
  });
});
