/**
 * Kernel `percentile`: exact numpy-method percentiles of one array.
 * Backends select order statistics by radix select on order-preserving keys (order-keys.ts) and hand them
 * to finishPercentiles (positions.ts); NaN never takes part (counted in nanCount; the engine applies the
 * caller's nan policy). The result is exact for the input precision, so every backend must equal the
 * sort-based reference bit for bit.
 */
import type { KernelDef } from '../contract.js';
import type { NumericArray, PercentileMethod } from '../../types.js';
import { finishPercentiles, planPercentiles } from './positions.js';
import { sameFloats } from '../compare.js';

export interface PercentileArgs {
  values: NumericArray;
  /** Each in [0, 1]. */
  q: Float64Array;
  method: PercentileMethod;
}

export interface PercentileOut {
  /** One per q. */
  values: Float64Array;
  /** Non-NaN values. */
  count: number;
  nanCount: number;
}

/** Sorts a float64 copy of the non-NaN values; the obviously-correct yardstick. */
export function percentileReference({ values, q, method }: PercentileArgs): PercentileOut {
  const kept: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) kept.push(values[i]);
  const sorted = Float64Array.from(kept).sort();
  const plan = planPercentiles(sorted.length, q, method);
  const stats = Array.from(plan.ranks, (r) => sorted[r]);
  return { values: finishPercentiles(plan, stats), count: sorted.length, nanCount: values.length - sorted.length };
}

export const percentileKernel: KernelDef<PercentileArgs, PercentileOut> = {
  name: 'percentile',
  summary: 'Exact percentiles (numpy methods) by radix select; all q from the same passes.',
  inputs: { values: 'Float32Array | Float64Array, any length; NaN is counted and left out' },
  attributes: { q: 'Float64Array of probabilities in [0, 1]', method: "'linear' | 'lower' | 'higher' | 'nearest' | 'midpoint'" },
  outputs: { values: 'Float64Array, one per q', count: 'non-NaN values', nanCount: 'NaN values' },
  reference: percentileReference,
  tolerance: { js: { kind: 'exact' }, wasm: { kind: 'exact' }, webgpu: { kind: 'exact' } },
  compare(actual, expected) {
    if (actual.count !== expected.count) return `count ${actual.count} ≠ ${expected.count}`;
    if (actual.nanCount !== expected.nanCount) return `nanCount ${actual.nanCount} ≠ ${expected.nanCount}`;
    return sameFloats(actual.values, expected.values, 'values');
  },
};
