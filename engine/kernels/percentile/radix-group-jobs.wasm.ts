/**
 * groupedPercentile on WASM, last step: each group's ranks (planPercentiles, planned once per distinct group size)
 * go into a job table, and one call (placeAndSelectU32/U64) places each bucket's keys in slot order and
 * radix-selects the order statistics of that bucket's groups.
 */
import type { PercentileMethod } from '../../types.js';
import type { WasmModuleHandle } from '../../backends/wasm/runtime.js';
import { planPercentiles, type PercentilePlan } from './positions.js';
import type { PercentileExports } from './radix-wasm-exports.js';
import type { Layout } from './radix-wasm-layout.js';
import type { KeyWidth } from './radix-wasm-width.js';
import type { GroupBuckets } from './radix-group-sort.wasm.js';

const JOB_WORDS = 6;
const SUPER_BITS = 7;

export interface GroupJobsInput {
  /** The buckets of keys (radix-group-sort.wasm.ts) and the selection scratch (absolute). */
  buckets: GroupBuckets;
  scratch: number;
  /** Per group [slot, count, NaN count], in ascending slot order. */
  info: Uint32Array;
  q: Float64Array;
  method: PercentileMethod;
}

/** Returns each group's plan and its order statistics: group g's are stats[g·stride …], one per plan rank. */
export function selectPerGroup(
  h: WasmModuleHandle<PercentileExports>,
  w: KeyWidth,
  L: Layout,
  base: number,
  { buckets, scratch, info, q, method }: GroupJobsInput,
): { planOf: PercentilePlan[]; stats: Float64Array; stride: number } {
  const e = h.exports;
  const G = info.length / 3;
  const stride = 2 * q.length + 2;
  const plans = new Map<number, { plan: PercentilePlan; ranksAt: number }>();
  const rankList: number[] = [];
  const planOf: PercentilePlan[] = new Array(G);
  const jobList = new Uint32Array(G * JOB_WORDS);
  let start = 0;
  for (let g = 0; g < G; g++) {
    const bucket = info[3 * g] >>> SUPER_BITS;
    // A group's keys start after those of the lower slots of its bucket.
    if (g === 0 || bucket !== info[3 * (g - 1)] >>> SUPER_BITS) start = 0;
    const size = info[3 * g + 1];
    let entry = plans.get(size);
    if (!entry) {
      const plan = planPercentiles(size, q, method);
      entry = { plan, ranksAt: rankList.length };
      plans.set(size, entry);
      for (const r of plan.ranks) rankList.push(r);
    }
    planOf[g] = entry.plan;
    jobList.set([bucket, start, size, entry.ranksAt, entry.plan.ranks.length, g * stride], g * JOB_WORDS);
    start += size;
  }
  const ranksAt = base + L.take(rankList.length * 4);
  const jobsAt = base + L.take(jobList.byteLength);
  const outAt = base + L.take(G * stride * w.bytes);
  const placed = base + L.take(buckets.largest * w.bytes);
  const place = base + L.take(4 << SUPER_BITS);
  h.reserve(L.bytes);
  new Uint32Array(e.memory.buffer, ranksAt, rankList.length).set(rankList);
  new Uint32Array(e.memory.buffer, jobsAt, jobList.length).set(jobList);
  const { keys, low, start: from, end, supers, counts } = buckets;
  w.placeAndSelect(e, [keys, low, from, end, supers, counts, placed, place, jobsAt, G, ranksAt, outAt, scratch]);
  return { planOf, stats: w.readFloats(e.memory.buffer, outAt, G * stride), stride };
}
