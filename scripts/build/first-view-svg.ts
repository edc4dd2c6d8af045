// Draws the map's first view as SVG, in Node, from the style's own layer table (src/map/style.ts) and the same data
// files: every fill, line, circle and marker layer is drawn with its filter and paint evaluated by MapLibre's style
// spec at the first view's zoom, so the picture follows the palette, the layers and the data by construction. Text
// labels are left out (they need the map's fonts and its placement; the live map adds them when it takes over).
import {
  expression,
  type FilterSpecification,
  featureFilter,
  type LayerSpecification,
  latest,
} from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

export type Bounds = [number, number, number, number];

export interface RasterImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface PreviewInput {
  /** The style's layers, bottom to top (makeLayers(palette).map((entry) => entry.spec)). */
  layers: LayerSpecification[];
  /** Each source's features, as the app hands them to MapLibre. */
  sources: Record<string, FeatureCollection>;
  /** The style's images (hatches, markers), by name. */
  images: Record<string, RasterImage>;
  /** The box the picture covers (the camera can show nothing beyond it). */
  cover: Bounds;
  /** Zoom the paint properties are evaluated at. */
  zoom: number;
}

const TILE = 512;

/** Web Mercator, in world units: 0–1 across the world, y down (MapLibre's projection). */
export function mercator([lon, lat]: Position): [number, number] {
  const sin = Math.sin((lat * Math.PI) / 180);
  return [(lon + 180) / 360, 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)];
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Douglas–Peucker: the vertices that keep the line within `tolerance` px of the original. */
function simplify(points: [number, number][], tolerance: number): [number, number][] {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop() as [number, number];
    const [ax, ay] = points[first];
    const [bx, by] = points[last];
    const dx = bx - ax;
    const dy = by - ay;
    const length = Math.hypot(dx, dy);
    let farthest = -1;
    let distance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = points[i];
      const d =
        length === 0
          ? Math.hypot(px - ax, py - ay)
          : Math.abs(dy * px - dx * py + bx * ay - by * ax) / length;
      if (d > distance) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

function colour(value: unknown): string {
  return typeof value === 'object' && value !== null && 'toString' in value ? String(value) : String(value);
}

type Evaluator = (feature: EvalFeature) => unknown;
interface EvalFeature {
  type: string;
  id?: string | number;
  properties: Record<string, unknown>;
}

export function previewSvg({ layers, sources, images, cover, zoom }: PreviewInput): {
  svg: string;
  /** The picture's box in world units: [x, y] of its top-left corner, its width and height. */
  world: { x: number; y: number; width: number; height: number };
} {
  const scale = TILE * 2 ** zoom;
  const [x0, y0] = mercator([cover[0], cover[3]]);
  const [x1, y1] = mercator([cover[2], cover[1]]);
  const width = (x1 - x0) * scale;
  const height = (y1 - y0) * scale;
  const project = (position: Position): [number, number] => {
    const [x, y] = mercator(position);
    return [round((x - x0) * scale), round((y - y0) * scale)];
  };
  /**
   * A ring or line as relative path commands on whole pixels, simplified to 0.7 px: the picture needs no more detail
   * than the screen shows, and it is replaced by the live map within seconds.
   */
  const path = (ring: Position[], close: boolean): string => {
    const projected = ring.map((position) => {
      const [x, y] = mercator(position);
      return [(x - x0) * scale, (y - y0) * scale] as [number, number];
    });
    const kept = simplify(projected, 0.7).map(([x, y]) => [Math.round(x), Math.round(y)]);
    const steps: string[] = [];
    for (let i = 1; i < kept.length; i++) {
      const dx = kept[i][0] - kept[i - 1][0];
      const dy = kept[i][1] - kept[i - 1][1];
      if (dx !== 0 || dy !== 0) steps.push(`${dx} ${dy}`);
    }
    if (steps.length < (close ? 2 : 1)) return '';
    return `M${kept[0][0]} ${kept[0][1]}l${steps.join(' ')}${close ? 'z' : ''}`;
  };
  const lines = (geometry: Geometry, close: boolean): string => {
    switch (geometry.type) {
      case 'LineString':
        return path(geometry.coordinates, false);
      case 'MultiLineString':
        return geometry.coordinates.map((line) => path(line, false)).join('');
      case 'Polygon':
        return geometry.coordinates.map((ring) => path(ring, close)).join('');
      case 'MultiPolygon':
        return geometry.coordinates.flatMap((polygon) => polygon.map((ring) => path(ring, close))).join('');
      default:
        return '';
    }
  };
  const points = (geometry: Geometry): Position[] =>
    geometry.type === 'Point'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPoint'
        ? geometry.coordinates
        : [];

  const defs: string[] = [];
  const body: string[] = [];
  const usedImages = new Set<string>();
  const imageDef = (name: string, kind: 'pattern' | 'symbol'): string => {
    const id = `${kind}-${name}`;
    if (usedImages.has(id)) return id;
    usedImages.add(id);
    const image = images[name];
    if (!image) return id;
    // One rect per run of same-coloured pixels in a row.
    const pixels: string[] = [];
    const pixel = (x: number, y: number) => {
      const i = (y * image.width + x) * 4;
      return image.data[i + 3] === 0 ? '' : image.data.slice(i, i + 4).join(',');
    };
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; ) {
        const value = pixel(x, y);
        let run = 1;
        while (x + run < image.width && pixel(x + run, y) === value) run++;
        if (value) {
          const [r, g, b, a] = value.split(',').map(Number);
          pixels.push(
            `<rect x="${x}" y="${y}" width="${run}" height="1" fill="rgb(${r},${g},${b})"${a < 255 ? ` fill-opacity="${(a / 255).toFixed(2)}"` : ''}/>`,
          );
        }
        x += run;
      }
    }
    defs.push(
      kind === 'pattern'
        ? `<pattern id="${id}" width="${image.width}" height="${image.height}" patternUnits="userSpaceOnUse">${pixels.join('')}</pattern>`
        : `<symbol id="${id}" viewBox="0 0 ${image.width} ${image.height}">${pixels.join('')}</symbol>`,
    );
    return id;
  };

  for (const layer of layers) {
    if (layer.layout && 'visibility' in layer.layout && layer.layout.visibility === 'none') continue;
    if ((layer.minzoom ?? 0) > zoom || (layer.maxzoom ?? 24) <= zoom) continue;
    const paintSpec = (latest as unknown as Record<string, Record<string, never>>)[`paint_${layer.type}`];
    const paint = (name: string, fallback?: unknown): Evaluator => {
      const value = (layer.paint as Record<string, unknown> | undefined)?.[name];
      const spec = paintSpec?.[name];
      if (value === undefined || !spec) return () => fallback ?? (spec as { default?: unknown })?.default;
      const compiled = expression.normalizePropertyExpression(value as never, `${layer.id}.${name}`, spec);
      return (feature) => compiled.evaluate({ zoom }, feature as never);
    };
    if (layer.type === 'background') {
      const fill = colour(paint('background-color')({ type: 'Point', properties: {} }));
      body.push(`<rect width="${round(width)}" height="${round(height)}" fill="${fill}"/>`);
      continue;
    }
    if (!('source' in layer) || typeof layer.source !== 'string') continue;
    const source = sources[layer.source];
    if (!source) continue;
    const filter = featureFilter(layer.filter as FilterSpecification | undefined, `${layer.id}.filter`);
    const features = source.features
      .filter((feature): feature is Feature<Geometry> => Boolean(feature.geometry))
      .map((feature) => ({
        feature,
        evaluated: {
          type: feature.geometry.type,
          id: feature.id,
          properties: (feature.properties ?? {}) as Record<string, unknown>,
        },
      }))
      .filter(({ evaluated }) => filter.filter({ zoom }, evaluated as never));
    const group: string[] = [];
    if (layer.type === 'fill') {
      const fill = paint('fill-color');
      const opacity = paint('fill-opacity');
      const pattern = paint('fill-pattern', null);
      for (const { feature, evaluated } of features) {
        const d = lines(feature.geometry, true);
        if (!d) continue;
        const image = pattern(evaluated);
        const paintWith = image ? `url(#${imageDef(String(image), 'pattern')})` : colour(fill(evaluated));
        group.push(
          `<path d="${d}" fill="${paintWith}" fill-opacity="${Number(opacity(evaluated)).toFixed(2)}" fill-rule="evenodd"/>`,
        );
      }
    } else if (layer.type === 'line') {
      const stroke = paint('line-color');
      const lineWidth = paint('line-width');
      const opacity = paint('line-opacity');
      const dash = paint('line-dasharray', null);
      const layout = (layer.layout ?? {}) as Record<string, string>;
      for (const { feature, evaluated } of features) {
        const d = lines(feature.geometry, true);
        if (!d) continue;
        const w = Number(lineWidth(evaluated));
        const dashes = dash(evaluated) as number[] | null;
        const dashText =
          Array.isArray(dashes) && dashes.some((value) => value > 0) && dashes.length % 2 === 0
            ? ` stroke-dasharray="${dashes.map((value) => round(value * w)).join(' ')}"`
            : '';
        group.push(
          `<path d="${d}" fill="none" stroke="${colour(stroke(evaluated))}" stroke-width="${round(w)}" stroke-opacity="${Number(opacity(evaluated)).toFixed(2)}" stroke-linejoin="${layout['line-join'] ?? 'miter'}" stroke-linecap="${layout['line-cap'] ?? 'butt'}"${dashText}/>`,
        );
      }
    } else if (layer.type === 'circle') {
      const radius = paint('circle-radius');
      const fill = paint('circle-color');
      const opacity = paint('circle-opacity');
      const strokeColour = paint('circle-stroke-color');
      const strokeWidth = paint('circle-stroke-width');
      const strokeOpacity = paint('circle-stroke-opacity');
      for (const { feature, evaluated } of features) {
        for (const position of points(feature.geometry)) {
          const [x, y] = project(position);
          group.push(
            `<circle cx="${x}" cy="${y}" r="${round(Number(radius(evaluated)))}" fill="${colour(fill(evaluated))}" fill-opacity="${Number(opacity(evaluated)).toFixed(2)}" stroke="${colour(strokeColour(evaluated))}" stroke-width="${round(Number(strokeWidth(evaluated)))}" stroke-opacity="${Number(strokeOpacity(evaluated)).toFixed(2)}"/>`,
          );
        }
      }
    } else if (layer.type === 'symbol') {
      const icon = (layer.layout as Record<string, unknown> | undefined)?.['icon-image'];
      if (typeof icon !== 'string' || !images[icon]) continue; // text labels: left to the live map
      const image = images[icon];
      const id = imageDef(icon, 'symbol');
      for (const { feature } of features) {
        for (const position of points(feature.geometry)) {
          const [x, y] = project(position);
          group.push(
            `<use href="#${id}" x="${round(x - image.width / 2)}" y="${round(y - image.height / 2)}" width="${image.width}" height="${image.height}"/>`,
          );
        }
      }
    }
    if (group.length) body.push(`<g id="${layer.id}">${group.join('')}</g>`);
  }
  // A shape drawn by more than one layer (a country's fill and its edge) is written once and used by reference.
  const uses = new Map<string, number>();
  const paths = /<path d="([^"]+)"/g;
  for (const element of body)
    for (const match of element.matchAll(paths)) uses.set(match[1], (uses.get(match[1]) ?? 0) + 1);
  const shared = new Map<string, string>();
  const text = body.join('').replace(/<path d="([^"]+)"/g, (whole, d: string) => {
    if ((uses.get(d) ?? 0) < 2) return whole;
    let id = shared.get(d);
    if (!id) {
      id = `s${shared.size}`;
      shared.set(d, id);
      defs.push(`<path id="${id}" d="${d}"/>`);
    }
    return `<use href="#${id}"`;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${round(width)} ${round(height)}" width="${round(width)}" height="${round(height)}"><defs>${defs.join('')}</defs>${text}</svg>\n`;
  return { svg, world: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } };
}
