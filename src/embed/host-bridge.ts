// Wires the postMessage API (messages.ts) to the app: commands from the host go through the app's own actions
// (setLayerVisible, selectClaim, the date signals), and changes, whoever made them, are announced back.
import { batch, effect } from '@preact/signals';
import { shownText } from '../shown-text.ts';
import { type AppState, selectClaim, setLayerVisible } from '../state.ts';
import { layerGroups } from '../story/manifest.ts';
import {
  type Announcement,
  announcementTargets,
  type Command,
  claimMessage,
  dateMessage,
  isAllowedSender,
  layersMessage,
  parseInbound,
  readyMessage,
} from './messages.ts';
import type { EmbedParams } from './params.ts';

function apply(state: AppState, command: Command): void {
  switch (command.type) {
    case 'setLayers':
      batch(() => {
        for (const group of layerGroups(state.manifest))
          setLayerVisible(state, group, command.layers.includes(group));
      });
      return;
    case 'setDate':
      batch(() => {
        state.date.value = command.date;
        if (command.mode) state.mode.value = command.mode;
      });
      return;
    case 'selectClaim':
      selectClaim(state, command.claim);
      return;
  }
}

/** The parent page's origin, where the browser tells it (Chromium and WebKit: ancestorOrigins; else the referrer). */
function parentOrigin(win: Window): string | null {
  const ancestor = win.location.ancestorOrigins?.[0];
  if (ancestor) return ancestor;
  try {
    return win.document.referrer ? new URL(win.document.referrer).origin : null;
  } catch {
    return null;
  }
}

/**
 * Listens for the host's commands and announces the map's state. "ready" is sent once the story has loaded and the
 * map has drawn it (or could not: no WebGL), so a host can send claim ids from then on. Returns a cleanup.
 */
export function connectHost(state: AppState, params: EmbedParams, win: Window = window): () => void {
  // A page opened directly (not in a frame) has itself as parent: no one to talk to.
  if (win.parent === win) return () => {};
  const targets = announcementTargets(params.origins, parentOrigin(win));
  const post = (message: Announcement) => {
    for (const target of targets) win.parent.postMessage(message, target);
  };

  // Commands are applied in batches, the latest of each type winning: a host that sends 10,000 setDate commands
  // gets one change and one announcement, not 10,000 of each. A batch starts with the first command and ends when a
  // message this window posts to itself then comes back: messages are delivered in the order they were posted, so
  // every command already on its way by then joins the batch.
  const pending = new Map<Command['type'], Command>();
  const endOfBatch = `conflict-map-batch-end:${Math.random()}`;
  const applyPending = () => {
    const commands = [...pending.values()];
    pending.clear();
    batch(() => {
      for (const command of commands) apply(state, command);
    });
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source === win && event.data === endOfBatch) {
      applyPending();
      return;
    }
    const inbound = parseInbound(event.data, {
      id: params.id,
      claimExists: (id) => state.story.peek()?.claims.some((claim) => claim.properties.id === id) ?? false,
      story: state.manifest,
    });
    if (inbound.kind === 'other') return;
    if (!isAllowedSender(event, win.parent, params.origins)) {
      console.warn(
        `Ignored a conflict-map message from ${event.source === win.parent ? `origin ${shownText(event.origin)}` : 'a window that is not this frame’s parent'}: not allowed by this embed.`,
      );
      return;
    }
    if (inbound.kind === 'invalid') {
      console.warn(`Ignored a conflict-map message: ${inbound.reason}.`);
      return;
    }
    const { command } = inbound;
    if (pending.size === 0) win.postMessage(endOfBatch, '*');
    // Deleted first, so the batch applies each type in the order of its latest command.
    pending.delete(command.type);
    pending.set(command.type, command);
  };
  win.addEventListener('message', onMessage);

  let ready = false;
  const summary = () => ({
    layers: [...state.layers.value],
    date: state.date.value,
    mode: state.mode.value,
    claim: state.selectedClaim.value,
  });
  const disposers = [
    effect(() => {
      if (ready || state.storyStatus.value === 'loading' || state.mapStatus.value === 'loading') return;
      ready = true;
      post(readyMessage(params.id, summary(), state.manifest));
    }),
  ];
  // Each announcement skips its first run: "ready" already carries the starting state.
  const announce = (read: () => Announcement) => {
    let first = true;
    disposers.push(
      effect(() => {
        const message = read();
        if (first || !ready) {
          first = false;
          return;
        }
        post(message);
      }),
    );
  };
  announce(() => layersMessage(params.id, state.layers.value, state.manifest));
  announce(() => dateMessage(params.id, state.date.value, state.mode.value));
  announce(() => claimMessage(params.id, state.selectedClaim.value));

  return () => {
    win.removeEventListener('message', onMessage);
    for (const dispose of disposers) dispose();
  };
}
