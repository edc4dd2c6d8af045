// How many uncertainty areas the map draws at once. Each is a dotted ring drawn on every frame; at 100,000 claims
// (9,400 rings) software WebGL took over a second a frame, and the frames queued while the data came in held the
// page frozen for 13–20 s after the map had drawn (scripts/bench.ts scale series; README "Performance"). Past the
// limit no ring is drawn, for every side alike, and the map says so and how to bring them back: the count is of the
// claims shown (the day, the mode, the sides whose layer is on), so one day or fewer sides brings it down.

/** The most uncertainty areas drawn at once: about a tenth of a second a frame on software WebGL. */
export const MAX_UNCERTAINTY_AREAS = 2_000;

/** Whether a claim has an uncertainty area (uncertainty.ts grows one for each such claim; the count uses the same). */
export function hasUncertaintyArea<
  T extends { geometry: unknown; properties: { uncertaintyM?: number | null } },
>(claim: T): claim is T & { geometry: NonNullable<T['geometry']> } {
  return Boolean(claim.geometry) && (claim.properties.uncertaintyM ?? 0) > 0;
}
