import { describe, expect, it } from 'vitest';
import { FIRST_DAY, formatDay, isStoryDay, LAST_DAY, showsOn, storyDays } from '../../src/timeline.ts';

describe('timeline', () => {
  it('covers 11 May to 3 June 2021, one entry a day', () => {
    const days = storyDays();
    expect(days[0]).toBe(FIRST_DAY);
    expect(days.at(-1)).toBe(LAST_DAY);
    expect(days).toHaveLength(24);
    expect(new Set(days).size).toBe(24);
  });

  it('knows story days from other strings', () => {
    expect(isStoryDay('2021-05-27')).toBe(true);
    expect(isStoryDay('2021-05-10')).toBe(false);
    expect(isStoryDay('2021-5-27')).toBe(false);
  });

  it('shows claims cumulatively or for one day', () => {
    expect(showsOn('2021-05-12', '2021-05-13', 'cumulative')).toBe(true);
    expect(showsOn('2021-05-14', '2021-05-13', 'cumulative')).toBe(false);
    expect(showsOn('2021-05-12', '2021-05-13', 'day')).toBe(false);
    expect(showsOn('2021-05-13', '2021-05-13', 'day')).toBe(true);
  });

  it('formats days for readers', () => {
    expect(formatDay('2021-05-12')).toBe('12 May 2021');
  });
});
