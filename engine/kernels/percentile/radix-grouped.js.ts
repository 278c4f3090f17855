/**
 * groupedPercentile on the JS backend: group keys → slots (radix-group-slots.js.ts); a counting sort by slot puts
 * every non-NaN key into its group's segment of one working Uint32Array (f64 keys as [hi, lo] pairs); then radix
 * select per group (radix-select-small.js.ts), with one plan per distinct group size.
 */
import type { NumericArray, PercentileMethod } from '../../types.js';
import type { GroupedPercentileOut } from './grouped-percentile.contract.js';
import { finishPercentiles, planPercentiles, type PercentilePlan } from './positions.js';
import { fromKeyF32, fromKeyF64 } from './order-keys.js';
import { groupSlotsJs } from './radix-group-slots.js.js';
import { sortF32ByGroup, sortF64ByGroup } from './radix-group-sort.js.js';
import { selectKeys } from './radix-select.js.js';
import { selectSmallKeys, SMALL_GROUP } from './radix-select-small.js.js';

export function radixGroupedJs(values: NumericArray, groups: Uint32Array, q: Float64Array, method: PercentileMethod): GroupedPercentileOut {
  const stride = values instanceof Float64Array ? 2 : 1;
  const slots = groupSlotsJs(groups);
  const words = new Int32Array(values.buffer, values.byteOffset, values.length * stride);
  const { present, counts, nans, work } = stride === 1 ? sortF32ByGroup(words, slots) : sortF64ByGroup(words, slots);

  const G = present.length;
  const m = q.length;
  const out: GroupedPercentileOut = { keys: new Uint32Array(G), counts: new Float64Array(G), nanCounts: new Float64Array(G), values: new Float64Array(G * m) };
  const plans = new Map<number, PercentilePlan>();
  const keys = new Uint32Array((2 * m + 2) * stride);
  const stats = new Float64Array(2 * m + 2);
  let start = 0;
  for (let g = 0; g < G; g++) {
    const s = present[g];
    const size = counts[s];
    let plan = plans.get(size);
    if (!plan) plans.set(size, (plan = planPercentiles(size, q, method)));
    const nr = plan.ranks.length;
    if (size <= SMALL_GROUP) selectSmallKeys(work, stride, start, size, plan.ranks, keys);
    else selectKeys(work, stride, start, size, plan.ranks, keys);
    for (let i = 0; i < nr; i++) stats[i] = stride === 1 ? fromKeyF32(keys[i]) : fromKeyF64(keys[2 * i], keys[2 * i + 1]);
    out.keys[g] = slots.keyOf(s);
    out.counts[g] = size;
    out.nanCounts[g] = nans[s];
    out.values.set(finishPercentiles(plan, stats.subarray(0, nr)), g * m);
    start += size;
  }
  return out;
}
