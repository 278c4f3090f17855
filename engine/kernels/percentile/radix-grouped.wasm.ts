/**
 * groupedPercentile on the WASM backend: values and group keys are copied into module memory once; keys become
 * slots (radix-group-ids.wasm.ts); a counting sort by slot buckets every non-NaN key by 128 slots
 * (radix-group-sort.wasm.ts); then one call places each bucket's keys in slot order, in cache, and radix-selects
 * each of its groups' ranks (radix-group-jobs.wasm.ts).
 */
import type { NumericArray, PercentileMethod } from '../../types.js';
import type { WasmModuleHandle } from '../../backends/wasm/runtime.js';
import type { GroupedPercentileOut } from './grouped-percentile.contract.js';
import { finishPercentiles } from './positions.js';
import type { PercentileExports } from './radix-wasm-exports.js';
import { Layout, SCRATCH_MARK, scratchBytes } from './radix-wasm-layout.js';
import { widthOf } from './radix-wasm-width.js';
import { groupSlots } from './radix-group-ids.wasm.js';
import { selectPerGroup } from './radix-group-jobs.wasm.js';
import { bucketByGroup } from './radix-group-sort.wasm.js';

export function radixGroupedWasm(
  h: WasmModuleHandle<PercentileExports>,
  values: NumericArray,
  groups: Uint32Array,
  q: Float64Array,
  method: PercentileMethod,
): GroupedPercentileOut {
  const e = h.exports;
  const w = widthOf(values);
  const n = values.length;
  const m = q.length;
  const L = new Layout();
  const base = h.reserve(0);
  const valuesAt = base + L.take(n * w.bytes);
  const groupsAt = base + L.take(n * 4);
  const scratch = base + L.take(scratchBytes(2 * m + 2));
  h.reserve(L.bytes);
  w.copyIn(e.memory.buffer, valuesAt, values);
  new Uint32Array(e.memory.buffer, groupsAt, n).set(groups);
  // Insurance: the selection keeps its bin marks zero, but a trap mid-call would leave them dirty.
  new Uint8Array(e.memory.buffer, scratch + SCRATCH_MARK, SCRATCH_MARK).fill(0);

  const slots = groupSlots(h, L, base, groupsAt, n);
  const { info, buckets } = bucketByGroup(h, w, L, base, { values: valuesAt, groups: groupsAt, n, first: slots.base, range: slots.range });
  const G = info.length / 3;
  const { planOf, stats, stride } = selectPerGroup(h, w, L, base, { buckets, scratch, info, q, method });
  const out: GroupedPercentileOut = {
    keys: new Uint32Array(G),
    counts: new Float64Array(G),
    nanCounts: new Float64Array(G),
    values: new Float64Array(G * m),
  };
  for (let g = 0; g < G; g++) {
    out.keys[g] = slots.keyOf(info[3 * g]);
    out.counts[g] = info[3 * g + 1];
    out.nanCounts[g] = info[3 * g + 2];
    out.values.set(finishPercentiles(planOf[g], stats.subarray(g * stride, (g + 1) * stride)), g * m);
  }
  return out;
}
