// Turns the story's data files into the flat features MapLibre draws. MapLibre keeps only primitive
// properties, so nested fields (names by language) are flattened here. Nothing is added that is not in the data.
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { AreaFeature, ClaimFeature, PlaceFeature } from '../data/types.ts';

/**
 * A place as the map draws it. `name` is the name in the story's first label language; `name_<code>` the name
 * in each other label language, where the data has one.
 */
export interface PlaceDisplay {
  id: string;
  kind: string;
  approximate: boolean;
  uncertaintyM: number;
  name: string;
  [nameInLanguage: `name_${string}`]: string;
  /** Other names shown under the label of contested places, so no side's name is hidden. */
  also?: string;
}

/** The property holding a place's name in a label language (the first language's is `name`). */
export const nameProperty = (language: string, primary: string): string =>
  language === primary ? 'name' : `name_${language}`;

export function placesForMap(places: PlaceFeature[]): FeatureCollection<Point, PlaceDisplay> {
  return {
    type: 'FeatureCollection',
    features: places.map((place) => {
      const { id, kind, name, altNames, names, uncertaintyM } = place.properties;
      // The best-known other names (the first alt names, then each language's), once each, for the label.
      const others = [...new Set([...altNames.slice(0, 3), ...Object.values(names)])].filter(
        (n): n is string => Boolean(n) && n !== name,
      );
      // A region's "uncertainty" is its size (it is a label anchor), not doubt about where it is.
      const positional = kind !== 'region' && kind !== 'district' ? (uncertaintyM ?? 0) : 0;
      return {
        type: 'Feature',
        geometry: place.geometry,
        properties: {
          id,
          kind,
          approximate: positional > 0,
          uncertaintyM: positional,
          name,
          ...Object.fromEntries(Object.entries(names).map(([code, value]) => [`name_${code}`, value])),
          ...(kind === 'lake' && others.length ? { also: others.join(' · ') } : {}),
        },
      };
    }),
  };
}

export interface ClaimDisplay {
  id: string;
  side: string;
  kind: string;
  statementDate: string;
  approximate: boolean;
  uncertaintyM: number;
  /** Marker of a claimed line or area, at a point on it (the shape itself is its own feature). */
  anchor?: boolean;
  /** Where the marker sits beside the others of its group, in pixels [x, y] (markers at one spot fan out). */
  offset?: [number, number];
}

/** Markers within this distance of each other form one group, drawn side by side around the group's centre. */
const GROUP_RADIUS_M = 2500;
/** Pixels between neighbouring markers of a group (a marker is 22 px wide). */
export const MARKER_SPACING_PX = 23;

const METRES_PER_DEGREE = 111_320;

/** Planar distance in metres between two nearby points (longitude scaled by the cosine of the latitude). */
function nearM(a: Position, b: Position): number {
  const k = Math.cos((((a[1] as number) + (b[1] as number)) / 2) * (Math.PI / 180));
  return (
    Math.hypot(((a[0] as number) - (b[0] as number)) * k, (a[1] as number) - (b[1] as number)) *
    METRES_PER_DEGREE
  );
}

/**
 * Groups points that lie within `radiusM` of a group's centre: each point, in order, joins the first group (in the
 * order groups were made) whose centre is that close, and the centre moves to the mean of its members; else it
 * starts a group. Groups are found through a grid of cells at least `radiusM` wide, so the work grows with the
 * number of points, not with points × groups (0.7 s for 100,000 claims before).
 */
export function groupNear<T extends { at: Position }>(
  points: readonly T[],
  radiusM: number,
): { centre: Position; members: T[] }[] {
  const maxLat = Math.max(0, ...points.map((p) => Math.abs(p.at[1] as number)));
  // nearM's east-west scale is the cosine of the mean latitude, never below that of the farthest point from the
  // equator: a cell that wide in longitude holds every centre within radiusM of a point in a neighbouring cell.
  const cellLat = radiusM / METRES_PER_DEGREE;
  const cellLon = Math.min(
    360,
    radiusM / (METRES_PER_DEGREE * Math.max(Math.cos((maxLat * Math.PI) / 180), 1e-6)),
  );
  const cellOf = (at: Position) =>
    [Math.floor((at[0] as number) / cellLon), Math.floor((at[1] as number) / cellLat)] as const;
  const grid = new Map<string, number[]>();
  const groups: { centre: Position; members: T[]; sum: [number, number]; cell: string }[] = [];
  const place = (index: number, cell: string) => {
    const list = grid.get(cell);
    if (list) list.push(index);
    else grid.set(cell, [index]);
  };
  for (const point of points) {
    const [cx, cy] = cellOf(point.at);
    let found = -1;
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const index of grid.get(`${cx + dx},${cy + dy}`) ?? [])
          if ((found < 0 || index < found) && nearM(groups[index].centre, point.at) <= radiusM) found = index;
    if (found < 0) {
      const cell = `${cx},${cy}`;
      groups.push({
        centre: point.at,
        members: [point],
        sum: [point.at[0] as number, point.at[1] as number],
        cell,
      });
      place(groups.length - 1, cell);
      continue;
    }
    const group = groups[found];
    group.members.push(point);
    group.sum[0] += point.at[0] as number;
    group.sum[1] += point.at[1] as number;
    const n = group.members.length;
    group.centre = [group.sum[0] / n, group.sum[1] / n];
    const [gx, gy] = cellOf(group.centre);
    const cell = `${gx},${gy}`;
    if (cell !== group.cell) {
      const list = grid.get(group.cell) ?? [];
      list.splice(list.indexOf(found), 1);
      group.cell = cell;
      place(found, cell);
    }
  }
  return groups.map(({ centre, members }) => ({ centre, members }));
}

