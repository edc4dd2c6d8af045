// Reads and validates the story's data files off the page's thread: at tens of thousands of claims, parsing and
// checking the claims file is seconds of work that would otherwise freeze the page while it loads. The page gets
// back only what is sound, with the problems to show.
import { readStory } from './read-story.ts';
import type { StoryReply, StoryRequest } from './story-protocol.ts';

self.onmessage = async ({ data }: MessageEvent<StoryRequest>) => {
  const problems: string[] = [];
  try {
    const story = await readStory(data.files, data.manifest, (message) => problems.push(message), {
      timeoutMs: data.timeoutMs,
    });
    self.postMessage({ story, problems } satisfies StoryReply);
  } catch {
    // Not expected (reading reports what is broken and drops it); the page then reads the files itself.
    self.postMessage({ story: null, problems } satisfies StoryReply);
  }
};
