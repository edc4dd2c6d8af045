import type { AppState } from '../state.ts';
import { addMeasurePoint } from '../tools/bind-map-tools.ts';
import { formatLength } from '../tools/measure.ts';
import { toolsOf } from '../tools/tools-state.ts';
import { TOOL_STRINGS } from '../ui/strings.ts';

/**
 * The reader's measurement: how to place points (pointer or keyboard), each leg's distance and bearing, and each
 * point's side of every border line, in the checks' own sentences.
 */
export function MeasurePanel({ state }: { state: AppState }) {
  const tools = toolsOf(state);
  const points = state.measure.value;
  const measurement = tools.measurement.value;
  const status = tools.contextStatus.value;
  const close = () => {
    tools.measuring.value = false;
    state.measure.value = [];
    document.getElementById('tool-measure')?.focus();
  };
  return (
    <section class="measure-panel" aria-labelledby="measure-heading">
      <h2 id="measure-heading">{TOOL_STRINGS.measureHeading}</h2>
      {/* The figure first: on a phone the panel is short, and the total is what a reader came for. */}
      <p class="measure-total" aria-live="polite">
        {points.length === 1 ? (
          TOOL_STRINGS.measureNeedTwo
        ) : measurement && points.length > 1 ? (
          <>
            <strong>
              {TOOL_STRINGS.measureTotal}: {formatLength(measurement.totalM)}
            </strong>{' '}
            <span class="muted">({TOOL_STRINGS.measurePoints(points.length)})</span>
          </>
        ) : null}
      </p>
      <div class="measure-actions">
        {tools.measuring.value ? (
          <button
            type="button"
            onClick={() => {
              const view = tools.view.value;
              const cross = document.querySelector('.map-crosshair')?.getBoundingClientRect();
              const map = document.querySelector('.map-panel > .map')?.getBoundingClientRect();
              if (!view || !cross || !map) return;
              // The cross sits in the middle of the part of the map the reader can see (on a phone, above the
              // sheet): the point goes where it is drawn.
              const x = cross.left + cross.width / 2 - map.left;
              const y = cross.top + cross.height / 2 - map.top;
              addMeasurePoint(state, view.positionAt(x, y));
            }}
          >
            {TOOL_STRINGS.measureAddCentre}
          </button>
        ) : null}
        <button
          type="button"
          disabled={points.length === 0}
          onClick={() => (state.measure.value = points.slice(0, -1))}
        >
          {TOOL_STRINGS.measureUndo}
        </button>
        <button type="button" onClick={close}>
          {TOOL_STRINGS.measureClose}
        </button>
      </div>
      {tools.measuring.value && points.length < 2 ? <p class="muted">{TOOL_STRINGS.measureHelp}</p> : null}
      <div class="measure-results">
        {measurement && points.length > 1 ? (
          <>
            <h3>{TOOL_STRINGS.measureLegs}</h3>
            <ul class="plain-list measure-list">
              {measurement.legs.map((leg) => (
                <li key={`${leg.from}-${leg.to}`}>{leg.summary}.</li>
              ))}
            </ul>
          </>
        ) : null}
        {measurement && status === 'ready' && measurement.lines.length > 0 ? (
          <table class="measure-sides">
            <caption>{TOOL_STRINGS.measureSidesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{TOOL_STRINGS.measureLineColumn}</th>
                {measurement.lines[0]?.points.map((p) => (
                  <th scope="col" key={p.point}>
                    {p.point}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {measurement.lines.map((line) => (
                <tr key={line.id}>
                  <th scope="row">{line.label}</th>
                  {line.points.map((p) => (
                    <td key={p.point}>{p.words}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {status === 'loading' ? <p class="muted">{TOOL_STRINGS.measureLoading}</p> : null}
        {status === 'failed' ? <p class="muted">{TOOL_STRINGS.measureFailed}</p> : null}
      </div>
      {measurement ? (
        <details>
          <summary>{TOOL_STRINGS.measureMethod}</summary>
          <p class="muted">{measurement.method.distance}.</p>
          <p class="muted">{measurement.method.line}.</p>
          <p class="muted">{TOOL_STRINGS.measureShare}</p>
        </details>
      ) : null}
    </section>
  );
}
