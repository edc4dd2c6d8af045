// The reader's own measurement on the map (src/tools/measure.ts), as style data: a source and three layers drawn
// above everything else. In the checks' purple, as the legend says, but dashed, so it is never mistaken for a
// checked figure's drawing. Added by map-view.ts when a measurement is first drawn.
import type { LayerSpecification } from 'maplibre-gl';
import type { Palette } from './palette.ts';

export const RULER_SOURCE = 'ruler';

export function rulerLayers(p: Palette, font: string): LayerSpecification[] {
  return [
    {
      id: 'ruler-line',
      type: 'line',
      source: RULER_SOURCE,
      filter: ['==', ['geometry-type'], 'LineString'],
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': p.measure, 'line-width': 3, 'line-dasharray': [2, 1.5] },
    },
    {
      id: 'ruler-point',
      type: 'circle',
      source: RULER_SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 6,
        'circle-color': p.labelHalo,
        'circle-stroke-color': p.measure,
        'circle-stroke-width': 3,
      },
    },
    ...(['line', 'point'] as const).map(
      (placement): LayerSpecification => ({
        id: `ruler-label-${placement}`,
        type: 'symbol',
        source: RULER_SOURCE,
        filter: [
          'all',
          ['has', 'label'],
          placement === 'line' ? ['==', ['geometry-type'], 'LineString'] : ['==', ['geometry-type'], 'Point'],
        ],
        layout: {
          'text-field': ['get', 'label'],
          'text-font': [font],
          'text-size': placement === 'point' ? 15 : 13,
          'symbol-placement': placement === 'line' ? 'line-center' : 'point',
          'text-allow-overlap': true,
          'text-ignore-placement': true,
          'text-offset': placement === 'point' ? [0, -1.3] : [0, -0.9],
        },
        paint: { 'text-color': p.measure, 'text-halo-color': p.labelHalo, 'text-halo-width': 2 },
      }),
    ),
  ];
}
