// The embed's height, told to the host page in every format a newsroom CMS may already listen for, so pym.js,
// AMP's amp-iframe, Medium/Embedly and our own snippet all resize the frame with no extra code. Pure builders plus
// a small debounced reporter that takes its timer and measurement from outside (node-tested with fake timers).

/** The key of our own height message, in Datawrapper's style: `{ 'conflict-map-height': { [id]: px } }`. */
export const HEIGHT_KEY = 'conflict-map-height';

export type HeightMessage = string | Record<string, unknown>;

/** pym.js: `pymxPYMx<id>xPYMxheightxPYMx<px>` (what pym.Child sends; pym.Parent matches on the id). */
export function pymHeightMessage(id: string, height: number): string {
  return ['pym', id, 'height', String(height)].join('xPYMx');
}

/** AMP's amp-iframe (with `resizable`): an object. */
export function ampHeightMessage(height: number): { sentinel: 'amp'; type: 'embed-size'; height: number } {
  return { sentinel: 'amp', type: 'embed-size', height };
}

/** Medium / Embedly: a JSON string naming the frame by its URL. */
export function mediumHeightMessage(href: string, height: number): string {
  return JSON.stringify({ src: href, context: 'iframe.resize', height });
}

/** Ours: keyed by the embed id, so one listener can serve several maps on a page. */
export function keyedHeightMessage(id: string, height: number): { [HEIGHT_KEY]: Record<string, number> } {
  return { [HEIGHT_KEY]: { [id]: height } };
}

/** Every format, in the order they are posted. */
export function heightMessages(id: string, height: number, href: string): HeightMessage[] {
  return [
    pymHeightMessage(id, height),
    ampHeightMessage(height),
    mediumHeightMessage(href, height),
    keyedHeightMessage(id, height),
  ];
}

export interface HeightReporterOptions {
  /** The document's height in CSS pixels (may be fractional). */
  measure: () => number;
  /** Sends one whole-pixel height to the host. */
  post: (height: number) => void;
  /** Quiet time before a change is reported: a burst of layout changes costs one message. */
  delayMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface HeightReporter {
  /** Call on every layout change; the height is measured and sent once things have been quiet for `delayMs`. */
  schedule: () => void;
  /** Measures and sends now (if changed). */
  flush: () => void;
  stop: () => void;
}

export const HEIGHT_DEBOUNCE_MS = 120;

export function createHeightReporter({
  measure,
  post,
  delayMs = HEIGHT_DEBOUNCE_MS,
  setTimer = (run, ms) => setTimeout(run, ms),
  clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
}: HeightReporterOptions): HeightReporter {
  let last: number | null = null;
  let timer: unknown = null;
  let stopped = false;
  const flush = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
    if (stopped) return;
    // Rounded up, so a fractional height never leaves a 1 px scrollbar; only a real change is sent, which is also
    // what breaks any resize loop (the host's resize does not change our height, so nothing more is sent).
    const height = Math.ceil(measure());
    if (!Number.isFinite(height) || height <= 0 || height === last) return;
    last = height;
    post(height);
  };
  return {
    schedule: () => {
      if (stopped) return;
      if (timer !== null) clearTimer(timer);
      timer = setTimer(flush, delayMs);
    },
    flush,
    stop: () => {
      stopped = true;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
}
