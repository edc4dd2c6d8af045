// The embed's host bridge (src/embed/host-bridge.ts) with a stand-in window whose messages are delivered in order,
// one task each, as a browser does: a flood of commands is applied as one change per kind, announced once.
import { effect } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import type { Story } from '../../src/data/story.ts';
import type { ClaimFeature } from '../../src/data/types.ts';
import { connectHost } from '../../src/embed/host-bridge.ts';
import { DEFAULT_EMBED_PARAMS } from '../../src/embed/params.ts';
import { createAppState } from '../../src/state.ts';
import { storyDays } from '../../src/story/manifest.ts';
import { defaultUrlState } from '../../src/url-state.ts';
import { story } from './stories.ts';

const MANIFEST = story.manifest;

const CLAIMS = ['claim-one', 'claim-two'];

/** A frame's window: a task queue shared with its parent, and a log of what it announced. */
function fakeFrame() {
  const tasks: Array<() => void> = [];
  const listeners = new Set<(event: MessageEvent) => void>();
  const announced: Array<Record<string, unknown>> = [];
  const parent = { postMessage: (data: Record<string, unknown>) => void announced.push(data) };
  const win = {
    parent,
    location: { ancestorOrigins: ['https://news.example'], href: 'https://maps.example/embed.html' },
    document: { referrer: '' },
    addEventListener: (_: string, listener: (event: MessageEvent) => void) => void listeners.add(listener),
    removeEventListener: (_: string, listener: (event: MessageEvent) => void) =>
      void listeners.delete(listener),
    postMessage: (data: unknown) => deliver(data, win),
  };
  /** Queues a message as the browser does: one task, after every message posted before it. */
  function deliver(data: unknown, source: unknown): void {
    tasks.push(() => {
      const event = { data, source, origin: 'https://news.example' } as MessageEvent;
      for (const listener of listeners) listener(event);
    });
  }
  return {
    win: win as unknown as Window,
    announced,
    /** The host page posts to the frame. */
    send: (data: unknown) => deliver(data, parent),
    /** Runs every queued task, and those they queue, in order. */
    drain: () => {
      for (let task = tasks.shift(); task; task = tasks.shift()) task();
    },
  };
}

function loadedState() {
  const state = createAppState(defaultUrlState(MANIFEST), MANIFEST);
  const claims = CLAIMS.map(
    (id) =>
      ({ type: 'Feature', geometry: null, properties: { id, statementDate: '2021-05-12' } }) as ClaimFeature,
  );
  state.story.value = { claims, places: [], areas: [], borderLines: [], sources: new Map() } as Story;
  state.storyStatus.value = 'ready';
  state.mapStatus.value = 'ready';
  return state;
}

/** How many times a value changed (effects run once at first, which is not a change). */
function changes(read: () => unknown): () => number {
  let runs = -1;
  effect(() => {
    read();
    runs++;
  });
  return () => runs;
}

describe('commands from the host', () => {
  // Ten thousand messages through the bridge: well under a second alone, a few seconds on a loaded machine.
  it('10,000 setDate commands: one change, one announcement, the last one wins', { timeout: 30_000 }, () => {
    const frame = fakeFrame();
    const state = loadedState();
    connectHost(state, DEFAULT_EMBED_PARAMS, frame.win);
    frame.drain();
    expect(frame.announced.map((m) => m.type)).toEqual(['ready']);
    const dateChanges = changes(() => state.date.value);

    const days = storyDays(MANIFEST);
    for (let i = 0; i < 9_999; i++)
      frame.send({ target: 'conflict-map', type: 'setDate', date: days[i % days.length] });
    frame.send({ target: 'conflict-map', type: 'setDate', date: '2021-05-20', mode: 'day' });
    frame.drain();

    expect(state.date.value).toBe('2021-05-20');
    expect(state.mode.value).toBe('day');
    expect(dateChanges()).toBe(1);
    expect(frame.announced.slice(1)).toEqual([
      { source: 'conflict-map', id: 'conflict-map', type: 'date', date: '2021-05-20', mode: 'day' },
    ]);
  });

  it('the same for every kind of command; malformed ones are warned about and skipped', {
    timeout: 30_000,
  }, () => {
    const frame = fakeFrame();
    const state = loadedState();
    connectHost(state, DEFAULT_EMBED_PARAMS, frame.win);
    frame.drain();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const layerChanges = changes(() => state.layers.value);
    const claimChanges = changes(() => state.selectedClaim.value);

    for (let i = 0; i < 3_000; i++) {
      frame.send({ target: 'conflict-map', type: 'setLayers', layers: i % 2 ? ['border'] : ['places'] });
      frame.send({ target: 'conflict-map', type: 'selectClaim', claim: CLAIMS[i % 2] });
      frame.send({ target: 'conflict-map', type: 'setDate', date: '2021-05-1x' }); // invalid: ignored
    }
    frame.drain();

    expect([...state.layers.value]).toEqual(['border']);
    expect(state.selectedClaim.value).toBe('claim-two');
    expect([layerChanges(), claimChanges()]).toEqual([1, 1]);
    expect(
      frame.announced
        .slice(1)
        .map((m) => m.type)
        .sort(),
    ).toEqual(['claim', 'layers']);
    expect(warn).toHaveBeenCalledTimes(3_000);
    warn.mockRestore();

    // A command after the batch is a batch of its own.
    frame.send({ target: 'conflict-map', type: 'selectClaim', claim: null });
    frame.drain();
    expect(frame.announced.slice(3)).toEqual([
      { source: 'conflict-map', id: 'conflict-map', type: 'claim', claim: null },
    ]);
  });
});
