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

/** The same rule as a MapLibre filter on the `statementDate` property. */
export function dateFilter(day: string, mode: DateMode): ExpressionSpecification {
  return [mode === 'day' ? '==' : '<=', ['get', 'statementDate'], day];
}

/** "12 May 2021", in English, whatever the reader's locale: interface strings are English (ui/strings.ts). */
export function formatDay(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
