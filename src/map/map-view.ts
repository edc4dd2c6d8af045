// The one owner of the MapLibre instance. Everything else talks to the map through this class.
// This module is loaded lazily (after first paint), so MapLibre's ~300 KB never blocks the page.
import 'maplibre-gl/dist/maplibre-gl.css';
import {
  AttributionControl,
  type ExpressionSpecification,
  type FilterSpecification,
  type GeoJSONSource,
  type MapLayerMouseEvent,
  Map as MapLibreMap,
  NavigationControl,
  Popup,
  ScaleControl,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { borderFile, dataUrl } from '../data/urls.ts';
import { FONT_FACES } from '../story/current.ts';
import { layerGroups, type StoryManifest } from '../story/manifest.ts';
import type { Language } from '../ui/languages.ts';
import type { Bounds, Camera } from './camera.ts';
import { LABEL_FONT, labelFontFaces } from './fonts.ts';
import type { Palette } from './palette.ts';
import { styleImages } from './patterns.ts';
import { RULER_SOURCE, rulerLayers } from './ruler-style.ts';
import {
  type LayerEntry,
  type LayerGroup,
  makeLayers,
  makeStyle,
  PLACE_LABEL_LAYERS,
  placeLabel,
  SELECTED_POINT_LAYER,
  SELECTED_SHAPE_LAYER,
  SOURCE,
} from './style.ts';

// Vite cannot resolve MapLibre's default worker URL, in dev or in the build: point it at the bundled worker.
setWorkerUrl(workerUrl);

export interface MapViewOptions {
  container: HTMLElement;
  /** The story the map shows: its sides, border lines, camera and label languages. */
  story: StoryManifest;
  palette: Palette;
  camera?: Camera | null;
  /** Called with a plain-language message when something the map needs fails (e.g. a data file). */
  onProblem: (message: string) => void;
  /** Called every time the map settles (all sources loaded, no transition running). */
  onIdle?: (view: MapView) => void;
  /** A reader clicked or tapped a claim on the map. */
  onClaimClick?: (claimId: string) => void;
  /** The camera stopped moving. */
  onMoveEnd?: (camera: Camera) => void;
  /**
   * Embedded maps: the page keeps the wheel and one-finger drags (Ctrl/⌘ + wheel zooms, two fingers pan),
   * so a reader scrolling an article is not caught by the map. Off by default (the full app owns its page).
   */
  cooperativeGestures?: boolean;
  /** The +/- buttons (default: shown). Keyboard, wheel and pinch zoom work either way. */
  navigationControl?: boolean;
  /** Pixels at the bottom of the map hidden by other UI (the phone's bottom sheet); framing keeps clear of them. */
  bottomInset?: () => number;
  /** MapLibre's interface texts (e.g. the cooperative-gesture help), merged over its English defaults. */
  locale?: Record<string, string>;
}

type StorySource = typeof SOURCE.areas | typeof SOURCE.places | typeof SOURCE.claims;

export class MapView {
  readonly map: MapLibreMap;
  private readonly story: StoryManifest;
  private readonly entries: LayerEntry[];
  /** Resolves when the style is parsed and its sources and layers can be changed. */
  private readonly loaded: Promise<void>;
  private readonly bottomInset: (() => number) | undefined;
  private readonly palette: Palette;
  /** While the reader measures, a click places a point instead of opening a claim. */
  private measureClick: ((point: [number, number]) => void) | null = null;

  constructor({
    container,
    story,
    palette,
    camera,
    onProblem,
    onIdle,
    onClaimClick,
    onMoveEnd,
    cooperativeGestures = false,
    navigationControl = true,
    locale,
    bottomInset,
  }: MapViewOptions) {
    const base = document.baseURI;
    this.story = story;
    this.bottomInset = bottomInset;
    this.palette = palette;
    this.entries = makeLayers(palette, story);
    this.map = new MapLibreMap({
      container,
      style: makeStyle({
        palette,
        story,
        urls: {
          basemap: dataUrl('basemap', base),
          uncertainty: dataUrl('uncertainty', base),
          borders: Object.fromEntries(
            story.borderLines.map((line) => [line.id, dataUrl(borderFile(line.id), base)]),
          ),
        },
        fontFaces: labelFontFaces(FONT_FACES, base),
      }),
      ...(camera ? { center: camera.center, zoom: camera.zoom } : { bounds: story.camera.bounds }),
      // The first view frames the whole story even on a phone, where the sheet may cover its south: insetting it
      // here pushed a tall story past the map's bounds. Later framings (a claim, a check, an area) keep clear.
      fitBoundsOptions: { padding: 24 },
      maxBounds: story.camera.maxBounds,
      minZoom: story.camera.minZoom,
      maxZoom: story.camera.maxZoom,
      attributionControl: false,
      // A news graphic does not need the discrete GPU; some browsers lose the context when asked for it.
      canvasContextAttributes: { powerPreference: 'default' },
      // Labels appear at once instead of fading in over 300 ms: the fade kept the map from settling
      // ("idle") for that long on every load and move, for no gain in reading.
      fadeDuration: 0,
      cooperativeGestures,
      ...(locale ? { locale } : {}),
    });
    if (navigationControl) this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    this.map.addControl(new AttributionControl({ compact: true }), 'bottom-right');
    this.addImages(palette);
    this.map.on('error', (event) => {
      const sourceId = (event as { sourceId?: string }).sourceId;
      onProblem(
        sourceId
          ? `The map layer "${sourceId}" could not be loaded: ${event.error?.message ?? 'unknown error'}.`
          : `The map reported a problem: ${event.error?.message ?? 'unknown error'}.`,
      );
    });
    if (onIdle) this.map.on('idle', () => onIdle(this));
    if (onMoveEnd) {
      this.map.on('moveend', () => {
        const { lng, lat } = this.map.getCenter();
        onMoveEnd({ center: [lng, lat], zoom: this.map.getZoom() });
      });
    }
    if (onClaimClick) this.listenForClaimClicks(onClaimClick);
    // Sources and layers can be changed once the style is parsed ('style.load'), long before the map's 'load',
    // which waits for the basemap to be tiled. Waiting for 'load' here would queue the story behind the basemap.
    this.loaded = new Promise((resolve) => {
      if (this.map.style?._loaded) resolve();
      else this.map.once('style.load', () => resolve());
    });
  }

  private addImages(palette: Palette): void {
    for (const { name, image, pixelRatio } of styleImages(palette, this.story)) {
      this.map.addImage(name, image, pixelRatio ? { pixelRatio } : undefined);
    }
  }

  private listenForClaimClicks(onClaimClick: (claimId: string) => void): void {
    const clickable = this.entries
      .filter((entry) => entry.group.startsWith('claims-') && entry.spec.id.startsWith('claims-'))
      .map((entry) => entry.spec.id);
    const handle = (event: MapLayerMouseEvent) => {
      if (this.measureClick) return;
      const id = event.features?.[0]?.properties?.id;
      if (typeof id === 'string') onClaimClick(id);
    };
    for (const layer of clickable) {
      this.map.on('click', layer, handle);
      this.map.on('mouseenter', layer, () => {
        if (!this.measureClick) this.map.getCanvas().style.cursor = 'pointer';
      });
      this.map.on('mouseleave', layer, () => {
        if (!this.measureClick) this.map.getCanvas().style.cursor = '';
      });
    }
  }

  private storySet = false;

  /** Replaces the data of one of the story's sources once the style is ready. */
  async setData(source: StorySource | typeof SOURCE.measure, data: GeoJSON.FeatureCollection): Promise<void> {
    await this.loaded;
    (this.map.getSource(source) as GeoJSONSource | undefined)?.setData(data);
    if (source === SOURCE.claims) this.storySet = true;
  }

  /** Whether the story's claims and places have been handed to the map and processed by its worker. */
  storyDrawn(): boolean {
    return (
      this.storySet &&
      this.map.loaded() &&
      this.map.isSourceLoaded(SOURCE.claims) &&
      this.map.isSourceLoaded(SOURCE.places)
    );
  }

  async setGroupVisible(group: LayerGroup, visible: boolean): Promise<void> {
    await this.loaded;
    for (const entry of this.entries) {
      if (entry.group === group) {
        this.map.setLayoutProperty(entry.spec.id, 'visibility', visible ? 'visible' : 'none');
      }
    }
  }

  async setVisibleGroups(visible: ReadonlySet<LayerGroup>): Promise<void> {
    await Promise.all(
      layerGroups(this.story).map((group) => this.setGroupVisible(group, visible.has(group))),
    );
  }

  /** Shows only claims whose statement date passes `dateFilter` (null: all claims). */
  async setDateFilter(dateFilter: ExpressionSpecification | null): Promise<void> {
    await this.loaded;
    for (const entry of this.entries) {
      if (!entry.dated) continue;
      const own = entry.spec.type === 'background' ? undefined : entry.spec.filter;
      const combined = dateFilter ? (own ? ['all', own, dateFilter] : dateFilter) : own;
      this.map.setFilter(entry.spec.id, (combined ?? null) as FilterSpecification | null);
    }
  }

  async setLanguage(language: Language): Promise<void> {
    await this.loaded;
    for (const layer of PLACE_LABEL_LAYERS)
      this.map.setLayoutProperty(layer, 'text-field', placeLabel(language, this.story));
  }

  async setSelectedClaim(claimId: string | null): Promise<void> {
    await this.loaded;
    const isClaim: FilterSpecification = ['==', ['get', 'id'], claimId ?? ''];
    // A circle layer would ring every vertex of a line: rings for points, a wide stroke for lines and areas.
    const points: FilterSpecification = ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]];
    this.map.setFilter(SELECTED_POINT_LAYER, ['all', isClaim, points]);
    this.map.setFilter(SELECTED_SHAPE_LAYER, ['all', isClaim, ['!', points]]);
  }

  /** Moves to a shared camera unless the map is already there (moveend feeds the camera back to the state). */
  jumpTo(camera: Camera): void {
    const { lng, lat } = this.map.getCenter();
    const same =
      Math.abs(lng - camera.center[0]) < 1e-4 &&
      Math.abs(lat - camera.center[1]) < 1e-4 &&
      Math.abs(this.map.getZoom() - camera.zoom) < 0.01;
    if (!same) this.map.jumpTo({ center: camera.center, zoom: camera.zoom });
  }

  fitBounds(bounds: Bounds, reducedMotion: boolean): void {
    const padding = { top: 40, left: 40, right: 40, bottom: 40 + (this.bottomInset?.() ?? 0) };
    this.map.fitBounds(bounds, { padding, maxZoom: 13, duration: reducedMotion ? 0 : 800 });
  }

  /** Names of the style layers that have drawn at least one feature in the current view. */
  renderedLayerIds(): string[] {
    const ids = new Set(this.map.queryRenderedFeatures().map((f) => f.layer.id));
    return [...ids].sort();
  }

  /** ids of the claims drawn in the current view (any side). */
  renderedClaimIds(): string[] {
    const layers = this.entries.filter((e) => e.spec.id.startsWith('claims-')).map((e) => e.spec.id);
    const ids = this.map.queryRenderedFeatures({ layers }).map((f) => String(f.properties.id));
    return [...new Set(ids)].sort();
  }

  /** The claim layers a pointer can land on (the areas, lines and markers of each side). */
  private claimLayerIds(): string[] {
    return this.entries
      .filter((entry) => entry.group.startsWith('claims-') && entry.spec.id.startsWith('claims-'))
      .map((entry) => entry.spec.id);
  }

  /**
   * Calls `onHover` with the claim under a mouse pointer (null when it leaves), with where to show a tooltip.
   * Touch has no hover: the tap opens the claim instead.
   */
  onClaimHover(onHover: (claimId: string | null, at: [number, number]) => void): void {
    for (const layer of this.claimLayerIds()) {
      this.map.on('mousemove', layer, (event) => {
        const id = event.features?.[0]?.properties?.id;
        if (typeof id === 'string' && !this.measureClick) onHover(id, [event.lngLat.lng, event.lngLat.lat]);
      });
      this.map.on('mouseleave', layer, (event) => onHover(null, [event.lngLat.lng, event.lngLat.lat]));
    }
  }

  private tooltip: Popup | null = null;

  /** Shows `content` (DOM nodes, never HTML text) in a small tooltip at `at`, or hides it (null). */
  showTooltip(at: [number, number], content: HTMLElement | null): void {
    if (!content) {
      this.tooltip?.remove();
      return;
    }
    this.tooltip ??= new Popup({
      closeButton: false,
      closeOnClick: false,
      className: 'claim-tooltip',
      offset: 12,
      maxWidth: '260px',
    });
    this.tooltip.setLngLat(at).setDOMContent(content);
    if (!this.tooltip.isOpen()) this.tooltip.addTo(this.map);
  }

  /** Starts (with a handler for each point placed) or stops the reader's measuring: clicks then place points. */
  setMeasuring(onPoint: ((point: [number, number]) => void) | null): void {
    if (onPoint && !this.measureClick) this.map.on('click', this.placePoint);
    if (!onPoint && this.measureClick) this.map.off('click', this.placePoint);
    this.measureClick = onPoint;
    this.map.getCanvas().style.cursor = onPoint ? 'crosshair' : '';
    if (onPoint) this.tooltip?.remove();
  }

  private readonly placePoint = (event: { lngLat: { lng: number; lat: number } }) => {
    this.measureClick?.([event.lngLat.lng, event.lngLat.lat]);
  };

  /** The position under a pixel of the map's container (CSS pixels from its top left corner). */
  positionAt(x: number, y: number): [number, number] {
    const { lng, lat } = this.map.unproject([x, y]);
    return [lng, lat];
  }

  /** The box the map shows now: [west, south, east, north]. */
  viewBounds(): Bounds {
    const b = this.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  }

  /** Draws the reader's measurement (its legs, points and labels); an empty collection clears it. */
  async setRuler(data: GeoJSON.FeatureCollection): Promise<void> {
    await this.loaded;
    const source = this.map.getSource(RULER_SOURCE) as GeoJSONSource | undefined;
    if (source) {
      source.setData(data);
      return;
    }
    if (data.features.length === 0) return;
    this.map.addSource(RULER_SOURCE, { type: 'geojson', data });
    for (const layer of rulerLayers(this.palette, LABEL_FONT)) this.map.addLayer(layer);
  }

  /**
   * A copy of what the map shows, as a 2D canvas (device pixels). A WebGL canvas keeps its picture only until the
   * frame is shown, so the map is redrawn synchronously and copied at once (this works inside 'beforeprint' too).
   */
  snapshot(): HTMLCanvasElement {
    this.map.redraw();
    const source = this.map.getCanvas();
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    copy.getContext('2d')?.drawImage(source, 0, 0);
    return copy;
  }

  /** Ground metres per CSS pixel at the view's centre (Web Mercator with 512-pixel tiles). */
  metresPerPixel(): number {
    const lat = this.map.getCenter().lat;
    return (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** this.map.getZoom());
  }

  /** The map's size on the page, in CSS pixels. */
  cssSize(): { width: number; height: number } {
    const canvas = this.map.getCanvas();
    return { width: canvas.clientWidth, height: canvas.clientHeight };
  }

  remove(): void {
    this.map.remove();
  }
}
