// The embed's postMessage API, as pure functions: what a host may send (validated by exact shape), who may send it,
// and what the map announces. Nothing in a message is ever executed, followed or inserted as HTML: a command is
// reduced to a layer list, a story day or a claim id that exists, and applied through the app's own actions.
import { shownList } from '../shown-text.ts';
import { type LayerGroup, layerGroups, resolveLayerName, type StoryManifest } from '../story/manifest.ts';
import { type DateMode, isStoryDay } from '../timeline.ts';

/** Inbound messages carry `target: 'conflict-map'`; outbound ones `source: 'conflict-map'`. */
export const MESSAGE_TARGET = 'conflict-map';
export const MESSAGE_SOURCE = 'conflict-map';

export type Command =
  | { type: 'setLayers'; layers: LayerGroup[] }
  | { type: 'setDate'; date: string; mode?: DateMode }
  | { type: 'selectClaim'; claim: string | null };

export type Inbound =
  /** A valid command for this embed. */
  | { kind: 'command'; command: Command }
  /** Addressed to us (`target: 'conflict-map'`) but malformed: worth a warning. */
  | { kind: 'invalid'; reason: string }
  /** Not for us (another library's message, or another embed's id): ignored silently. */
  | { kind: 'other' };

export interface InboundContext {
  /** This embed's id: a command that names a different `id` is for another map on the page. */
  id: string;
  /** Whether a claim with this id is in the loaded story (false before the story has loaded). */
  claimExists: (id: string) => boolean;
  /** The story: its layer names (and their old aliases) and its days. */
  story: StoryManifest;
}

const SHAPES: Record<Command['type'], { required: string[]; optional: string[] }> = {
  setLayers: { required: ['layers'], optional: [] },
  setDate: { required: ['date'], optional: ['mode'] },
  selectClaim: { required: ['claim'], optional: [] },
};

const CLAIM_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Reads one message. Strings (pym's, Medium's) and objects without our target are "other", never errors. */
export function parseInbound(data: unknown, context: InboundContext): Inbound {
  if (!isPlainObject(data) || data.target !== MESSAGE_TARGET) return { kind: 'other' };
  const invalid = (reason: string): Inbound => ({ kind: 'invalid', reason });
  if ('id' in data) {
    if (typeof data.id !== 'string') return invalid('"id" must be a string');
    if (data.id !== context.id) return { kind: 'other' };
  }
  const type = data.type;
  if (typeof type !== 'string' || !Object.hasOwn(SHAPES, type)) {
    return invalid(`"type" must be one of ${Object.keys(SHAPES).join(', ')}`);
  }
  const shape = SHAPES[type as Command['type']];
  const allowed = new Set(['target', 'type', 'id', ...shape.required, ...shape.optional]);
  const extra = Object.keys(data).filter((key) => !allowed.has(key));
  if (extra.length) return invalid(`unexpected key${extra.length > 1 ? 's' : ''} ${shownList(extra)}`);
  const missing = shape.required.filter((key) => !(key in data));
  if (missing.length) return invalid(`missing ${missing.join(', ')}`);

  switch (type) {
    case 'setLayers': {
      const groups = layerGroups(context.story);
      const layers = data.layers;
      if (!Array.isArray(layers) || layers.length > groups.length) {
        return invalid(`"layers" must be an array of names from ${groups.join(', ')}`);
      }
      // Old names (the story's layerAliases) still work: existing embeds keep their commands.
      const resolved = layers.map((name) =>
        typeof name === 'string' ? resolveLayerName(context.story, name) : null,
      );
      if (resolved.includes(null) || new Set(resolved).size !== layers.length) {
        return invalid(`"layers" must list distinct names from ${groups.join(', ')}`);
      }
      return {
        kind: 'command',
        command: { type: 'setLayers', layers: groups.filter((group) => resolved.includes(group)) },
      };
    }
    case 'setDate': {
      const { date, mode } = data;
      const { first, last } = context.story.dates;
      if (typeof date !== 'string' || !isStoryDay(context.story, date)) {
        return invalid(`"date" must be a day from ${first} to ${last} (YYYY-MM-DD)`);
      }
      if ('mode' in data && mode !== 'cumulative' && mode !== 'day') {
        return invalid('"mode" must be "cumulative" or "day"');
      }
      const command: Extract<Command, { type: 'setDate' }> = { type: 'setDate', date };
      if (mode === 'cumulative' || mode === 'day') command.mode = mode;
      return { kind: 'command', command };
    }
    default: {
      const claim = data.claim;
      if (claim === null) return { kind: 'command', command: { type: 'selectClaim', claim: null } };
      if (typeof claim !== 'string' || !CLAIM_ID.test(claim) || !context.claimExists(claim)) {
        return invalid('"claim" must be the id of a claim in the story, or null');
      }
      return { kind: 'command', command: { type: 'selectClaim', claim } };
    }
  }
}

