// The locator inset: a small drawing of the wider region (made at build time, geo/locatorPaths.ts) with the map's
// current view marked on it, as a MapLibre control. SVG built from DOM nodes; no second map, no WebGL.
import type { IControl, Map as MapLibreMap } from 'maplibre-gl';
import { type LocatorDrawing, locatorProject } from '../geo/locatorPaths.ts';

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

export class LocatorControl implements IControl {
  private container: HTMLElement | null = null;
  private view: SVGRectElement | null = null;
  private map: MapLibreMap | null = null;
  private readonly update = () => this.drawView();

  constructor(
    private readonly drawing: LocatorDrawing,
    private readonly label: string,
  ) {}

  onAdd(map: MapLibreMap): HTMLElement {
    this.map = map;
    const { width, height, countries } = this.drawing;
    const container = document.createElement('div');
    container.className = 'maplibregl-ctrl map-locator';
    const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': this.label });
    for (const country of countries)
      root.append(svg('path', { d: country.d, class: country.story ? 'locator-story' : 'locator-other' }));
    this.view = svg('rect', { class: 'locator-view' });
    root.append(this.view);
    container.append(root);
    this.container = container;
    map.on('move', this.update);
    this.drawView();
    return container;
  }

  onRemove(): void {
    this.map?.off('move', this.update);
    this.container?.remove();
    this.map = null;
  }

  /** The map's view as a box on the drawing, at least a few units wide so it stays visible when zoomed in. */
  private drawView(): void {
    if (!this.map || !this.view) return;
    const b = this.map.getBounds();
    const project = locatorProject(this.drawing.bounds, this.drawing.width);
    const [x0, y0] = project([b.getWest(), b.getNorth()]);
    const [x1, y1] = project([b.getEast(), b.getSouth()]);
    const min = 4;
    const w = Math.max(min, x1 - x0);
    const h = Math.max(min, y1 - y0);
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    this.view.setAttribute('x', String(cx - w / 2));
    this.view.setAttribute('y', String(cy - h / 2));
    this.view.setAttribute('width', String(w));
    this.view.setAttribute('height', String(h));
  }
}
