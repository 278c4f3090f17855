/**
 * Kernel `groupedPercentile`: exact percentiles per group key in one call.
 * Keys are any uint32 (dense or sparse); the output lists distinct keys ascending. Backends bucket values by
 * group into one working buffer (counting sort), then select per group; NaN is counted per group.
 */
import type { KernelDef } from '../contract.js';
import type { NumericArray, PercentileMethod } from '../../types.js';
import { percentileReference } from './percentile.contract.js';
import { sameFloats } from '../compare.js';

export interface GroupedPercentileArgs {
  values: NumericArray;
  /** Same length as values. */
  groups: Uint32Array;
  q: Float64Array;
  method: PercentileMethod;
}

export interface GroupedPercentileOut {
  keys: Uint32Array;
  /** Non-NaN values per key. */
  counts: Float64Array;
  nanCounts: Float64Array;
  /** keys.length × q.length, row-major. */
  values: Float64Array;
}

export function groupedPercentileReference({ values, groups, q, method }: GroupedPercentileArgs): GroupedPercentileOut {
  const byKey = new Map<number, number[]>();
  for (let i = 0; i < values.length; i++) {
    let list = byKey.get(groups[i]);
    if (!list) byKey.set(groups[i], (list = []));
    list.push(values[i]);
  }
  const keys = Uint32Array.from(byKey.keys()).sort();
  const m = q.length;
  const out: GroupedPercentileOut = {
    keys,
    counts: new Float64Array(keys.length),
    nanCounts: new Float64Array(keys.length),
    values: new Float64Array(keys.length * m),
  };
  keys.forEach((key, g) => {
    const r = percentileReference({ values: Float64Array.from(byKey.get(key)!), q, method });
    out.counts[g] = r.count;
    out.nanCounts[g] = r.nanCount;
    out.values.set(r.values, g * m);
  });
  return out;
}

export const groupedPercentileKernel: KernelDef<GroupedPercentileArgs, GroupedPercentileOut> = {
  name: 'groupedPercentile',
  summary: 'Exact percentiles per group key (counting sort by group, then radix select per group).',
  inputs: { values: 'Float32Array | Float64Array', groups: 'Uint32Array of keys, same length' },
  attributes: { q: 'Float64Array in [0, 1]', method: 'numpy method' },
  outputs: { keys: 'distinct keys ascending', counts: 'non-NaN per key', nanCounts: 'NaN per key', values: 'keys × q row-major' },
  reference: groupedPercentileReference,
  tolerance: { js: { kind: 'exact' }, wasm: { kind: 'exact' }, webgpu: { kind: 'exact' } },
  compare(actual, expected) {
    return (
      sameFloats(actual.keys, expected.keys, 'keys') ??
      sameFloats(actual.counts, expected.counts, 'counts') ??
      sameFloats(actual.nanCounts, expected.nanCounts, 'nanCounts') ??
      sameFloats(actual.values, expected.values, 'values')
    );
  },
};