/**
 * Only the page that holds the frame may steer it: `event.source` must be `window.parent` (not a sibling frame or a
 * popup), and when the embed was given `origins`, `event.origin` must be one of them exactly (a Set, no patterns:
 * pym's suffix regex would let `evilexample.com` pass for `example.com`).
 */
export function isAllowedSender(
  sender: { source: unknown; origin: string },
  parent: unknown,
  origins: ReadonlySet<string> | null,
): boolean {
  if (sender.source === null || sender.source !== parent) return false;
  return origins === null || origins.has(sender.origin);
}

export interface MapStateSummary {
  layers: LayerGroup[];
  date: string;
  mode: DateMode;
  claim: string | null;
}

export type Announcement =
  | ({ source: typeof MESSAGE_SOURCE; id: string; type: 'ready' } & MapStateSummary)
  | { source: typeof MESSAGE_SOURCE; id: string; type: 'layers'; layers: LayerGroup[] }
  | { source: typeof MESSAGE_SOURCE; id: string; type: 'date'; date: string; mode: DateMode }
  | { source: typeof MESSAGE_SOURCE; id: string; type: 'claim'; claim: string | null };

/** Layers in the story's fixed order, so equal sets always announce equal arrays. */
export function orderedLayers(layers: Iterable<LayerGroup>, story: StoryManifest): LayerGroup[] {
  const set = new Set(layers);
  return layerGroups(story).filter((group) => set.has(group));
}

export function readyMessage(id: string, state: MapStateSummary, story: StoryManifest): Announcement {
  return {
    source: MESSAGE_SOURCE,
    id,
    type: 'ready',
    layers: orderedLayers(state.layers, story),
    date: state.date,
    mode: state.mode,
    claim: state.claim,
  };
}

export function layersMessage(id: string, layers: Iterable<LayerGroup>, story: StoryManifest): Announcement {
  return { source: MESSAGE_SOURCE, id, type: 'layers', layers: orderedLayers(layers, story) };
}

export function dateMessage(id: string, date: string, mode: DateMode): Announcement {
  return { source: MESSAGE_SOURCE, id, type: 'date', date, mode };
}

export function claimMessage(id: string, claim: string | null): Announcement {
  return { source: MESSAGE_SOURCE, id, type: 'claim', claim };
}

/**
 * Where announcements go (`targetOrigin` values). The story's layers, day and claim ids are public, so with no
 * `origins` list any parent may hear them ('*'). With a list, only a listed parent: its origin as the browser reports
 * it (`location.ancestorOrigins`, else the referrer) when known, else each listed origin (the browser delivers to the
 * one the parent really has, and drops the rest).
 */
export function announcementTargets(
  origins: ReadonlySet<string> | null,
  parentOrigin: string | null,
): string[] {
  if (origins === null) return ['*'];
  if (parentOrigin !== null) return origins.has(parentOrigin) ? [parentOrigin] : [];
  return [...origins];
}
