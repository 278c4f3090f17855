/**
 * numpy's percentile definitions (numpy ≥ 1.22 `method=`), shared by every backend: the backend only
 * selects order statistics at integer ranks; positions and interpolation happen here, on the host, in f64.
 *
 * Position h = (n − 1)·q in float64, exactly as numpy and d3 compute it.
 *  - linear:   numpy's _lerp between x[⌊h⌋] and x[⌊h⌋+1] with t = h − ⌊h⌋
 *  - lower:    x[⌊h⌋]            - higher: x[⌈h⌉]
 *  - nearest:  x[round-half-even(h)] (np.around)
 *  - midpoint: _lerp with t = 0.5 unless h is an integer
 * When t = 0 the result is that order statistic exactly (so ±Infinity neighbours cannot turn it into NaN).
 */
import type { PercentileMethod } from '../../types.js';

export const PERCENTILE_METHODS: readonly PercentileMethod[] = ['linear', 'lower', 'higher', 'nearest', 'midpoint'];

export interface PercentilePlan {
  count: number;
  method: PercentileMethod;
  /** Distinct ranks to select, ascending; each an integer in [0, count). */
  ranks: Float64Array;
  /** Per q: index into `ranks` of the lower and upper order statistic, and the weight t of the upper. */
  lo: Uint32Array;
  hi: Uint32Array;
  t: Float64Array;
}

/** Round half to even, as np.around. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export function planPercentiles(count: number, q: Float64Array, method: PercentileMethod): PercentilePlan {
  const m = q.length;
  const loRank = new Float64Array(m);
  const hiRank = new Float64Array(m);
  const t = new Float64Array(m);
  if (count > 0) {
    for (let i = 0; i < m; i++) {
      const h = (count - 1) * q[i];
      const f = Math.floor(h);
      const frac = h - f;
      let lo = f;
      let hi = f;
      let w = 0;
      switch (method) {
        case 'linear':
          if (frac > 0) { hi = f + 1; w = frac; }
          break;
        case 'lower':
          break;
        case 'higher':
          lo = hi = Math.ceil(h);
          break;
        case 'nearest':
          lo = hi = roundHalfEven(h);
          break;
        case 'midpoint':
          if (frac > 0) { hi = f + 1; w = 0.5; }
          break;
      }
      loRank[i] = Math.min(lo, count - 1);
      hiRank[i] = Math.min(hi, count - 1);
      t[i] = w;
    }
  }
  const ranks = count > 0 ? Float64Array.from(new Set([...loRank, ...hiRank])).sort() : new Float64Array(0);
  const index = new Map<number, number>();
  ranks.forEach((r, i) => index.set(r, i));
  const lo = new Uint32Array(m);
  const hi = new Uint32Array(m);
  if (count > 0) {
    for (let i = 0; i < m; i++) {
      lo[i] = index.get(loRank[i])!;
      hi[i] = index.get(hiRank[i])!;
    }
  }
  return { count, method, ranks, lo, hi, t };
}

/** numpy's _lerp: a + (b−a)·t, computed from the b side when t ≥ 0.5 (this is what makes it match numpy to the ulp). */
export function numpyLerp(a: number, b: number, t: number): number {
  if (t === 0 || a === b) return a;
  const d = b - a;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

/** Turns the selected order statistics (one per plan rank) into one value per q. */
export function finishPercentiles(plan: PercentilePlan, stats: ArrayLike<number>): Float64Array {
  const m = plan.lo.length;
  const out = new Float64Array(m);
  if (plan.count === 0) return out.fill(NaN);
  for (let i = 0; i < m; i++) out[i] = numpyLerp(stats[plan.lo[i]], stats[plan.hi[i]], plan.t[i]);
  return out;
}
