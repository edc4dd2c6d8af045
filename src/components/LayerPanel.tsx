import { LAYER_GROUPS, type LayerGroup } from '../map/style.ts';
import { type AppState, setLayerVisible } from '../state.ts';
import { LAYER_LABELS, STRINGS } from '../ui/strings.ts';
import { Legend } from './Legend.tsx';

/** How many features each group holds, as the reader will see them for the chosen day. */
function countsOf(state: AppState): Record<LayerGroup, string> {
  const story = state.story.value;
  const all = state.claimCounts.value;
  const visible = state.visibleClaimCounts.value;
  return {
    'claims-armenia': `${visible.armenia} of ${all.armenia}`,
    'claims-azerbaijan': `${visible.azerbaijan} of ${all.azerbaijan}`,
    'claims-third-party': `${visible['third-party']} of ${all['third-party']}`,
    places: String(story?.places.length ?? 0),
    border: String(story?.border.length ?? 0),
    lake: story?.lake ? '1' : '0',
    checks: String(state.checks.value?.length ?? 0),
  };
}

/**
 * The layer checkboxes. The embed leaves out the counts (they change as data arrives, which would change its
 * height after the host has sized the frame) and may leave out the legend.
 */
export function LayerPanel({
  state,
  legend = true,
  counts = true,
}: {
  state: AppState;
  legend?: boolean;
  counts?: boolean;
}) {
  const shown = state.layers.value;
  const count = countsOf(state);
  return (
    <section class="panel-section" aria-labelledby="layers-heading">
      <h2 id="layers-heading">{STRINGS.layersHeading}</h2>
      <ul class="layer-list">
        {LAYER_GROUPS.map((group) => (
          <li key={group}>
            <label class="check-row">
              <input
                type="checkbox"
                name="layer"
                value={group}
                checked={shown.has(group)}
                onChange={(event) => setLayerVisible(state, group, event.currentTarget.checked)}
              />
              <span class={`layer-key layer-key--${group}`} aria-hidden="true" />
              <span class="layer-name">{LAYER_LABELS[group]}</span>
              {counts ? <span class="layer-count">({count[group]})</span> : null}
            </label>
          </li>
        ))}
      </ul>
      {legend ? <Legend /> : null}
    </section>
  );
}
