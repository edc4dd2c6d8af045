// Messages between the page and the story worker (story-worker.ts).
import type { StoryManifest } from '../story/manifest.ts';
import type { StoryFile } from './read-story.ts';
import type { Story } from './story.ts';

export interface StoryRequest {
  files: StoryFile[];
  manifest: StoryManifest;
  timeoutMs: number;
}

export interface StoryReply {
  /** null when reading failed in a way the worker could not report as problems (the page then reads itself). */
  story: Story | null;
  /** Plain-language problems for the page to show, in the order they were found. */
  problems: string[];
}
