import type { Side } from '../data/types.ts';
import { SIDE_LABELS } from '../ui/strings.ts';

/** The side's marker shape and colour, with its name as text: colour is never the only cue. */
export function SideMark({ side }: { side: Side }) {
  return (
    <span class={`side-mark side-mark--${side}`}>
      <span class="side-mark-shape" aria-hidden="true" />
      {SIDE_LABELS[side]}
    </span>
  );
}
