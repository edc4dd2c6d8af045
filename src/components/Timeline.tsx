import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import type { AppState } from '../state.ts';
import { formatDay, storyDays } from '../timeline.ts';
import { claimsPerDay, nextPlayDay } from '../tools/timeline-marks.ts';
import { prefersReducedMotion } from '../ui/motion.ts';
import { STRINGS } from '../ui/strings.ts';
import { listedClaims } from './ClaimList.tsx';
import { dayCountsText, TimelineTicks } from './TimelineTicks.tsx';

const PLAY_STEP_MS = 900;

/** A day control over the story's days: slider, step buttons, play, and cumulative / one-day modes. */
export function Timeline({ state }: { state: AppState }) {
  const DAYS = useMemo(() => storyDays(state.manifest), [state.manifest]);
  const playing = useSignal(false);
  const story = state.story.value;
  const perDay = useMemo(
    () =>
      claimsPerDay(
        DAYS,
        state.manifest.sides.map((side) => side.id),
        story?.claims ?? [],
      ),
    [DAYS, story],
  );
  const index = DAYS.indexOf(state.date.value);
  const setIndex = (i: number) => {
    state.date.value = DAYS[Math.max(0, Math.min(DAYS.length - 1, i))];
  };

  useEffect(() => {
    if (!playing.value) return;
    // Playing from the last day starts over from the first.
    if (index === DAYS.length - 1) setIndex(0);
    const timer = setInterval(
      () => {
        // Days on which no shown side said anything are skipped: the map would not change.
        const said = new Set(
          (state.story.peek()?.claims ?? [])
            .filter((claim) => state.layers.peek().has(`claims-${claim.properties.side}`))
            .map((claim) => claim.properties.statementDate),
        );
        const next = nextPlayDay(DAYS, said, state.date.peek());
        if (next === null) playing.value = false;
        else state.date.value = next;
      },
      prefersReducedMotion() ? PLAY_STEP_MS * 2 : PLAY_STEP_MS,
    );
    return () => clearInterval(timer);
  }, [playing.value]);

  // What the reader sees: claims of the chosen day whose side's layer is on (the list and the map agree).
  const total = state.story.value?.claims.length ?? 0;
  const shown = listedClaims(state).length;
  return (
    <section class="panel-section timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{STRINGS.timelineHeading}</h2>
      <div class="timeline-row">
        <button
          type="button"
          aria-label={STRINGS.timelinePrevious}
          onClick={() => setIndex(index - 1)}
          disabled={index <= 0}
        >
          ‹
        </button>
        <div class="timeline-track">
          <input
            type="range"
            min={0}
            max={DAYS.length - 1}
            step={1}
            value={index}
            aria-label={STRINGS.timelineDay}
            aria-valuetext={formatDay(state.date.value)}
            aria-describedby="timeline-day-counts"
            onInput={(event) => setIndex(Number(event.currentTarget.value))}
          />
          <TimelineTicks state={state} days={DAYS} perDay={perDay} />
          <span id="timeline-day-counts" class="visually-hidden">
            {dayCountsText(state, perDay.get(state.date.value))}
          </span>
        </div>
        <button
          type="button"
          aria-label={STRINGS.timelineNext}
          onClick={() => setIndex(index + 1)}
          disabled={index >= DAYS.length - 1}
        >
          ›
        </button>
        <button
          type="button"
          class="play"
          aria-pressed={playing.value}
          onClick={() => (playing.value = !playing.value)}
        >
          {playing.value ? STRINGS.timelinePause : STRINGS.timelinePlay}
        </button>
      </div>
      <p class="timeline-date">
        <strong>{formatDay(state.date.value)}</strong>
      </p>
      <fieldset class="timeline-mode">
        <legend class="visually-hidden">{STRINGS.timelineHeading}</legend>
        <label>
          <input
            type="radio"
            name="date-mode"
            value="cumulative"
            checked={state.mode.value === 'cumulative'}
            onChange={() => (state.mode.value = 'cumulative')}
          />
          {STRINGS.timelineCumulative}
        </label>
        <label>
          <input
            type="radio"
            name="date-mode"
            value="day"
            checked={state.mode.value === 'day'}
            onChange={() => (state.mode.value = 'day')}
          />
          {STRINGS.timelineDayOnly}
        </label>
      </fieldset>
      <p class="muted" aria-live="polite">
        {STRINGS.claimsShown(shown, total)}
      </p>
    </section>
  );
}
