import type { Bounds } from '../map/camera.ts';
import { type AppState, boundsOf, frameTo } from '../state.ts';
import { STRINGS, WHOLE_REGION } from '../ui/strings.ts';

/** The box around some places, 0.03° clear of each of them. */
function boundsOfPlaces(state: AppState, ids: readonly string[]): Bounds {
  const coordinates = (state.story.value?.places ?? [])
    .filter((place) => ids.includes(place.properties.id))
    .map((place) => place.geometry.coordinates);
  return (
    boundsOf(coordinates.length ? { type: 'MultiPoint', coordinates } : null, {
      minMarginDeg: 0.03,
      share: 0,
    }) ?? state.manifest.camera.bounds
  );
}

export function AreaShortcuts({ state }: { state: AppState }) {
  const frame = (places: readonly string[]) => {
    frameTo(state, places.length ? boundsOfPlaces(state, places) : state.manifest.camera.bounds);
  };
  return (
    <nav class="panel-section" aria-labelledby="areas-heading">
      <h2 id="areas-heading">{STRINGS.areasHeading}</h2>
      <ul class="area-list">
        {[...state.manifest.areaShortcuts, WHOLE_REGION].map((area) => (
          <li key={area.id}>
            <button type="button" onClick={() => frame(area.places)}>
              {area.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
