import type { Bounds } from '../map/camera.ts';
import { STORY_BOUNDS } from '../map/camera.ts';
import type { AppState } from '../state.ts';
import { AREAS, STRINGS } from '../ui/strings.ts';

/** The box around some places, grown so they are not on the very edge. */
export function boundsOfPlaces(state: AppState, ids: readonly string[]): Bounds {
  const points = (state.story.value?.places ?? [])
    .filter((place) => ids.includes(place.properties.id))
    .map((place) => place.geometry.coordinates);
  if (points.length === 0) return STORY_BOUNDS;
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const margin = 0.03;
  return [
    Math.min(...lons) - margin,
    Math.min(...lats) - margin,
    Math.max(...lons) + margin,
    Math.max(...lats) + margin,
  ];
}

export function AreaShortcuts({ state }: { state: AppState }) {
  const frame = (places: readonly string[]) => {
    state.frame.value = places.length ? boundsOfPlaces(state, places) : STORY_BOUNDS;
  };
  return (
    <nav class="panel-section" aria-labelledby="areas-heading">
      <h2 id="areas-heading">{STRINGS.areasHeading}</h2>
      <ul class="area-list">
        {AREAS.map((area) => (
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
