// The story's calendar: which claims a reader sees on a given day. The days are the manifest's (story.json
// `dates`); see storyDays in story/manifest.ts.
import type { ExpressionSpecification } from 'maplibre-gl';
import { type StoryManifest, storyDays } from './story/manifest.ts';

export { storyDays };

/** "cumulative": every claim made up to and including the day; "day": only claims made that day. */
export type DateMode = 'cumulative' | 'day';

export function isStoryDay(story: Pick<StoryManifest, 'dates'>, value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && storyDays(story).includes(value);
}

/** Whether a claim made on `statementDate` shows on `day`. ISO dates compare correctly as strings. */
export function showsOn(statementDate: string, day: string, mode: DateMode): boolean {
  return mode === 'day' ? statementDate === day : statementDate <= day;
}

/**
 * The claims that show on `day`, from claims sorted by statement date (data/story.ts byStatementDate): the same as
 * filtering each with showsOn, found by two binary searches. The shown claims are one run of the sorted list (from
 * the start, or that day's), so a timeline step costs a copy of the run, not a test of every claim (at 100,000
 * claims the test took about 70 ms of every step).
 */
export function claimsShownOn<T extends { properties: { statementDate: string } }>(
  sortedByDate: readonly T[],
  day: string,
  mode: DateMode,
): T[] {
  // The first index whose date is after `date` (or, with `orEqual` false, not before it).
  const firstAfter = (date: string, orEqual: boolean) => {
    let low = 0;
    let high = sortedByDate.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const at = sortedByDate[middle].properties.statementDate;
      if (at < date || (orEqual && at === date)) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const end = firstAfter(day, true);
  return sortedByDate.slice(mode === 'day' ? firstAfter(day, false) : 0, end);
}

/** The same rule as a MapLibre filter on the `statementDate` property. */
export function dateFilter(day: string, mode: DateMode): ExpressionSpecification {
  return [mode === 'day' ? '==' : '<=', ['get', 'statementDate'], day];
}

const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
/** The story has a few dozen distinct days and lists can repeat them 100 000 times: format each once. */
const formattedDays = new Map<string, string>();

/** "12 May 2021", in English, whatever the reader's locale: interface strings are English (ui/strings.ts). */
export function formatDay(isoDate: string): string {
  let text = formattedDays.get(isoDate);
  if (text === undefined) {
    const day = new Date(`${isoDate}T00:00:00Z`);
    // Intl throws on an invalid date; toLocaleDateString, used before, said "Invalid Date". Show the text as given.
    text = Number.isNaN(day.getTime()) ? isoDate : DAY_FORMAT.format(day);
    formattedDays.set(isoDate, text);
  }
  return text;
}
