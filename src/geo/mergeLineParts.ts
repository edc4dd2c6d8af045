/**
 * Joining polyline parts that meet end to end into longer chains.
 *
 * @packageDocumentation
 */
import type { LonLat } from './lonlat.ts';

/**
 * Joins parts whose end points coincide (within `toleranceDeg`, default 1e-7° ≈ 1 cm) into chains,
 * reversing parts where needed. Parts that touch nothing are returned unchanged. Each chain lists the
 * indices of the input parts it was built from.
 */
export function mergeLineParts(
  parts: readonly (readonly LonLat[])[],
  toleranceDeg = 1e-7,
): { coordinates: [number, number][]; sourceParts: number[] }[] {
  const same = (p: LonLat, q: LonLat) =>
    Math.abs((p[0] as number) - (q[0] as number)) <= toleranceDeg &&
    Math.abs((p[1] as number) - (q[1] as number)) <= toleranceDeg;
  const chains = parts
    .map((part, i) => ({
      coordinates: part.map((p) => [p[0] as number, p[1] as number] as [number, number]),
      sourceParts: [i],
    }))
    .filter((c) => c.coordinates.length > 0);
  let merged = true;
  while (merged) {
    merged = false;
    outer: for (let i = 0; i < chains.length; i++) {
      for (let j = 0; j < chains.length; j++) {
        if (i === j) continue;
        const a = chains[i] as (typeof chains)[number];
        const b = chains[j] as (typeof chains)[number];
        const aStart = a.coordinates[0] as LonLat;
        const aEnd = a.coordinates[a.coordinates.length - 1] as LonLat;
        const bStart = b.coordinates[0] as LonLat;
        const bEnd = b.coordinates[b.coordinates.length - 1] as LonLat;
        let joined: [number, number][] | null = null;
        if (same(aEnd, bStart)) joined = [...a.coordinates, ...b.coordinates.slice(1)];
        else if (same(aEnd, bEnd)) joined = [...a.coordinates, ...b.coordinates.slice(0, -1).reverse()];
        else if (same(aStart, bEnd)) joined = [...b.coordinates, ...a.coordinates.slice(1)];
        else if (same(aStart, bStart))
          joined = [...b.coordinates.slice().reverse(), ...a.coordinates.slice(1)];
        if (joined) {
          chains[i] = { coordinates: joined, sourceParts: [...a.sourceParts, ...b.sourceParts] };
          chains.splice(j, 1);
          merged = true;
          break outer;
        }
      }
    }
  }
  return chains;
}
