import type { StoryManifest } from '../story/manifest.ts';
import { sideLabel } from '../ui/strings.ts';

/** The side's marker shape and colour, with its name as text: colour is never the only cue. */
export function SideMark({ story, side }: { story: StoryManifest; side: string }) {
  return (
    <span class={`side-mark side--${side}`}>
      <span class="side-mark-shape" aria-hidden="true" />
      {sideLabel(story, side)}
    </span>
  );
}
