/**
 * Kernel `rfft`: batched real FFT. Each series is truncated or zero-padded to n (a power of two), after an
 * optional periodic Hann window over its own samples; the output is n/2 + 1 bins per series, either
 * magnitudes or interleaved (re, im) pairs, in the input's precision (Float32Array in → Float32Array out).
 *
 * Reference: the plain O(n²) DFT in f64 (dft-reference.ts). Tolerance, per series and bin:
 * |X − X_ref| ≤ ε · max_k |X_ref[k]| · max(1, log2 n) — FFT rounding error grows with log2 n and is
 * relative to the spectrum's scale, not to each (possibly near-zero) bin. ε = 1e-12 for f64 results (JS),
 * 1e-6 wherever f32 is involved (WASM and WebGPU compute in f32; f32 input or output on any backend).
 * An absolute floor of 1e-150·n (f64) or 1e-18·n (f32) covers tiny inputs, whose squares underflow in the
 * magnitude (|X| = √(re² + im²) is not rescaled). A series with NaN/±Inf gives a non-finite value in every bin (which are NaN and which ±Inf is
 * backend-dependent; the imaginary parts of bins 0 and n/2 are exactly 0), and f32 results overflow to
 * ±Inf past ~3.4e38.
 */
import type { KernelDef } from '../../contract.js';
import type { BackendName } from '../../../types.js';
import type { SeriesBatch } from '../series-input.js';
import { naiveRealDft } from './dft-reference.js';
import { hannWindow } from './hann.js';

export type RfftWindow = 'none' | 'hann';
export type RfftOutput = 'magnitude' | 'complex';

export interface RfftArgs extends SeriesBatch {
  /** FFT size, a power of two ≥ 1. */
  n: number;
  window: RfftWindow;
  output: RfftOutput;
}

export interface RfftOut {
  /** Series-major rows of `bins` magnitudes, or of `bins` (re, im) pairs. */
  values: Float32Array | Float64Array;
  bins: number;
}

export const EPS_F64 = 1e-12;
export const EPS_F32 = 1e-6;

export function rfftBins(n: number): number {
  return Math.floor(n / 2) + 1;
}

/** Series i's first min(length, n) samples, windowed, as f64. */
export function preparedSeries(args: SeriesBatch & { n: number; window: RfftWindow }, i: number): Float64Array {
  const use = Math.min(args.lengths[i], args.n);
  const x = Float64Array.from(args.values.subarray(args.starts[i], args.starts[i] + use));
  if (args.window === 'hann') {
    const w = hannWindow(use);
    for (let t = 0; t < use; t++) x[t] *= w[t];
  }
  return x;
}

export function rfftReference(args: RfftArgs): RfftOut {
  const bins = rfftBins(args.n);
  const width = args.output === 'complex' ? 2 * bins : bins;
  const out = new Float64Array(args.starts.length * width);
  for (let i = 0; i < args.starts.length; i++) {
    const { re, im } = naiveRealDft(preparedSeries(args, i), args.n);
    for (let k = 0; k < bins; k++) {
      if (args.output === 'complex') {
        out[i * width + 2 * k] = re[k];
        out[i * width + 2 * k + 1] = im[k];
      } else out[i * width + k] = Math.hypot(re[k], im[k]);
    }
  }
  return { values: out, bins };
}

function binError(a: ArrayLike<number>, e: ArrayLike<number>, at: number, complex: boolean): number {
  if (!complex) return Math.abs(a[at] - e[at]);
  return Math.hypot(a[2 * at] - e[2 * at], a[2 * at + 1] - e[2 * at + 1]);
}

export function compareRfft(actual: RfftOut, expected: RfftOut, args: RfftArgs, backend: BackendName): string | null {
  const wantF32 = args.values instanceof Float32Array;
  if (wantF32 !== actual.values instanceof Float32Array) return `values: ${actual.values.constructor.name} for ${args.values.constructor.name} input`;
  if (actual.bins !== expected.bins) return `bins ${actual.bins} ≠ ${expected.bins}`;
  if (actual.values.length !== expected.values.length) return `values: length ${actual.values.length} ≠ ${expected.values.length}`;
  const complex = args.output === 'complex';
  const width = complex ? 2 * expected.bins : expected.bins;
  const eps = backend === 'js' && !wantF32 ? EPS_F64 : EPS_F32;
  const growth = Math.max(1, Math.log2(args.n));
  for (let i = 0; i < args.starts.length; i++) {
    const a = actual.values.subarray(i * width, (i + 1) * width);
    const e = expected.values.subarray(i * width, (i + 1) * width);
    let max = 0;
    let finite = true;
    for (let k = 0; k < expected.bins; k++) {
      const mag = complex ? Math.hypot(e[2 * k], e[2 * k + 1]) : e[k];
      if (!Number.isFinite(mag)) finite = false;
      max = Math.max(max, mag);
    }
    if (!finite) {
      for (let k = 0; k < expected.bins; k++) {
        const fin = complex ? Number.isFinite(a[2 * k]) && Number.isFinite(a[2 * k + 1]) : Number.isFinite(a[k]);
        if (fin) return `series ${i}: input has NaN/Inf but bin ${k} is finite`;
      }
      continue;
    }
    const bound = eps * max * growth + (eps === EPS_F64 ? 1e-150 : 1e-18) * args.n;
    for (let k = 0; k < expected.bins; k++) {
      const err = binError(a, e, k, complex);
      if (!(err <= bound)) return `series ${i} bin ${k}: error ${err} > ${bound} (ε ${eps}, max |X| ${max})`;
    }
  }
  return null;
}

export const rfftKernel: KernelDef<RfftArgs, RfftOut> = {
  name: 'rfft',
  summary: 'Batched real FFT (power-of-two n, zero-padded/truncated, optional Hann), magnitude or complex bins.',
  inputs: { values: 'Float32Array | Float64Array', starts: 'Uint32Array, series start', lengths: 'Uint32Array, series length' },
  attributes: { n: 'FFT size, power of two', window: "'none' | 'hann' (periodic, over the series' samples)", output: "'magnitude' | 'complex'" },
  outputs: { values: 'series × (n/2+1) magnitudes or × 2(n/2+1) interleaved re, im; dtype of the input', bins: 'n/2 + 1' },
  reference: rfftReference,
  tolerance: {
    js: { kind: 'custom', why: `|X − X_ref| ≤ ε·max|X_ref|·log2 n, ε = ${EPS_F64} for f64 input, ${EPS_F32} for f32` },
    wasm: { kind: 'custom', why: `f32 compute: |X − X_ref| ≤ ${EPS_F32}·max|X_ref|·log2 n` },
    webgpu: { kind: 'custom', why: `f32 compute: |X − X_ref| ≤ ${EPS_F32}·max|X_ref|·log2 n` },
  },
  compare: compareRfft,
};
