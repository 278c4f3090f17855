// WASM kernels of `percentile` and `groupedPercentile`: exact radix select on order-preserving keys.
// Every function takes raw pointers into this module's memory; the hosts (engine/kernels/percentile/radix-*.wasm.ts)
// lay out input, scratch and outputs after __heap_base. Layouts and alignment are stated where each is defined.
import { selectRanks, SCRATCH_FRAMES } from './lib/radix-select';

export { __heap_base };
/** Scratch layout constants, exported so the host can check its copy of them. */
export { SCRATCH_HIST, SCRATCH_MARK, SCRATCH_FRAMES, FRAME_BYTES_PER_RANK, MAX_LEVELS } from './lib/radix-select';

/** Selects ranks (u32, ascending, distinct, < len) from len u32 keys at p (4-byte aligned; reordered);
 *  writes the keys to out (u32 each). scratch: 64-byte aligned, SCRATCH_FRAMES + MAX_LEVELS·nr·FRAME_BYTES_PER_RANK
 *  bytes, its mark table zero between calls. */
export function selectU32(p: usize, len: u32, ranks: usize, nr: u32, out: usize, scratch: usize): void {
  selectRanks<u32>(p, len, ranks, nr, out, scratch, scratch + SCRATCH_FRAMES);
}

/** As selectU32 for u64 keys (8-byte aligned); out holds u64 keys. */
export function selectU64(p: usize, len: u32, ranks: usize, nr: u32, out: usize, scratch: usize): void {
  selectRanks<u64>(p, len, ranks, nr, out, scratch, scratch + SCRATCH_FRAMES);
}

// percentile: the exact path turns the copied input into keys; the sampled path samples, then one window pass.
export { keysFromF32, keysFromF64 } from './lib/float-keys';
export { sampleKeysF32, sampleKeysF64 } from './lib/sample-keys';
export { windowPassF32x1, windowPassF32x2, windowPassF32x3, windowPassF32x4 } from './lib/window-pass-f32';
export { windowPassF64x1, windowPassF64x2, windowPassF64x3, windowPassF64x4 } from './lib/window-pass-f64';

// groupedPercentile: keys → slots, counting sort by slot, then selection per group.
export { keyRangeU32 } from './lib/radix-key-range';
export { hashReset, hashDistinct, hashGroups, hashRehash, hashKeys, remapGroups } from './lib/group-hash';
export { groupSuperSample, groupSuperCount } from './lib/group-bucket-sizes';
export { groupSuperScatterF32, groupSuperScatterF64 } from './lib/group-scatter-two-step';
export { groupSlotCounts, groupInfo } from './lib/group-place';
export { placeAndSelectU32, placeAndSelectU64 } from './lib/group-select';
