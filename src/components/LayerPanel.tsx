import { type AppState, setLayerVisible } from '../state.ts';
import { borderLayer, claimsLayer, type LayerGroup, layerGroups } from '../story/manifest.ts';
import { layerLabel, STRINGS } from '../ui/strings.ts';
import { Legend } from './Legend.tsx';

/** How many features each group holds, as the reader will see them for the chosen day. */
function countsOf(state: AppState): Map<LayerGroup, string> {
  const story = state.story.value;
  const all = state.claimCounts.value;
  const visible = state.visibleClaimCounts.value;
  const { manifest } = state;
  return new Map([
    ...manifest.sides.map(
      (side) => [claimsLayer(side.id), `${visible.get(side.id) ?? 0} of ${all.get(side.id) ?? 0}`] as const,
    ),
    ['places', String(story?.places.length ?? 0)],
    ...(story?.borderLines ?? []).map(
      (line) => [borderLayer(manifest, line.id), String(line.features.length)] as const,
    ),
    ['areas', String(story?.areas.length ?? 0)],
    ['checks', String(state.checks.value?.length ?? 0)],
  ]);
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
        {layerGroups(state.manifest).map((group) => (
          <li key={group}>
            <label class="check-row">
              <input
                type="checkbox"
                name="layer"
                value={group}
                checked={shown.has(group)}
                onChange={(event) => setLayerVisible(state, group, event.currentTarget.checked)}
              />
              <span class={`layer-key layer-key--${layerKeyClass(group)}`} aria-hidden="true" />
              <span class="layer-name">{layerLabel(state.manifest, group)}</span>
              {counts ? <span class="layer-count">({count.get(group) ?? 0})</span> : null}
            </label>
          </li>
        ))}
      </ul>
      {legend ? <Legend story={state.manifest} /> : null}
    </section>
  );
}

/** The key's look: each side's own (generated from the manifest), the main border line, other lines alike. */
function layerKeyClass(group: LayerGroup): string {
  return group.startsWith('border-') ? 'other-border' : group;
}
