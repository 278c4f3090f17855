/**
 * How a backend's fast-feature rows must agree with the reference, per column kind (fast-layout.ts).
 * f32 backends (WASM, WebGPU) are held to the reference run on the input rounded to f32. Per series, with
 * R = max − min and n points (tolerances t64 for JS's f64 sums, t32 for f32 sums):
 *   count, min, max, p05/p50/p95, peak_count  exact (selection and comparisons need no arithmetic)
 *   mean, intercept        |Δ| ≤ t·R + t·|x|                 t64 1e-9, t32 2e-5
 *   std                    |Δ| ≤ t·|x|                        t64 1e-9, t32 2e-5
 *   skewness, kurtosis     |Δ| ≤ t·(1 + |x|)                  t64 1e-8, t32 5e-4
 *   acf, r², band powers, centroid, entropy    |Δ| ≤ t        t64 1e-9, t32 2e-4
 *   trend_slope            |Δ| ≤ t·R/n + t·|x|                t64 1e-9, t32 2e-4
 *   mean_abs_change        |Δ| ≤ t·(R + |x|)                  t64 1e-9, t32 2e-5
 *   mean_crossing_rate     the crossing count may differ by 2 per point within t·R of the mean
 *   spectral_flatness      |Δ| ≤ t·|x| + 1e-7                 t64 1e-8, t32 5e-3
 *   rolloff, dominant      the chosen bin must qualify in the reference spectrum up to relative power t
 *                          (t64 1e-9, t32 1e-4·log2 N): near-ties may pick a neighbour.
 * Every t is scaled by 1 + 1e-6·|mean|/R: the reference's own two-pass deviations carry rounding error
 * relative to |mean|, which matters once the offset dwarfs the spread.
 */
import type { BackendName } from '../../../types.js';
import { fastLayout, ROLLOFF, type ColumnKind } from './fast-layout.js';
import { referencePowers } from './fast-reference.js';
import type { FastArgs, FastOut } from './fast.contract.js';

export const TOLERANCE_NOTE = {
  js: 'f64 sums: exact statuses/order statistics/peaks; other columns within 1e-9–1e-8 (fast-compare.ts)',
  f32: 'f32 sums, vs the reference on f32-rounded input: exact statuses/order statistics/peaks; moments 2e-5, shape 5e-4, unitless 2e-4, flatness 5e-3; spectral bins may pick a near-tied neighbour (fast-compare.ts)',
};

type Tol = Record<Exclude<ColumnKind, 'count' | 'order' | 'peaks'>, number>;
const T64: Tol = { location: 1e-9, spread: 1e-9, shape: 1e-8, unit: 1e-9, slope: 1e-9, change: 1e-9, crossing: 1e-9, ratio: 1e-8, bin: 1e-9 };
const T32: Tol = { location: 2e-5, spread: 2e-5, shape: 5e-4, unit: 2e-4, slope: 2e-4, change: 2e-5, crossing: 2e-5, ratio: 5e-3, bin: 1e-4 };

function seriesOf(args: FastArgs, i: number): Float64Array {
  return Float64Array.from(args.values.subarray(args.starts[i], args.starts[i] + args.lengths[i]));
}

function binOk(kind: 'rolloff' | 'dominant', got: number, x: Float64Array, mean: number, t: number): boolean {
  const P = referencePowers(x, mean);
  const K = P.length - 1;
  const k = Math.round(got * K);
  if (!(k >= 1 && k <= K) || Math.abs(k / K - got) > 1e-12) return false;
  const tol = t * Math.max(1, Math.log2(2 * K));
  let S = 0, max = 0;
  for (let j = 1; j <= K; j++) {
    S += P[j];
    max = Math.max(max, P[j]);
  }
  if (kind === 'dominant') return P[k] >= (1 - tol) * max;
  let before = 0;
  for (let j = 1; j < k; j++) before += P[j];
  return before + P[k] >= ROLLOFF * S * (1 - tol) && before < ROLLOFF * S * (1 + tol);
}

function crossingSlack(x: Float64Array, mean: number, band: number): number {
  let near = 0;
  for (const v of x) if (Math.abs(v - mean) <= band) near++;
  return 2 * near;
}

export function compareFast(actual: FastOut, expectedIn: FastOut, args: FastArgs, backend: BackendName, reference: (a: FastArgs) => FastOut): string | null {
  const f32 = backend !== 'js';
  const rounded = f32 && args.values instanceof Float64Array;
  const cmpArgs = rounded ? { ...args, values: Float32Array.from(args.values) } : args;
  const expected = rounded ? reference(cmpArgs) : expectedIn;
  const L = fastLayout(args);
  const T = f32 ? T32 : T64;
  const count = args.starts.length;
  if (actual.status.length !== count) return `status: length ${actual.status.length} ≠ ${count}`;
  if (actual.values.length !== count * L.width) return `values: length ${actual.values.length} ≠ ${count * L.width}`;
  for (let i = 0; i < count; i++) {
    if (actual.status[i] !== expected.status[i]) return `series ${i}: status ${actual.status[i]} ≠ ${expected.status[i]}`;
    const o = i * L.width;
    const e = (c: number): number => expected.values[o + c];
    const R = e(L.max) - e(L.min);
    const n = e(L.count);
    const cond = R > 0 ? 1 + (1e-6 * Math.abs(e(L.mean))) / R : 1;
    for (let c = 0; c < L.width; c++) {
      const a = actual.values[o + c];
      const x = e(c);
      if (Object.is(a, x) || a === x) continue;
      const where = `series ${i} ${L.names[c]}: ${a} vs ${x}`;
      if (Number.isNaN(x) || Number.isNaN(a) || !Number.isFinite(a)) return `${where} (NaN/Inf mismatch)`;
      const kind = L.kinds[c];
      const d = Math.abs(a - x) / cond;
      let ok: boolean;
      switch (kind) {
        case 'count': case 'order': case 'peaks': ok = false; break;
        case 'location': ok = d <= T.location * (R + Math.abs(x)); break;
        case 'spread': ok = d <= T.spread * Math.abs(x); break;
        case 'shape': ok = d <= T.shape * (1 + Math.abs(x)); break;
        case 'unit': ok = d <= T.unit; break;
        case 'slope': ok = d <= T.slope * (R / n + Math.abs(x)); break;
        case 'change': ok = d <= T.change * (R + Math.abs(x)); break;
        case 'ratio': ok = d <= T.ratio * Math.abs(x) + 1e-7; break;
        case 'crossing': ok = d * (n - 1) <= crossingSlack(seriesOf(cmpArgs, i), e(L.mean), T.location * (R + Math.abs(e(L.mean)))) + 1e-9; break;
        case 'bin': ok = binOk(c === L.rolloff ? 'rolloff' : 'dominant', a, seriesOf(cmpArgs, i), e(L.mean), T.bin); break;
      }
      if (!ok) return where;
    }
  }
  return null;
}
