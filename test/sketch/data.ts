/** Inputs for the sketch tests: exact quantiles, and values placed on every bin boundary of the table. */
import { binTable, E_MAX, E_MIN } from '../../engine/kernels/sketch/bin-table.js';
import { defaultMapping } from '../../engine/kernels/sketch/cubic-mapping.js';

/** The value of rank ⌊q·(n − 1)⌋: what a DDSketch quantile approximates (Datadog's rank convention). */
export function exactQuantile(sorted: ArrayLike<number>, q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))];
}

export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/**
 * For every bin boundary in the table's exponent window: the float64 values one unit below, at and above it,
 * and the float32 values around it, with both signs. Any off-by-one in a backend's binning shows up here.
 */
export function boundaryValues(relativeAccuracy = 0.01, every = 1): { f32: Float32Array; f64: Float64Array } {
  const m = defaultMapping(relativeAccuracy);
  const t = binTable(m);
  const f64: number[] = [];
  const f32: number[] = [];
  const span = 2 ** (52 - t.k);
  for (let e = E_MIN; e <= E_MAX; e += every) {
    for (let j = 0; j < 1 << t.k; j++) {
      const key = ((e + 127) << t.k) | j;
      const thr = t.thr64[key];
      if (thr >= span) continue;
      const r = j * span + thr;
      for (const d of [-1, 0, 1]) {
        const v = (1 + (r + d) / 2 ** 52) * 2 ** e;
        f64.push(v, -v);
        const r32 = Math.floor((r + d * 2 ** 29) / 2 ** 29);
        const w = Math.fround((1 + r32 / 2 ** 23) * 2 ** e);
        f32.push(w, -w);
      }
    }
  }
  return { f32: Float32Array.from(f32), f64: Float64Array.from(f64) };
}
