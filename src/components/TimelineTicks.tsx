import type { AppState } from '../state.ts';
import { formatDay } from '../timeline.ts';
import { sideLabel, TOOL_STRINGS } from '../ui/strings.ts';

/** A side's tick grows with its claims that day up to this many (tools.css: 4 px a claim). */
const MAX_STEPS = 6;

/** Per day, the claims of each side as a stack of coloured ticks; the story's first and last days as labels. */
export function TimelineTicks({
  state,
  days,
  perDay,
}: {
  state: AppState;
  days: readonly string[];
  perDay: Map<string, Map<string, number>>;
}) {
  const sides = state.manifest.sides;
  const short = (day: string) => formatDay(day).replace(/ \d{4}$/, '');
  const current = state.date.value;
  const dayOnly = state.mode.value === 'day';
  return (
    <div class="timeline-ticks" aria-hidden="true">
      <div class="timeline-ticks-days">
        {days.map((day) => {
          const counts = perDay.get(day);
          const shown = dayOnly ? day === current : day <= current;
          return (
            <span
              key={day}
              class={`timeline-tick${shown ? '' : ' timeline-tick--later'}`}
              title={tickTitle(state, day, counts)}
            >
              {sides.map((side) => {
                const n = counts?.get(side.id) ?? 0;
                return n > 0 ? (
                  <span
                    key={side.id}
                    // Heights by class, not by a style attribute: the embed's first render is HTML under a
                    // Content-Security-Policy that allows no inline styles.
                    class={`timeline-tick-side timeline-tick-side--${Math.min(MAX_STEPS, n)} side--${side.id}`}
                  />
                ) : null;
              })}
            </span>
          );
        })}
      </div>
      <div class="timeline-ends">
        <span>{short(days[0] ?? '')}</span>
        <span>{short(days[days.length - 1] ?? '')}</span>
      </div>
    </div>
  );
}

function tickTitle(state: AppState, day: string, counts: Map<string, number> | undefined): string {
  return TOOL_STRINGS.timelineDayCount(formatDay(day), dayCountsText(state, counts));
}

/** "3 claims: Side A 2, Side B 1", or "no claims". */
export function dayCountsText(state: AppState, counts: Map<string, number> | undefined): string {
  const parts = [...(counts ?? [])].filter(([, n]) => n > 0);
  const total = parts.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return TOOL_STRINGS.timelineNoClaims;
  return `${total === 1 ? '1 claim' : `${total} claims`}: ${parts
    .map(([side, n]) => `${sideLabel(state.manifest, side)} ${n}`)
    .join(', ')}`;
}
