/**
 * groupedPercentile on WASM, step 2: the first half of a counting sort of the values' keys by slot
 * (wasm/assembly/lib/group-bucket-sizes.ts, group-scatter-two-step.ts, group-place.ts). A sample of the slots
 * sizes one bucket per 128 slots, one pass scatters the keys into the buckets (NaN counted per slot), and each
 * bucket's slots are counted. Placing a bucket's keys in slot order is left to the selection (radix-group-jobs),
 * which does it bucket by bucket in cache. If a bucket overflows its estimate, exact sizes are counted and the
 * scatter runs again.
 */
import type { WasmModuleHandle } from '../../backends/wasm/runtime.js';
import type { PercentileExports } from './radix-wasm-exports.js';
import type { Layout } from './radix-wasm-layout.js';
import type { KeyWidth } from './radix-wasm-width.js';

const SUPER_BITS = 7;
const SAMPLE = 1 << 14;
const SEED = 0x6a09e667;

export interface GroupSortInput {
  /** Absolute pointers: n values and their group keys (slot = group − first, in 0 … range−1). */
  values: number;
  groups: number;
  n: number;
  first: number;
  range: number;
  /** Slots sampled to size the buckets (default 16384); tests pass tiny sizes to force the exact retry. */
  sampleSize?: number;
}

/** The buckets, ready to be placed (absolute pointers; start, end and counts are u32 tables). */
export interface GroupBuckets {
  keys: number;
  low: number;
  start: number;
  end: number;
  supers: number;
  /** Keys per slot, supers·128 entries. */
  counts: number;
  /** Keys in the fullest bucket. */
  largest: number;
}

/** Returns per group [slot, count, NaN count] in ascending slot order, and the buckets holding their keys. */
export function bucketByGroup(h: WasmModuleHandle<PercentileExports>, w: KeyWidth, L: Layout, base: number, at: GroupSortInput): { info: Uint32Array; buckets: GroupBuckets } {
  const e = h.exports;
  const { values, groups, n, first, range } = at;
  const supers = range === 0 ? 0 : ((range - 1) >>> SUPER_BITS) + 1;
  const table = (entries: number) => base + L.take(entries * 4);
  const [sizes, cursor, limit, start, end] = [table(supers), table(supers), table(supers), table(supers), table(supers)];
  const counts = table(supers << SUPER_BITS);
  const nans = table(range);
  const infoAt = table(3 * range);
  h.reserve(L.bytes);
  const u32 = (p: number, len: number) => new Uint32Array(e.memory.buffer, p, len);

  // Bucket sizes from a sample (exact when it is the whole input), with room for the sampled count's spread.
  const s = Math.min(n, at.sampleSize ?? SAMPLE);
  u32(sizes, supers).fill(0);
  e.groupSuperSample(groups, n, first, s, SEED, sizes);
  let caps = Array.from(u32(sizes, supers), (c) => (s === n ? c : Math.ceil(((c + 4 * Math.sqrt(c) + 4) * n) / s) + 64));
  let tmp = bucketSpace(h, L, base, w, caps);
  for (let attempt = 0; ; attempt++) {
    let total = 0;
    caps.forEach((c, b) => {
      u32(start, supers)[b] = u32(cursor, supers)[b] = total;
      u32(limit, supers)[b] = total += c;
    });
    u32(nans, range).fill(0);
    if (w.superScatter(e, values, groups, n, first, cursor, limit, supers, tmp.keys, tmp.low, nans)) break;
    if (attempt > 0) throw new Error('groupedPercentile: exact bucket sizes overflowed');
    // The estimate was short: count exactly (an upper bound, NaN included) and scatter again.
    u32(sizes, supers).fill(0);
    e.groupSuperCount(groups, n, first, sizes);
    caps = Array.from(u32(sizes, supers));
    tmp = bucketSpace(h, L, base, w, caps);
  }
  u32(end, supers).set(u32(cursor, supers));
  u32(counts, supers << SUPER_BITS).fill(0);
  e.groupSlotCounts(tmp.low, start, end, supers, counts);
  const G = e.groupInfo(counts, nans, range, infoAt);
  let largest = 0;
  for (let b = 0; b < supers; b++) largest = Math.max(largest, u32(end, supers)[b] - u32(start, supers)[b]);
  return { info: u32(infoAt, 3 * G).slice(), buckets: { keys: tmp.keys, low: tmp.low, start, end, supers, counts, largest } };
}

/** Room for the buckets' keys and their low slot bytes. */
function bucketSpace(h: WasmModuleHandle<PercentileExports>, L: Layout, base: number, w: KeyWidth, caps: number[]): { keys: number; low: number } {
  const total = caps.reduce((a, b) => a + b, 0);
  const keys = base + L.take(total * w.bytes);
  const low = base + L.take(total);
  h.reserve(L.bytes);
  return { keys, low };
}
