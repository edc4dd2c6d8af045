/**
 * Gauss–Legendre quadrature, used by the geodesic fallback to evaluate the geodesic integrals.
 *
 * @packageDocumentation
 */

/** Nodes on [−1, 1] and their weights for an n-point Gauss–Legendre rule. */
export interface GaussLegendreRule {
  readonly nodes: readonly number[];
  readonly weights: readonly number[];
}

/**
 * Computes the n-point rule by Newton iteration on the Legendre polynomial P_n
 * (Press et al., Numerical Recipes §4.6 "gauleg"); nodes are accurate to ~1e-15.
 */
export function gaussLegendreRule(n: number): GaussLegendreRule {
  const nodes = new Array<number>(n);
  const weights = new Array<number>(n);
  const m = Math.floor((n + 1) / 2);
  for (let i = 0; i < m; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    for (let iter = 0; iter < 100; iter++) {
      const { value, derivative } = legendre(n, z);
      const z1 = z;
      z = z1 - value / derivative;
      if (Math.abs(z - z1) < 1e-16) break;
    }
    // The derivative at the converged node gives the weight.
    const { derivative } = legendre(n, z);
    const w = 2 / ((1 - z * z) * derivative * derivative);
    nodes[i] = -z;
    nodes[n - 1 - i] = z;
    weights[i] = w;
    weights[n - 1 - i] = w;
  }
  return { nodes, weights };
}

/** P_n(z) and P_n'(z) by the three-term recurrence. */
function legendre(n: number, z: number): { value: number; derivative: number } {
  let p1 = 1;
  let p2 = 0;
  for (let j = 1; j <= n; j++) {
    const p3 = p2;
    p2 = p1;
    p1 = ((2 * j - 1) * z * p2 - (j - 1) * p3) / j;
  }
  return { value: p1, derivative: (n * (z * p1 - p2)) / (z * z - 1) };
}

const RULE_32 = gaussLegendreRule(32);

/**
 * ∫_a^b f(x) dx by 32-point Gauss–Legendre on panels no longer than `maxPanel`.
 * For the smooth, nearly constant integrands of the geodesic problem this is exact to rounding.
 */
export function integrate(f: (x: number) => number, a: number, b: number, maxPanel = Math.PI / 2): number {
  if (a === b) return 0;
  const panels = Math.max(1, Math.ceil(Math.abs(b - a) / maxPanel));
  const h = (b - a) / panels;
  let sum = 0;
  for (let p = 0; p < panels; p++) {
    const lo = a + p * h;
    const half = h / 2;
    const mid = lo + half;
    let s = 0;
    for (let i = 0; i < RULE_32.nodes.length; i++) {
      s += (RULE_32.weights[i] as number) * f(mid + half * (RULE_32.nodes[i] as number));
    }
    sum += s * half;
  }
  return sum;
}
