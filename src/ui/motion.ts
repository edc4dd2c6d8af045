/** Whether the reader asked for less motion: camera moves jump instead of flying, playback slows down. */
export function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}
