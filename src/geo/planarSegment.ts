/**
 * Planar helpers for a point and a segment in a local metric plane.
 *
 * @packageDocumentation
 */

/** Closest point on segment AB to P in the plane: parameter t ∈ [0, 1] and distance (same units as input). */
export function closestOnSegment(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): { t: number; distance: number } {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const cx = ax + t * dx - px;
  const cy = ay + t * dy - py;
  return { t, distance: Math.hypot(cx, cy) };
}

/** z of the cross product (B − A) × (P − A): > 0 when P is left of the direction A→B. */
export function crossZ(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
}
