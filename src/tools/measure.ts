// The reader's own measurement: two or more points, the geodesic distance and bearing of each leg, and for each
// border line the side each point is on and its distance from the line. Pure, and a second use of the checks
// engine rather than a second engine: each point becomes a place in the checks' context and each figure is the
// engine's own measurement (measureDistance, measureLineDistance), with the same method, numbers and wording as
// a checked figure.
import type { Feature } from 'geojson';
import type { CheckContext } from '../checks/context.ts';
import { formatValue } from '../checks/format.ts';
import { DISTANCE_METHOD, measureDistance } from '../checks/measureDistance.ts';
import { LINE_DISTANCE_METHOD, measureLineDistance } from '../checks/measureLineDistance.ts';
import type { CheckUnit } from '../checks/types.ts';
import type { PlaceFeature } from '../data/types.ts';

/** A point the reader placed: [lon, lat]. */
export type MeasurePoint = [number, number];

/** Each point's name, as on the map: A, B, C… */
export function pointName(index: number): string {
  return String.fromCharCode(65 + index);
}

export interface MeasureLeg {
  from: string;
  to: string;
  distanceM: number;
  initialBearingDeg: number;
  compassPoint: string;
  /** The engine's sentence, e.g. "B is 3.25 km from A in a straight line, bearing 326° (NNW)". */
  summary: string;
}

export interface PointToLine {
  point: string;
  line: string;
  lineLabel: string;
  distanceM: number;
  /** The basemap code of the country on the point's side, or null when on the line or unknown. */
  sideCountry: string | null;
  /** The country's name as the checks word it ("unknown" when the data does not say). */
  sideName: string | null;
  /** The engine's words for it, e.g. "7.54 km on the <country> side". */
  words: string;
  /** The engine's sentence, e.g. "A is 1.20 km on the <country> side of <line>". */
  summary: string;
  interpolated: boolean;
}

export interface Measurement {
  points: MeasurePoint[];
  legs: MeasureLeg[];
  totalM: number;
  /** For each border line of the story (in its order), each point's side and distance. */
  lines: { id: string; label: string; points: PointToLine[] }[];
  /** Every line, point and label to draw (the same roles as a check's drawing). */
  features: Feature[];
  method: { distance: string; line: string };
}

/** The unit the checks would show a length in: metres under a kilometre, else kilometres. */
function unitFor(metres: number): CheckUnit {
  return metres < 1000 ? 'm' : 'km';
}

export function formatLength(metres: number): string {
  const unit = unitFor(metres);
  return formatValue(unit === 'm' ? metres : metres / 1000, unit);
}

function asPlace(point: MeasurePoint, index: number): PlaceFeature {
  const name = pointName(index);
  return {
    type: 'Feature',
    id: `measure-${name}`,
    geometry: { type: 'Point', coordinates: point },
    properties: {
      id: `measure-${name}`,
      name,
      altNames: [],
      names: {},
      kind: 'reported-position',
      uncertaintyM: null,
      sources: [],
    },
  };
}

/**
 * Measures the reader's points in the checks' context `ctx` (the story's border lines, labelled with the country
 * on each side from its basemap). Fewer than two points still get their sides of each line.
 */
export function measurePoints(points: readonly MeasurePoint[], ctx: CheckContext): Measurement {
  const places = points.map(asPlace);
  // The story's context, with the reader's points as places: its border lines stay labelled (computed once).
  const context: CheckContext = {
    ...ctx,
    places: new Map([...ctx.places, ...places.map((p) => [p.properties.id, p] as const)]),
  };
  const features: Feature[] = [];
  const legs: MeasureLeg[] = [];
  for (let i = 0; i + 1 < places.length; i++) {
    const from = places[i] as PlaceFeature;
    const to = places[i + 1] as PlaceFeature;
    const declaration = {
      kind: 'distance-between-places' as const,
      from: from.properties.id,
      to: to.properties.id,
    };
    let outcome = measureDistance(declaration, 'km', context);
    const distanceM = outcome.details.distanceM as number;
    // Under a kilometre the sentence reads better in metres ("400 m", not "0.40 km"): measured again in m.
    if (unitFor(distanceM) === 'm') outcome = measureDistance(declaration, 'm', context);
    legs.push({
      from: from.properties.name,
      to: to.properties.name,
      distanceM,
      initialBearingDeg: outcome.details.initialBearingDeg as number,
      compassPoint: String(outcome.details.compassPoint),
      summary: outcome.summary,
    });
    features.push(...outcome.features.filter((f) => f.properties?.role === 'measured-line'));
  }
  const lines = [...ctx.lines.values()].map((line) => ({
    id: line.id,
    label: line.label,
    points: places.map((place): PointToLine => {
      const declaration = {
        kind: 'distance-to-line' as const,
        from: { place: place.properties.id },
        line: line.id,
      };
      const perLine = (outcome: ReturnType<typeof measureLineDistance>) =>
        ((outcome.details.perLine as Record<string, unknown>[] | undefined) ?? [])[0] ?? {};
      let outcome = measureLineDistance(declaration, 'km', context);
      const distanceM = perLine(outcome).distanceM as number;
      if (unitFor(distanceM) === 'm') outcome = measureLineDistance(declaration, 'm', context);
      const details = perLine(outcome);
      const sideCountry = (details.sideCountry as string | null | undefined) ?? null;
      // The engine labels the measured point with its name, then one line per border line: "<line>: 7.54 km on
      // the <country> side". Its words, after the line's name, make the sentence.
      const label = String(
        outcome.features.find((f) => f.properties?.role === 'measured-point')?.properties?.label,
      );
      const words = (label.split('\n')[1] ?? '').replace(`${line.label}: `, '');
      return {
        point: place.properties.name,
        line: line.id,
        lineLabel: line.label,
        distanceM,
        sideCountry,
        sideName: sideCountry === null ? null : ctx.countryName(sideCountry),
        words,
        summary: `${place.properties.name} is ${words}`,
        interpolated: details.nearestBorderInterpolated === true,
      };
    }),
  }));
  const totalM = legs.reduce((sum, leg) => sum + leg.distanceM, 0);
  places.forEach((place, i) => {
    features.push({
      type: 'Feature',
      properties: { role: 'endpoint', label: pointName(i) },
      geometry: place.geometry,
    });
  });
  return {
    points: [...points],
    legs,
    totalM,
    lines,
    features,
    method: { distance: DISTANCE_METHOD, line: LINE_DISTANCE_METHOD },
  };
}
