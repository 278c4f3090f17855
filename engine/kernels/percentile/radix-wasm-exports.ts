/**
 * The exports of wasm/assembly/percentile.ts, typed. Every pointer is a byte offset into the module's memory;
 * the layouts are stated on the AssemblyScript side and mirrored by radix-wasm-layout.ts.
 */
import type { ScratchExports } from '../../backends/wasm/runtime.js';

/** tmpKeys, tmpLow, start, end, supers, counts, placed, place, jobs, count, ranks, out, scratch. */
export type PlaceAndSelectArgs = [number, number, number, number, number, number, number, number, number, number, number, number, number];

export interface PercentileExports extends ScratchExports {
  /** Replaces n floats at p by their order keys in place; returns the NaN count. */
  keysFromF32(p: number, n: number): number;
  keysFromF64(p: number, n: number): number;
  /** Keys of ranks (u32, ascending, distinct, < len) among len keys at p (reordered) → out. */
  selectU32(p: number, len: number, ranks: number, nr: number, out: number, scratch: number): void;
  selectU64(p: number, len: number, ranks: number, nr: number, out: number, scratch: number): void;
  /** Stratified sample of s keys → dst; returns how many were NaN. */
  sampleKeysF32(p: number, n: number, s: number, seed: number, dst: number): number;
  sampleKeysF64(p: number, n: number, s: number, seed: number, dst: number): number;
  /** One counting/compacting pass against the block's first 1–4 value windows (layout in radix-wasm-layout.ts). */
  windowPassF32x1(p: number, n: number, win: number): void;
  windowPassF32x2(p: number, n: number, win: number): void;
  windowPassF32x3(p: number, n: number, win: number): void;
  windowPassF32x4(p: number, n: number, win: number): void;
  windowPassF64x1(p: number, n: number, win: number): void;
  windowPassF64x2(p: number, n: number, win: number): void;
  windowPassF64x3(p: number, n: number, win: number): void;
  windowPassF64x4(p: number, n: number, win: number): void;

  /** Min and max of n u32 as (max << 32) | min. */
  keyRangeU32(p: number, n: number): bigint;
  /** Counting sort by group slot in two steps (wasm/assembly/lib/group-bucket-sizes.ts, group-scatter-two-step.ts,
   *  group-place.ts). */
  groupSuperSample(groups: number, n: number, base: number, s: number, seed: number, superCounts: number): void;
  groupSuperCount(groups: number, n: number, base: number, superCounts: number): void;
  groupSuperScatterF32(values: number, groups: number, n: number, base: number, cursor: number, limit: number, supers: number, tmpKeys: number, tmpLow: number, nans: number): number;
  groupSuperScatterF64(values: number, groups: number, n: number, base: number, cursor: number, limit: number, supers: number, tmpKeys: number, tmpLow: number, nans: number): number;
  groupSlotCounts(tmpLow: number, start: number, end: number, supers: number, counts: number): void;
  groupInfo(counts: number, nans: number, range: number, info: number): number;
  /** Sparse keys → ids (wasm/assembly/lib/group-hash.ts). */
  hashReset(): void;
  hashDistinct(): number;
  hashGroups(groups: number, n: number, from: number, table: number, cap: number): number;
  hashRehash(old: number, oldCap: number, table: number, cap: number): void;
  hashKeys(table: number, cap: number, keys: number): void;
  remapGroups(groups: number, n: number, rank: number): void;
  /** Places each bucket in slot order and radix-selects its groups over a job table (wasm/assembly/lib/group-select.ts). */
  placeAndSelectU32(...args: PlaceAndSelectArgs): void;
  placeAndSelectU64(...args: PlaceAndSelectArgs): void;
}
