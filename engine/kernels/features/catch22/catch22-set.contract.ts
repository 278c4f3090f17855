/**
 * Kernel `catch22Set`: catch22 (22 columns) or catch24 (+ mean, std) of every series of a batch, f64.
 * The reference is the JS implementation (catch22.ts), itself checked against the published reference
 * outputs in ../shared/data/catch22 (test/features/catch22.test.ts); the WASM port follows the same
 * arithmetic order, so the two agree to within a few ulps (1e-9 relative is the contract), statuses exactly.
 */
import type { KernelDef } from '../../contract.js';
import type { SeriesBatch } from '../series-input.js';
import { closeFloats, sameFloats } from '../../compare.js';
import { catch22Series } from './catch22.js';

export interface Catch22Args extends SeriesBatch {
  catch24: boolean;
}

export interface Catch22Out {
  /** count × (22 | 24), row-major. */
  values: Float64Array;
  /** Per series: SeriesStatus (0 ok, 1 too short, 2 non-finite, 3 constant). */
  status: Uint8Array;
}

export const catch22Width = (catch24: boolean): number => (catch24 ? 24 : 22);

export function catch22Reference({ values, starts, lengths, catch24 }: Catch22Args, signal?: () => void): Catch22Out {
  const width = catch22Width(catch24);
  const count = starts.length;
  const out = new Float64Array(count * width);
  const status = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    if ((i & 63) === 63) signal?.();
    const x = Float64Array.from(values.subarray(starts[i], starts[i] + lengths[i]));
    status[i] = catch22Series(x, out, i * width, catch24);
  }
  return { values: out, status };
}

export const catch22Kernel: KernelDef<Catch22Args, Catch22Out> = {
  name: 'catch22Set',
  summary: 'catch22 / catch24 per series (f64), shared z-score, FFT autocorrelation and selection per series.',
  inputs: { values: 'Float32Array | Float64Array', starts: 'Uint32Array', lengths: 'Uint32Array' },
  attributes: { catch24: 'boolean: add DN_Mean and DN_Spread_Std' },
  outputs: { values: 'count × 22|24 f64', status: 'Uint8Array per series' },
  reference: (args) => catch22Reference(args),
  tolerance: { js: { kind: 'exact' }, wasm: { kind: 'close', abs: 1e-9, rel: 1e-9 }, webgpu: { kind: 'exact' } },
  compare(actual, expected, _args, backend) {
    return (
      sameFloats(actual.status, expected.status, 'status') ??
      (backend === 'wasm' ? closeFloats(actual.values, expected.values, 1e-9, 1e-9, 'values') : sameFloats(actual.values, expected.values, 'values'))
    );
  },
};