/** The point halfway along a line (by planar length), where its marker goes. */
export function midpointAlong(line: Position[]): Position {
  const lengths = line.slice(1).map((p, i) => nearM(line[i] as Position, p));
  let remaining = lengths.reduce((sum, l) => sum + l, 0) / 2;
  for (const [i, length] of lengths.entries()) {
    if (remaining <= length && length > 0) {
      const a = line[i] as Position;
      const b = line[i + 1] as Position;
      const t = remaining / length;
      return [
        (a[0] as number) + t * ((b[0] as number) - (a[0] as number)),
        (a[1] as number) + t * ((b[1] as number) - (a[1] as number)),
      ];
    }
    remaining -= length;
  }
  return line[0] as Position;
}

/** Where a claim's markers go: each claimed position, or one point on a claimed line or area. */
function markerPoints(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
      return geometry.coordinates;
    case 'LineString':
      return [midpointAlong(geometry.coordinates)];
    case 'MultiLineString':
      return geometry.coordinates.slice(0, 1).map(midpointAlong);
    case 'Polygon':
      return [midpointAlong(geometry.coordinates[0] ?? [])];
    case 'MultiPolygon':
      return [midpointAlong(geometry.coordinates[0]?.[0] ?? [])];
    default:
      return [];
  }
}

/**
 * Claims with a place of their own (statements with no geometry are listed, not drawn): each shape as it is, and
 * a marker for every claimed position and on every claimed line or area. Markers that fall within a few
 * kilometres of each other are grouped: each is moved to the group's centre and given its own slot beside the
 * others (`offset`), in the order `sides` lists the sides, so no claim hides another at any zoom.
 */
export function claimsForMap(
  claims: ClaimFeature[],
  sides: readonly string[] = [],
): FeatureCollection<Geometry, ClaimDisplay> {
  const shapes: Feature<Geometry, ClaimDisplay>[] = [];
  const markers: { at: Position; props: ClaimDisplay }[] = [];
  for (const claim of claims) {
    if (!claim.geometry) continue;
    const { id, side, kind, statementDate, uncertaintyM } = claim.properties;
    const props: ClaimDisplay = {
      id,
      side,
      kind,
      statementDate,
      approximate: (uncertaintyM ?? 0) > 0,
      uncertaintyM: uncertaintyM ?? 0,
    };
    const point = claim.geometry.type === 'Point' || claim.geometry.type === 'MultiPoint';
    if (!point) shapes.push({ type: 'Feature', geometry: claim.geometry, properties: props });
    for (const at of markerPoints(claim.geometry))
      markers.push({ at, props: point ? props : { ...props, anchor: true } });
  }
  const groups = groupNear(markers, GROUP_RADIUS_M);
  const order = (side: string) => (sides.includes(side) ? sides.indexOf(side) : sides.length);
  const points = groups.flatMap(({ centre, members }) =>
    [...members]
      .sort(
        (a, b) =>
          order(a.props.side) - order(b.props.side) ||
          a.props.statementDate.localeCompare(b.props.statementDate) ||
          a.props.id.localeCompare(b.props.id),
      )
      .map(
        (m, i): Feature<Point, ClaimDisplay> => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: members.length > 1 ? centre : m.at },
          properties: {
            ...m.props,
            ...(members.length > 1
              ? {
                  offset: [Math.round((i - (members.length - 1) / 2) * MARKER_SPACING_PX), 0] as [
                    number,
                    number,
                  ],
                }
              : {}),
          },
        }),
      ),
  );
  return { type: 'FeatureCollection', features: [...shapes, ...points] };
}

/** Reference areas with what the style needs: their kind (water or zone) and whether they are schematic. */
export function areasForMap(
  areas: AreaFeature[],
): FeatureCollection<Polygon | MultiPolygon, { id: string; kind: string; schematic: boolean }> {
  return {
    type: 'FeatureCollection',
    features: areas.map((area) => ({
      type: 'Feature',
      geometry: area.geometry,
      properties: {
        id: area.properties.id,
        kind: area.properties.kind,
        schematic: area.properties.schematic,
      },
    })),
  };
}

/** Measurement features whose label is a figure: the measured length, depth, area or share. */
const FIGURE_ROLES = new Set([
  'measured-line',
  'depth-segment',
  'distance-to-border',
  'measured-polygon',
  'polygon-piece',
]);

/**
 * The text a measurement shows on the map: a figure and a word ("3.25 km NW", "6 m inside Ruritania",
 * "Ruritania: 82 %"), never a sentence or an id. Points and lines the map names already (places, claims, the
 * border) carry no label of their own. The check's card says the rest.
 */
export function shortMeasureLabel(role: unknown, label: unknown): string | null {
  if (typeof role !== 'string' || typeof label !== 'string' || !FIGURE_ROLES.has(role)) return null;
  const bearing = label.match(/^(.*?), \d+° \(([A-Z]{1,3})\)$/);
  if (bearing) return `${bearing[1]} ${bearing[2]}`;
  return (label.split(',')[0] ?? label).trim();
}

/** A check's measurement as the map draws it: its shapes, with short labels only (shortMeasureLabel). */
export function measureForMap(collection: FeatureCollection): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: collection.features.map((feature) => {
      const { label, ...rest } = feature.properties ?? {};
      const short = shortMeasureLabel(rest.role, label);
      return { ...feature, properties: short ? { ...rest, label: short } : rest };
    }),
  };
}
