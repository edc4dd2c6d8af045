// The one owner of the MapLibre instance. Everything else talks to the map through this class.
// This module is loaded lazily (after first paint), so MapLibre's ~300 KB never blocks the page.
import 'maplibre-gl/dist/maplibre-gl.css';
import { COUNTRY_NAME_ANCHORS, LOCATOR } from 'virtual:story-map';
import {
  AttributionControl,
  type ExpressionSpecification,
  type FilterSpecification,
  type GeoJSONSource,
  Map as MapLibreMap,
  type MapMouseEvent,
  Marker,
  NavigationControl,
  Popup,
  ScaleControl,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { borderFile, type DataFile, dataUrl, fileName } from '../data/urls.ts';
import { FONT_FACES } from '../story/current.ts';
import { borderLayer, layerGroups, type StoryManifest } from '../story/manifest.ts';
import type { Language } from '../ui/languages.ts';
import type { Bounds, Camera } from './camera.ts';
import { unpackNameAnchors } from './country-names.ts';
import type { ClaimDisplay } from './display-data.ts';
import { LABEL_FONT, labelFontFaces } from './fonts.ts';
import { CONTROLS_CLEARANCE_PX, FIT_PADDING_PX } from './framing.ts';
import { LocatorControl } from './locator.ts';
import type { Palette } from './palette.ts';
import { ring, styleImages } from './patterns.ts';
import { RULER_SOURCE, rulerLayers } from './ruler-style.ts';
import {
  IMAGE,
  type LayerEntry,
  type LayerGroup,
  labelTexts,
  makeLayers,
  makeStyle,
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
  /** Pixels at the top of the map covered by other UI (the tools row on a phone); framing keeps clear of them. */
  topInset?: () => number;
  /** MapLibre's interface texts (e.g. the cooperative-gesture help), merged over its English defaults. */
  locale?: Record<string, string>;
  /** A claim in words (who, when), for the chooser and the map's keyboard targets; null when unknown. */
  describeClaim?: (claimId: string) => string | null;
  /** The chooser's heading for `count` claims at one spot. */
  chooserHeading?: (count: number) => string;
  /** The locator inset's accessible name (the inset is drawn when the story has one). */
  locatorLabel?: string;
  /** The browser took the map's WebGL context away (GPU reset, too many contexts): it draws nothing until restored. */
  onContextLost?: () => void;
  /** The context is back, and the map has been brought up to date with everything asked of it meanwhile. */
  onContextRestored?: () => void;
}

/** A filter that keeps no feature. */
const NONE: ExpressionSpecification = ['literal', false];

/** At most this many claims on the map get a keyboard target at once (those in view; see setClaimTargets). */
const MAX_CLAIM_TARGETS = 60;

type StorySource = typeof SOURCE.areas | typeof SOURCE.places | typeof SOURCE.claims;

/** The sources MapLibre fetches from a file itself (the story's own sources are handed their data). */
function fetchedSources(story: StoryManifest): [source: string, file: DataFile][] {
  return [
    [SOURCE.basemap, 'basemap'],
    [SOURCE.uncertainty, 'uncertainty'],
    ...story.borderLines.map((line): [string, DataFile] => [SOURCE.border(line.id), borderFile(line.id)]),
  ];
}

export class MapView {
  readonly map: MapLibreMap;
  private readonly story: StoryManifest;
  private readonly entries: LayerEntry[];
  /** Resolves when the style is parsed and its sources and layers can be changed. */
  private readonly loaded: Promise<void>;
  private readonly bottomInset: (() => number) | undefined;
  private readonly topInset: (() => number) | undefined;
  private readonly palette: Palette;
  /** While the reader measures, a click places a point instead of opening a claim. */
  private measureClick: ((point: [number, number]) => void) | null = null;
  /**
   * Whether the style can be changed now: false while the WebGL context is lost (MapLibre 6 then destroys its style,
   * and every call that touches it would throw) and until the style it rebuilds after the restore has loaded.
   */
  private styleReady = true;
  /**
   * The latest of each change asked of the map, by what it changes. MapLibre rebuilds its style after a lost context
   * from a snapshot taken at the loss, so whatever was asked while it was lost would be missing: all of it is applied
   * again once the rebuilt style has loaded, and the map agrees with the panel again.
   */
  private readonly changes = new Map<string, () => void>();
  private dateFilter: ExpressionSpecification | null = null;
  /**
   * The uncertainty areas' filter: only those of claims in the story (none until it has loaded). Built when the
   * claims change, not on every timeline step. `match` looks an id up in a table; `in` on a literal array would scan
   * every id for every area (at 100,000 claims, seconds of the map's worker on each change). A match needs its
   * labels unique and at least one.
   */
  private inStory: ExpressionSpecification = NONE;
  /** False past MAX_UNCERTAINTY_AREAS (map/uncertainty-limit.ts). */
  private uncertaintyDrawn = true;

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
    topInset,
    describeClaim,
    chooserHeading,
    locatorLabel = 'Locator map',
    onContextLost,
    onContextRestored,
  }: MapViewOptions) {
    const base = document.baseURI;
    this.story = story;
    this.bottomInset = bottomInset;
    this.topInset = topInset;
    this.palette = palette;
    this.describeClaim = describeClaim ?? (() => null);
    this.chooserHeading = chooserHeading ?? ((count) => `${count} claims here`);
    // The first view frames the story's places; on a phone, above the bottom sheet that covers the map's south.
    const inset = bottomInset?.() ?? 0;
    const firstBounds = story.camera.focusBounds ?? story.camera.bounds;
    this.entries = makeLayers(palette, story);
    // A line the story keeps hidden at first is handed to the map when a reader first shows it (setGroupVisible),
    // not while the map loads: three such lines were three more files fetched and tiled before idle.
    const borders: Record<string, string> = {};
    for (const line of story.borderLines) {
      const url = dataUrl(borderFile(line.id), base);
      if (line.shown) borders[line.id] = url;
      else this.unfetchedBorders.set(borderLayer(story, line.id), { source: SOURCE.border(line.id), url });
    }
    this.map = new MapLibreMap({
      container,
      style: makeStyle({
        palette,
        story,
        urls: {
          basemap: dataUrl('basemap', base),
          uncertainty: dataUrl('uncertainty', base),
          borders,
        },
        fontFaces: labelFontFaces(FONT_FACES, base),
        countryNames: unpackNameAnchors(
          COUNTRY_NAME_ANCHORS,
          story.countries.map((c) => c.code),
        ),
      }),
      ...(camera ? { center: camera.center, zoom: camera.zoom } : { bounds: firstBounds }),
      // Clear of the +/- buttons, and of the bottom sheet on a phone (the story's places fit above it).
      fitBoundsOptions: {
        padding: {
          top: FIT_PADDING_PX + (topInset?.() ?? 0),
          left: FIT_PADDING_PX,
          right: CONTROLS_CLEARANCE_PX,
          bottom: FIT_PADDING_PX + inset,
        },
      },
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
    // Top right: the locator first, the +/- buttons under it (the corner the first view keeps clear).
    if (LOCATOR) this.map.addControl(new LocatorControl(LOCATOR, locatorLabel), 'top-right');
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
    // The keyboard targets follow the view (only claims in view have one).
    this.map.on('moveend', () => this.placeClaimTargets());
    if (onMoveEnd) {
      this.map.on('moveend', () => {
        const { lng, lat } = this.map.getCenter();
        onMoveEnd({ center: [lng, lat], zoom: this.map.getZoom() });
      });
    }
    if (onClaimClick) {
      this.onClaimClick = onClaimClick;
      this.listenForClaimClicks();
    }
    // Sources and layers can be changed once the style is parsed ('style.load'), long before the map's 'load',
    // which waits for the basemap to be tiled. Waiting for 'load' here would queue the story behind the basemap.
    this.loaded = new Promise((resolve) => {
      if (this.map.style?._loaded) resolve();
      else this.map.once('style.load', () => resolve());
    });
    // MapLibre 6 on a lost context: destroys its style (every call that touches it would throw) and keeps a snapshot
    // (sources with their data, layers with their filters and layout, images). On restore it rebuilds the style from
    // that snapshot, a frame later. Changes asked for in between are not in it: they are applied again here.
    this.map.on('webglcontextlost', () => {
      this.styleReady = false;
      onContextLost?.();
    });
    this.map.on('webglcontextrestored', () => {
      const reapply = () => {
        this.styleReady = true;
        for (const change of this.changes.values()) this.safely(change);
        this.map.triggerRepaint();
        onContextRestored?.();
      };
      if (this.map.style?._loaded) reapply();
      else this.map.once('style.load', reapply);
    });
  }

  /** Runs a change to the map's style now if it can be changed, and again on a style rebuilt after a lost context. */
  private async change(key: string, apply: () => void): Promise<void> {
    this.changes.set(key, apply);
    await this.loaded;
    if (this.styleReady && this.changes.get(key) === apply) this.safely(apply);
  }

  /** A change that fails (the context was lost in between) is reported by MapLibre's own error event, not thrown. */
  private safely(apply: () => void): void {
    try {
      apply();
    } catch (error) {
      if (this.styleReady) throw error;
    }
  }

  private addImages(palette: Palette): void {
    for (const { name, image, pixelRatio } of styleImages(palette, this.story)) {
      this.map.addImage(name, image, pixelRatio ? { pixelRatio } : undefined);
    }
    this.map.addImage(IMAGE.selectedRing, ring(palette.label, palette.labelHalo), { pixelRatio: 1 });
  }

  private readonly describeClaim: (claimId: string) => string | null;
  private readonly chooserHeading: (count: number) => string;
  private onClaimClick: ((claimId: string) => void) | undefined;
  private chooser: Popup | null = null;
  private claims: GeoJSON.FeatureCollection<GeoJSON.Geometry, ClaimDisplay> | null = null;
  /** The claims drawn as a point, by id (the keyboard targets sit on them). */
  private claimPoints: Map<string, GeoJSON.Feature<GeoJSON.Point, ClaimDisplay>> | null = null;

  /** The claim layers a reader can click: markers first (they are the precise targets), then lines and areas. */
  private clickableLayers(): { markers: string[]; shapes: string[] } {
    const ids = this.entries
      .filter((entry) => entry.group.startsWith('claims-') && entry.spec.id.startsWith('claims-'))
      .map((entry) => entry.spec.id);
    return {
      markers: ids.filter((id) => id.startsWith('claims-point-')),
      shapes: ids.filter((id) => id.startsWith('claims-line-') || id.startsWith('claims-area-')),
    };
  }

  /** Distinct ids of the claims drawn within a few pixels of a point: markers hit, else lines and areas. */
  claimsAt(point: { x: number; y: number }, tolerancePx = 5): string[] {
    const { markers, shapes } = this.clickableLayers();
    const box: [[number, number], [number, number]] = [
      [point.x - tolerancePx, point.y - tolerancePx],
      [point.x + tolerancePx, point.y + tolerancePx],
    ];
    const present = (layers: string[]) => layers.filter((id) => this.map.getLayer(id));
    for (const layers of [present(markers), present(shapes)]) {
      if (layers.length === 0) continue;
      const ids = this.map.queryRenderedFeatures(box, { layers }).map((f) => String(f.properties.id));
      const unique = [...new Set(ids)];
      if (unique.length) return unique;
    }
    return [];
  }

  /**
   * A click on one claim opens it; on several at one spot (claims drawn on the same line), a chooser lists them
   * as buttons, so each can be reached by pointer and keyboard.
   */
  private listenForClaimClicks(): void {
    this.map.on('click', (event: MapMouseEvent) => {
      // While the reader measures, a click places a point (setMeasuring) and opens nothing.
      if (this.measureClick) return;
      const ids = this.claimsAt(event.point);
      if (ids.length === 1) this.openClaim(ids[0] as string);
      else if (ids.length > 1) this.openChooser(ids, event.lngLat);
    });
    this.map.on('mousemove', (event: MapMouseEvent) => {
      if (this.measureClick) return;
      const ids = this.claimsAt(event.point);
      this.map.getCanvas().style.cursor = ids.length ? 'pointer' : '';
      this.onHover?.(ids[0] ?? null, [event.lngLat.lng, event.lngLat.lat]);
    });
    this.map.getCanvasContainer().addEventListener('mouseleave', () => this.onHover?.(null, [0, 0]));
  }

  private openClaim(id: string): void {
    this.closeChooser();
    this.onClaimClick?.(id);
  }

  private closeChooser(): void {
    this.chooser?.remove();
    this.chooser = null;
  }

  /** The chooser: a popup built from DOM nodes (never HTML strings), its first button focused. */
  openChooser(ids: string[], at: { lng: number; lat: number }): void {
    this.closeChooser();
    const box = document.createElement('div');
    box.className = 'claim-chooser';
    box.setAttribute('role', 'dialog');
    const heading = document.createElement('p');
    heading.className = 'claim-chooser-heading';
    heading.id = 'claim-chooser-heading';
    heading.textContent = this.chooserHeading(ids.length);
    box.setAttribute('aria-labelledby', heading.id);
    const list = document.createElement('ul');
    for (const id of ids) {
      const side = this.claims?.features.find((f) => f.properties.id === id)?.properties.side ?? '';
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `claim-chooser-item side--${side}`;
      const mark = document.createElement('span');
      mark.className = 'side-mark-shape';
      mark.setAttribute('aria-hidden', 'true');
      button.append(mark, document.createTextNode(this.describeClaim(id) ?? id));
      button.dataset.claim = id;
      button.addEventListener('click', () => this.openClaim(id));
      item.append(button);
      list.append(item);
    }
    box.append(heading, list);
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        this.closeChooser();
        this.map.getCanvas().focus();
      }
    });
    this.chooser = new Popup({
      closeButton: true,
      closeOnClick: true,
      maxWidth: '300px',
      focusAfterOpen: false,
    })
      .setLngLat(at)
      .setDOMContent(box)
      .addTo(this.map);
    list.querySelector('button')?.focus();
  }

  /**
   * One focusable target per claim drawn on the map, on its marker: Tab reaches every claim in view from the map,
   * Enter opens it (or the chooser when the claim shares its spot). Invisible until focused; the pointer goes
   * through them to the map, which handles clicks itself. Only claims in view get one, and at most
   * MAX_CLAIM_TARGETS: a DOM marker per claim is moved by MapLibre on every frame, which at thousands of claims
   * froze the page; the claim list reaches every claim by keyboard.
   */
  setClaimTargets(ids: readonly string[]): void {
    this.targetIds = ids;
    this.placeClaimTargets();
  }

  private targetIds: readonly string[] = [];
  private readonly targets = new Map<string, Marker>();

  private placeClaimTargets(): void {
    const points = this.claimPoints;
    const wanted: [string, GeoJSON.Feature<GeoJSON.Point, ClaimDisplay>][] = [];
    if (points) {
      const view = this.map.getBounds();
      for (const id of this.targetIds) {
        const feature = points.get(id);
        if (!feature || !view.contains(feature.geometry.coordinates as [number, number])) continue;
        wanted.push([id, feature]);
        if (wanted.length === MAX_CLAIM_TARGETS) break;
      }
    }
    const keep = new Set(wanted.map(([id]) => id));
    // Targets that stay are kept as they are, so one that has the keyboard focus keeps it when the map moves.
    for (const [id, target] of this.targets) {
      if (keep.has(id)) continue;
      target.remove();
      this.targets.delete(id);
    }
    for (const [id, feature] of wanted) {
      if (this.targets.has(id)) continue;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'map-claim-target';
      button.dataset.claim = id;
      button.setAttribute('aria-label', this.describeClaim(id) ?? id);
      button.addEventListener('click', () => this.openClaim(id));
      const [x, y] = feature.properties.offset ?? [0, 0];
      const target = new Marker({ element: button, offset: [x, y] })
        .setLngLat(feature.geometry.coordinates as [number, number])
        .addTo(this.map);
      this.targets.set(id, target);
    }
  }

  private storySet = false;

  /** Replaces the data of one of the story's sources once the style is ready. */
  async setData(source: StorySource | typeof SOURCE.measure, data: GeoJSON.FeatureCollection): Promise<void> {
    if (source === SOURCE.claims) {
      const ids = [...new Set(data.features.map((feature) => String(feature.properties?.id)))];
      this.inStory = ids.length ? ['match', ['get', 'id'], ids, true, false] : NONE;
      this.claims = data as GeoJSON.FeatureCollection<GeoJSON.Geometry, ClaimDisplay>;
      this.claimPoints = new Map();
      for (const feature of this.claims.features) {
        const id = feature.properties.id;
        if (feature.geometry?.type === 'Point' && !this.claimPoints.has(id))
          this.claimPoints.set(id, feature as GeoJSON.Feature<GeoJSON.Point, ClaimDisplay>);
      }
      void this.applyFilters();
    }
    await this.change(`data:${source}`, () => {
      (this.map.getSource(source) as GeoJSONSource | undefined)?.setData(data);
      if (source === SOURCE.claims) this.storySet = true;
    });
  }

  /** Whether the story's claims and places have been handed to the map and processed by its worker. */
  storyDrawn(): boolean {
    return (
      this.storySet &&
      this.styleReady &&
      this.map.loaded() &&
      this.map.isSourceLoaded(SOURCE.claims) &&
      this.map.isSourceLoaded(SOURCE.places)
    );
  }

  /** Border lines hidden when the page opened, not fetched yet: by their layer group. */
  private readonly unfetchedBorders = new Map<LayerGroup, { source: string; url: string }>();

  async setGroupVisible(group: LayerGroup, visible: boolean): Promise<void> {
    const unfetched = visible ? this.unfetchedBorders.get(group) : undefined;
    if (unfetched) {
      this.unfetchedBorders.delete(group);
      await this.change(`data:${unfetched.source}`, () =>
        (this.map.getSource(unfetched.source) as GeoJSONSource | undefined)?.setData(unfetched.url),
      );
    }
    await this.change(`group:${group}`, () => {
      for (const entry of this.entries) {
        if (entry.group === group) {
          this.map.setLayoutProperty(entry.spec.id, 'visibility', visible ? 'visible' : 'none');
        }
      }
    });
  }

  async setVisibleGroups(visible: ReadonlySet<LayerGroup>): Promise<void> {
    await Promise.all(
      layerGroups(this.story).map((group) => this.setGroupVisible(group, visible.has(group))),
    );
  }

  /**
   * Whether the uncertainty areas are drawn (map/uncertainty-limit.ts: not past a count). Off, their filter keeps
   * none, so MapLibre neither tiles nor draws them.
   */
  async setUncertaintyDrawn(drawn: boolean): Promise<void> {
    if (drawn === this.uncertaintyDrawn) return;
    this.uncertaintyDrawn = drawn;
    await this.applyFilters();
  }

  /** Shows only claims whose statement date passes `dateFilter` (null: all claims). */
  async setDateFilter(dateFilter: ExpressionSpecification | null): Promise<void> {
    this.dateFilter = dateFilter;
    await this.applyFilters();
  }

  /**
   * The dated layers' filters: their own, the day's, and for the precomputed uncertainty areas (drawn from their own
   * file), the claims in the story, so a claim the loader left out leaves no area behind.
   */
  private async applyFilters(): Promise<void> {
    const { dateFilter, inStory, uncertaintyDrawn } = this;
    await this.change('filters', () => {
      for (const entry of this.entries) {
        if (!entry.dated || entry.spec.type === 'background') continue;
        const parts = [
          entry.spec.filter,
          dateFilter,
          entry.spec.source === SOURCE.uncertainty ? (uncertaintyDrawn ? inStory : NONE) : undefined,
        ].filter((part) => part !== undefined && part !== null);
        const combined = parts.length > 1 ? ['all', ...parts] : parts[0];
        // Not validated again on every step: the parts are the style's own filters (validated against the style
        // specification in tests/node/style.test.ts), the day's comparison and inStory's match; validating the
        // match's ids took 40 ms of each step at 100,000 claims.
        this.map.setFilter(entry.spec.id, (combined ?? null) as FilterSpecification | null, {
          validate: false,
        });
      }
    });
  }

  async setLanguage(language: Language): Promise<void> {
    await this.change('language', () => {
      for (const [layer, text] of Object.entries(labelTexts(language, this.story)))
        this.map.setLayoutProperty(layer, 'text-field', text);
    });
  }

  async setSelectedClaim(claimId: string | null): Promise<void> {
    const isClaim: FilterSpecification = ['==', ['get', 'id'], claimId ?? ''];
    // A circle layer would ring every vertex of a line: rings for points, a wide stroke for lines and areas.
    const points: FilterSpecification = ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]];
    await this.change('selected-claim', () => {
      this.map.setFilter(SELECTED_POINT_LAYER, ['all', isClaim, points]);
      this.map.setFilter(SELECTED_SHAPE_LAYER, ['all', isClaim, ['!', points]]);
    });
  }

  /**
   * The files MapLibre is still fetching or processing, by name (e.g. "data/basemap.geojson"). MapLibre sets no
   * timeout of its own: a server that never answers keeps such a source loading, and the map from settling.
   */
  pendingFiles(): string[] {
    if (!this.styleReady || !this.map.style?._loaded) return [];
    return fetchedSources(this.story)
      .filter(([source]) => this.map.getSource(source) && !this.map.isSourceLoaded(source))
      .map(([, file]) => fileName(file));
  }

  /** Whether the map can draw now (false while its WebGL context is lost). */
  canDraw(): boolean {
    return this.styleReady;
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
    const padding = {
      top: 40 + (this.topInset?.() ?? 0),
      left: 40,
      right: 40 + CONTROLS_CLEARANCE_PX,
      bottom: 40 + (this.bottomInset?.() ?? 0),
    };
    this.map.fitBounds(bounds, { padding, maxZoom: 13, duration: reducedMotion ? 0 : 800 });
  }

  /** Names of the style layers that have drawn at least one feature in the current view. */
  renderedLayerIds(): string[] {
    if (!this.styleReady) return [];
    const ids = new Set(this.map.queryRenderedFeatures().map((f) => f.layer.id));
    return [...ids].sort();
  }

  /** ids of the claims drawn in the current view (any side). */
  renderedClaimIds(): string[] {
    if (!this.styleReady) return [];
    const layers = this.entries.filter((e) => e.spec.id.startsWith('claims-')).map((e) => e.spec.id);
    const ids = this.map.queryRenderedFeatures({ layers }).map((f) => String(f.properties.id));
    return [...new Set(ids)].sort();
  }

  private onHover: ((claimId: string | null, at: [number, number]) => void) | null = null;

  /**
   * Calls `onHover` with the claim under a mouse pointer (null when there is none), with where to show a tooltip.
   * Touch has no hover: the tap opens the claim instead.
   */
  onClaimHover(onHover: (claimId: string | null, at: [number, number]) => void): void {
    this.onHover = onHover;
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
    // A change like the others: applied again on a style rebuilt after a lost context.
    await this.change('ruler', () => {
      const source = this.map.getSource(RULER_SOURCE) as GeoJSONSource | undefined;
      if (source) {
        source.setData(data);
        return;
      }
      if (data.features.length === 0) return;
      this.map.addSource(RULER_SOURCE, { type: 'geojson', data });
      for (const layer of rulerLayers(this.palette, LABEL_FONT)) {
        if (!this.map.getLayer(layer.id)) this.map.addLayer(layer);
      }
    });
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
    this.closeChooser();
    this.map.remove();
  }
}
