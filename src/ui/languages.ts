// Languages place labels can be shown in: the story's label languages (story.json `labelLanguages`). The first is
// the fallback where the data has no sourced name in another.
import type { StoryManifest } from '../story/manifest.ts';

/** A BCP 47 code of one of the story's label languages. */
export type Language = string;

export function languagesOf(story: Pick<StoryManifest, 'labelLanguages'>): Language[] {
  return story.labelLanguages.map((l) => l.code);
}

/** The first label language: the one of places' `name`. */
export function primaryLanguage(story: Pick<StoryManifest, 'labelLanguages'>): Language {
  return story.labelLanguages[0]?.code ?? 'en';
}
