// The tools' own state, beside the app's (state.ts): whether the reader is measuring, the checks' context the
// measurement needs (the border lines labelled by country, built from the basemap once, when first needed), and
// the map the tools act on. One per app state.
import { computed, type Signal, signal } from '@preact/signals';
import { buildContext, type CheckContext } from '../checks/context.ts';
import type { CheckInputs } from '../checks/types.ts';
import type { MapView } from '../map/map-view.ts';
import type { AppState } from '../state.ts';
import { type Measurement, measurePoints } from './measure.ts';

export interface ToolsState {
  measuring: Signal<boolean>;
  context: Signal<CheckContext | null>;
  contextStatus: Signal<'idle' | 'loading' | 'ready' | 'failed'>;
  measurement: { readonly value: Measurement | null };
  view: Signal<MapView | null>;
}

const TOOLS = new WeakMap<AppState, ToolsState>();

export function toolsOf(state: AppState): ToolsState {
  let tools = TOOLS.get(state);
  if (!tools) {
    const context = signal<CheckContext | null>(null);
    const made: ToolsState = {
      measuring: signal(false),
      context,
      contextStatus: signal('idle'),
      view: signal(null),
      measurement: computed(() => {
        const points = state.measure.value;
        const ctx = context.value;
        return ctx && points.length > 0 ? measurePoints(points, ctx) : null;
      }),
    };
    tools = made;
    TOOLS.set(state, made);
  }
  return tools;
}

const collection = <T>(features: T[]) => ({ type: 'FeatureCollection' as const, features });

/**
 * Builds the checks' context for measuring, once: the story as the page loaded it, and the basemap's country
 * outlines (MapLibre has it already, so it comes from the HTTP cache). Without the basemap the sides are unknown,
 * and the distances still work.
 */
export async function ensureMeasureContext(state: AppState): Promise<void> {
  const tools = toolsOf(state);
  const story = state.story.value;
  if (!story || tools.contextStatus.peek() === 'loading' || tools.contextStatus.peek() === 'ready') return;
  tools.contextStatus.value = 'loading';
  let basemap: unknown = collection([]);
  let ok = true;
  try {
    // Imported here, not above: the page's first render is made at build time, where the story's URLs do not exist.
    const { dataUrl } = await import('../data/urls.ts');
    const response = await fetch(dataUrl('basemap', document.baseURI));
    if (response.ok) basemap = await response.json();
    else ok = false;
  } catch {
    ok = false;
  }
  const inputs = {
    checks: [],
    places: collection(story.places),
    claims: collection(story.claims),
    areas: collection(story.areas),
    basemap,
    borderLines: story.borderLines.map((line) => ({
      id: line.id,
      label: line.label,
      features: collection(line.features),
    })),
  } as unknown as CheckInputs;
  tools.context.value = buildContext(inputs);
  tools.contextStatus.value = ok ? 'ready' : 'failed';
}
