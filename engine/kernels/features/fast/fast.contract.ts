/**
 * Kernel `fastFeatures`: the 'fast' feature set (fast-layout.ts) for a batch of series, one row per series
 * plus a status byte. Reference: fast-reference.ts (plain f64, two passes, sort, O(n²) DFT).
 * Tolerances (fast-compare.ts): JS sums in f64; WASM and WebGPU in f32 and are compared with the reference
 * run on the input rounded to f32 (the precision they see). Statuses, counts, min/max/percentiles and peak
 * counts must match exactly; the rest within per-column bounds stated in fast-compare.ts.
 */
import type { KernelDef } from '../../contract.js';
import type { SeriesBatch } from '../series-input.js';
import { fastLayout, type FastConfig } from './fast-layout.js';
import { referenceRow } from './fast-reference.js';
import { compareFast, TOLERANCE_NOTE } from './fast-compare.js';

export interface FastArgs extends SeriesBatch, FastConfig {}

export interface FastOut {
  /** count × width, row-major, width = fastLayout(cfg).width. */
  values: Float64Array;
  /** Per series: 0 ok, 1 too short, 2 non-finite, 3 constant. */
  status: Uint8Array;
}

export function fastReference(args: FastArgs): FastOut {
  const L = fastLayout(args);
  const count = args.starts.length;
  const values = new Float64Array(count * L.width);
  const status = new Uint8Array(count);
  const row = new Float64Array(L.width);
  for (let i = 0; i < count; i++) {
    const x = args.values.subarray(args.starts[i], args.starts[i] + args.lengths[i]);
    status[i] = referenceRow(x, args, L, row);
    values.set(row, i * L.width);
  }
  return { values, status };
}

export const fastFeaturesKernel: KernelDef<FastArgs, FastOut> = {
  name: 'fastFeatures',
  summary: "The 'fast' time-series feature set: moments, percentiles, autocorrelation, trend, changes, spectral shape.",
  inputs: { values: 'Float32Array | Float64Array', starts: 'Uint32Array', lengths: 'Uint32Array' },
  attributes: { lags: 'Uint32Array of autocorrelation lags', bands: 'Float64Array of band edges (fractions of Nyquist)' },
  outputs: { values: 'series × features, row-major (names from fastLayout)', status: 'Uint8Array per series' },
  reference: fastReference,
  tolerance: {
    js: { kind: 'custom', why: TOLERANCE_NOTE.js },
    wasm: { kind: 'custom', why: TOLERANCE_NOTE.f32 },
    webgpu: { kind: 'custom', why: TOLERANCE_NOTE.f32 },
  },
  compare: (actual, expected, args, backend) => compareFast(actual, expected, args, backend, fastReference),
};
