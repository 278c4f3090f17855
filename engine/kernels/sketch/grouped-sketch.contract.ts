/**
 * Kernel `groupedSketch`: one DDSketch per group key, as a dense [groups × bins] count matrix per sign.
 * All groups share one bin window per sign: the union of their bins, cut to the highest maxBins (lower bins
 * collapse into the window's lowest column). A group's row therefore equals its own sketch whenever the
 * union spans ≤ maxBins bins. Bins and counts are exact on every backend; sums depend on summation order.
 */
import type { KernelDef, Tolerance } from '../contract.js';
import type { NumericArray } from '../../types.js';
import { sameFloats } from '../compare.js';
import { absSum, sameSum, sketchReference, sumTolerance, type SketchOut } from './sketch.contract.js';

export interface GroupedSketchArgs {
  values: NumericArray;
  /** Same length as values. */
  groups: Uint32Array;
  relativeAccuracy: number;
  maxBins: number;
}

export interface GroupedSketchOut {
  /** Distinct keys, ascending; row g of every array belongs to keys[g]. */
  keys: Uint32Array;
  /** Bin index of column 0, and columns, per sign. */
  negLo: number;
  negWidth: number;
  posLo: number;
  posWidth: number;
  /** keys.length × negWidth, row-major: bins of |v| for v < 0. */
  negative: Float64Array;
  /** keys.length × posWidth, row-major. */
  positive: Float64Array;
  zeroCounts: Float64Array;
  nanCounts: Float64Array;
  infCounts: Float64Array;
  sums: Float64Array;
  mins: Float64Array;
  maxs: Float64Array;
}

/** The shared window of one sign: the union [lo, hi] cut to its highest maxBins bins. */
export function windowOf(lo: number, hi: number, maxBins: number): { lo: number; width: number } {
  if (lo > hi) return { lo: 0, width: 0 };
  const wlo = Math.max(lo, hi - maxBins + 1);
  return { lo: wlo, width: hi - wlo + 1 };
}

export function groupedSketchReference({ values, groups, relativeAccuracy, maxBins }: GroupedSketchArgs): GroupedSketchOut {
  const byKey = new Map<number, number[]>();
  for (let i = 0; i < values.length; i++) {
    let list = byKey.get(groups[i]);
    if (!list) byKey.set(groups[i], (list = []));
    list.push(values[i]);
  }
  const keys = Uint32Array.from(byKey.keys()).sort();
  const per: SketchOut[] = Array.from(keys, (k) => sketchReference({ values: Float64Array.from(byKey.get(k)!), relativeAccuracy, maxBins: Infinity }));
  const span = (side: 'negative' | 'positive'): { lo: number; width: number } => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of per) {
      if (s[side].counts.length === 0) continue;
      lo = Math.min(lo, s[side].offset);
      hi = Math.max(hi, s[side].offset + s[side].counts.length - 1);
    }
    return windowOf(lo, hi, maxBins);
  };
  const neg = span('negative');
  const pos = span('positive');
  const G = keys.length;
  const out: GroupedSketchOut = {
    keys, negLo: neg.lo, negWidth: neg.width, posLo: pos.lo, posWidth: pos.width,
    negative: new Float64Array(G * neg.width), positive: new Float64Array(G * pos.width),
    zeroCounts: new Float64Array(G), nanCounts: new Float64Array(G), infCounts: new Float64Array(G),
    sums: new Float64Array(G), mins: new Float64Array(G), maxs: new Float64Array(G),
  };
  per.forEach((s, g) => {
    for (const [side, w, m] of [['negative', neg, out.negative], ['positive', pos, out.positive]] as const) {
      s[side].counts.forEach((c, i) => {
        m[g * w.width + Math.max(s[side].offset + i, w.lo) - w.lo] += c;
      });
    }
    out.zeroCounts[g] = s.zeroCount;
    out.nanCounts[g] = s.nanCount;
    out.infCounts[g] = s.infCount;
    out.sums[g] = s.sum;
    out.mins[g] = s.min;
    out.maxs[g] = s.max;
  });
  return out;
}

const custom = (why: string): Tolerance => ({ kind: 'custom', why });

export const groupedSketchKernel: KernelDef<GroupedSketchArgs, GroupedSketchOut> = {
  name: 'groupedSketch',
  summary: 'DDSketch per group key: dense [groups × bins] counts over one shared window per sign.',
  inputs: { values: 'Float32Array | Float64Array', groups: 'Uint32Array of keys, same length' },
  attributes: { relativeAccuracy: 'α in (0, 1)', maxBins: 'width of the shared window per sign' },
  outputs: {
    keys: 'distinct keys ascending', negative: 'keys × negWidth counts', positive: 'keys × posWidth counts',
    zeroCounts: 'per key', nanCounts: 'per key', infCounts: 'per key', sums: 'per key', mins: 'per key', maxs: 'per key',
  },
  reference: groupedSketchReference,
  tolerance: {
    js: custom('windows and counts exact; per-group sum within n·2⁻⁵²·Σ|v|'),
    wasm: custom('windows and counts exact; per-group sum within n·2⁻⁵²·Σ|v|'),
    webgpu: custom('windows and counts exact; per-group sums are summed on the host (float64)'),
  },
  compare(actual, expected, args) {
    const head = sameFloats(
      [actual.negLo, actual.negWidth, actual.posLo, actual.posWidth],
      [expected.negLo, expected.negWidth, expected.posLo, expected.posWidth],
      'windows (negLo, negWidth, posLo, posWidth)',
    );
    const exact =
      head ??
      sameFloats(actual.keys, expected.keys, 'keys') ??
      sameFloats(actual.negative, expected.negative, 'negative') ??
      sameFloats(actual.positive, expected.positive, 'positive') ??
      sameFloats(actual.zeroCounts, expected.zeroCounts, 'zeroCounts') ??
      sameFloats(actual.nanCounts, expected.nanCounts, 'nanCounts') ??
      sameFloats(actual.infCounts, expected.infCounts, 'infCounts') ??
      sameFloats(actual.mins, expected.mins, 'mins') ??
      sameFloats(actual.maxs, expected.maxs, 'maxs');
    if (exact) return exact;
    const n = args.values.length;
    const abs = absSum(args.values);
    for (let g = 0; g < expected.keys.length; g++) {
      const bad = sameSum(actual.sums[g], expected.sums[g], sumTolerance('js', n, abs), `sums[${g}]`);
      if (bad) return bad;
    }
    return null;
  },
};
