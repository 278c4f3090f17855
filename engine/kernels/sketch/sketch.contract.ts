/**
 * Kernel `sketch`: a DDSketch (cubic mapping, collapsing lowest bins past maxBins) of one array.
 * Backends bin through the bin table (bin-table.ts), which reproduces the float64 mapping exactly, so bins,
 * zero / NaN / ∞ counts, min and max must equal the reference's; only `sum` depends on summation order.
 * NaN and ±∞ are counted and kept out of the stores (the engine applies the nan policy and rejects ∞);
 * sum / min / max cover every non-NaN value.
 */
import type { KernelDef, Tolerance } from '../contract.js';
import type { BackendName, NumericArray } from '../../types.js';
import { DDSketch } from './ddsketch.js';
import { sameFloats } from '../compare.js';

export interface SketchArgs {
  values: NumericArray;
  relativeAccuracy: number;
  maxBins: number;
}

/** Contiguous counts of one store: counts[i] is bin offset + i. */
export interface StoreBins {
  offset: number;
  counts: Float64Array;
}

export interface SketchOut {
  negative: StoreBins;
  positive: StoreBins;
  zeroCount: number;
  nanCount: number;
  infCount: number;
  sum: number;
  min: number;
  max: number;
}

/** The obviously-correct yardstick: addValue, one value at a time. */
export function sketchReference({ values, relativeAccuracy, maxBins }: SketchArgs): SketchOut {
  const s = new DDSketch({ relativeAccuracy, maxBins });
  let nanCount = 0;
  let infCount = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) {
      nanCount++;
      continue;
    }
    if (Number.isFinite(v)) s.addValue(v);
    else infCount++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { negative: s.negative.bins(), positive: s.positive.bins(), zeroCount: s.zeroCount, nanCount, infCount, sum, min, max };
}

/** Σ|v| over finite values: the scale of any summation-order error. */
export function absSum(values: ArrayLike<number>): number {
  let a = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) a += Math.abs(values[i]);
  return a;
}

/**
 * |Δsum| allowed: any float64 order (n·2⁻⁵²·Σ|v|); on WebGPU, float32 partial sums add at most
 * ITEMS + log2(WG) = 40 float32 roundings per value (48·2⁻²⁴·Σ|v| ≈ 2.9e-6·Σ|v|).
 */
export function sumTolerance(backend: BackendName, n: number, abs: number): number {
  return (n * 2 ** -52 + (backend === 'webgpu' ? 48 * 2 ** -24 : 0)) * abs;
}

function trimmed(s: StoreBins): StoreBins {
  let a = 0;
  let b = s.counts.length;
  while (a < b && s.counts[a] === 0) a++;
  while (b > a && s.counts[b - 1] === 0) b--;
  return a === b ? { offset: 0, counts: new Float64Array(0) } : { offset: s.offset + a, counts: s.counts.subarray(a, b) };
}

export function sameStore(actual: StoreBins, expected: StoreBins, what: string): string | null {
  const a = trimmed(actual);
  const e = trimmed(expected);
  if (a.counts.length > 0 && a.offset !== e.offset) return `${what}: first bin ${a.offset} ≠ ${e.offset}`;
  return sameFloats(a.counts, e.counts, `${what} counts`);
}

export function sameSum(actual: number, expected: number, tolerance: number, what: string): string | null {
  if (actual === expected || (actual !== actual && expected !== expected)) return null;
  if (!Number.isFinite(expected) || !(Math.abs(actual - expected) <= tolerance)) return `${what}: ${actual} vs ${expected} (±${tolerance})`;
  return null;
}

const custom = (why: string): Tolerance => ({ kind: 'custom', why });

export const sketchKernel: KernelDef<SketchArgs, SketchOut> = {
  name: 'sketch',
  summary: 'DDSketch of one array: bins from the float bits through an exact table, dense counts, host-built stores.',
  inputs: { values: 'Float32Array | Float64Array; NaN and ±∞ are counted, not binned' },
  attributes: { relativeAccuracy: 'α in (0, 1)', maxBins: 'bins per store before the lowest collapse' },
  outputs: {
    negative: 'bins of |v| for v < 0', positive: 'bins of v > 0', zeroCount: '|v| ≤ minIndexable',
    nanCount: 'NaN', infCount: '±∞', sum: 'Σ non-NaN', min: 'non-NaN min', max: 'non-NaN max',
  },
  reference: sketchReference,
  tolerance: {
    js: custom('bins and counts exact; sum within n·2⁻⁵²·Σ|v| (summation order)'),
    wasm: custom('bins and counts exact; sum within n·2⁻⁵²·Σ|v| (SIMD lanes sum in another order)'),
    webgpu: custom('bins and counts exact (integer table lookups, no float math); sum within 48·2⁻²⁴·Σ|v| (float32 partials)'),
  },
  compare(actual, expected, args, backend) {
    const n = args.values.length;
    return (
      sameStore(actual.negative, expected.negative, 'negative') ??
      sameStore(actual.positive, expected.positive, 'positive') ??
      sameFloats(
        [actual.zeroCount, actual.nanCount, actual.infCount, actual.min, actual.max],
        [expected.zeroCount, expected.nanCount, expected.infCount, expected.min, expected.max],
        'zero/nan/inf/min/max',
      ) ??
      sameSum(actual.sum, expected.sum, sumTolerance(backend, n, absSum(args.values)), 'sum')
    );
  },
};
