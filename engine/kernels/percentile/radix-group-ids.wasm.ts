/**
 * groupedPercentile on WASM, step 1: group keys (copied into module memory) → slots for the counting sort.
 * Dense keys (range within DENSE_RANGE) use key − min as the slot directly; sparse keys are hashed to ids in
 * module memory (the table grows on demand), and the ids are renumbered in ascending key order, so slot order is
 * key order either way.
 */
import type { WasmModuleHandle } from '../../backends/wasm/runtime.js';
import type { PercentileExports } from './radix-wasm-exports.js';
import type { Layout } from './radix-wasm-layout.js';

/** Slot tables up to this many entries (or n/2 for larger inputs) are cheaper than hashing. */
const DENSE_RANGE = 1 << 16;
const FIRST_CAP = 1 << 10;

export interface GroupSlots {
  /** slot = group − base for every value, in 0 … range−1. */
  base: number;
  range: number;
  /** The group key of a slot. */
  keyOf(slot: number): number;
}

/** groups: n u32 at `groups` (absolute); may be rewritten in place (sparse keys become ids). */
export function groupSlots(h: WasmModuleHandle<PercentileExports>, L: Layout, base: number, groups: number, n: number): GroupSlots {
  const e = h.exports;
  const packed = BigInt.asUintN(64, e.keyRangeU32(groups, n));
  const lo = Number(packed & 0xffffffffn);
  const hi = Number(packed >> 32n);
  if (n === 0) return { base: 0, range: 0, keyOf: (s) => s };
  if (hi - lo < Math.max(DENSE_RANGE, n / 2)) return { base: lo, range: hi - lo + 1, keyOf: (s) => lo + s };

  e.hashReset();
  let cap = FIRST_CAP;
  let table = base + L.take(cap * 8);
  h.reserve(L.bytes);
  new Uint8Array(e.memory.buffer, table, cap * 8).fill(0);
  for (let from = 0; (from = e.hashGroups(groups, n, from, table, cap)) < n; ) {
    const bigger = base + L.take(cap * 32);
    h.reserve(L.bytes);
    new Uint8Array(e.memory.buffer, bigger, cap * 32).fill(0);
    e.hashRehash(table, cap, bigger, cap * 4);
    table = bigger;
    cap *= 4;
  }
  const distinct = e.hashDistinct();
  const keysAt = base + L.take(distinct * 4);
  const rankAt = base + L.take(distinct * 4);
  h.reserve(L.bytes);
  e.hashKeys(table, cap, keysAt);
  const byId = new Uint32Array(e.memory.buffer, keysAt, distinct);
  const sorted = byId.slice().sort();
  // Rank of each id: its key's position among the sorted distinct keys.
  const position = new Map<number, number>();
  sorted.forEach((key, i) => position.set(key, i));
  const rank = new Uint32Array(e.memory.buffer, rankAt, distinct);
  for (let id = 0; id < distinct; id++) rank[id] = position.get(byId[id])!;
  e.remapGroups(groups, n, rankAt);
  return { base: 0, range: distinct, keyOf: (s) => sorted[s] };
}
