import { describe, expect, it } from 'vitest';
import { byStatementDate } from '../../src/data/story.ts';
import type { ClaimFeature } from '../../src/data/types.ts';
import { claimsShownOn, formatDay, isStoryDay, showsOn, storyDays } from '../../src/timeline.ts';
import { fixture, story } from './stories.ts';

describe('timeline', () => {
  it('covers the story’s days from its manifest, one entry a day (fixture: six months of 2030)', () => {
    const days = storyDays(fixture.manifest);
    expect(days[0]).toBe('2030-01-01');
    expect(days.at(-1)).toBe('2030-06-30');
    expect(days).toHaveLength(181);
    expect(new Set(days).size).toBe(181);
  });

  it('covers 11 May to 3 June 2021 for the repository’s story', () => {
    const days = storyDays(story.manifest);
    expect([days[0], days.at(-1), days.length]).toEqual(['2021-05-11', '2021-06-03', 24]);
  });

  it('knows story days from other strings', () => {
    expect(isStoryDay(fixture.manifest, '2030-02-28')).toBe(true);
    expect(isStoryDay(fixture.manifest, '2030-02-29')).toBe(false);
    expect(isStoryDay(fixture.manifest, '2029-12-31')).toBe(false);
    expect(isStoryDay(fixture.manifest, '2030-2-28')).toBe(false);
  });

  it('shows claims cumulatively or for one day', () => {
    expect(showsOn('2030-01-12', '2030-01-13', 'cumulative')).toBe(true);
    expect(showsOn('2030-01-14', '2030-01-13', 'cumulative')).toBe(false);
    expect(showsOn('2030-01-12', '2030-01-13', 'day')).toBe(false);
    expect(showsOn('2030-01-13', '2030-01-13', 'day')).toBe(true);
  });

  it('finds the claims shown on a day in the sorted list: the same as testing each claim', () => {
    // Seeded dates over a few weeks, many claims a day, some days with none; every day of the range and beyond it.
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const day = (n: number) => `2021-05-${String(n).padStart(2, '0')}`;
    for (const count of [0, 1, 2, 7, 500]) {
      const claims = Array.from({ length: count }, (_, i) => ({
        properties: { id: `c${i}`, statementDate: day(3 + Math.floor(random() * 20)) },
      })).sort((a, b) => byStatementDate(a as unknown as ClaimFeature, b as unknown as ClaimFeature));
      for (let n = 1; n <= 28; n++)
        for (const mode of ['cumulative', 'day'] as const)
          expect(claimsShownOn(claims, day(n), mode), `${count} claims, ${day(n)}, ${mode}`).toEqual(
            claims.filter((claim) => showsOn(claim.properties.statementDate, day(n), mode)),
          );
    }
  });

  it('formats days for readers', () => {
    expect(formatDay('2021-05-12')).toBe('12 May 2021');
  });
});
