// Per-group selection for `groupedPercentile`, fused with the last step of the counting sort: each bucket of
// 128 slots is placed in slot order into a buffer that stays in cache, and its groups are radix-selected from it
// right away (placing all keys first would write the whole input out to memory and read it back).
import { selectRanks, SCRATCH_FRAMES } from './radix-select';
import { selectSmall, SMALL_GROUP } from './radix-select-small';
import { placeBucket } from './group-place';
import { SUPER_BITS } from './group-bucket-sizes';

// Job record: bucket, start in the bucket's placed keys, len, ranksAt, nr, outAt (u32 each).
const JOB: usize = 24;

/**
 * Buckets as for groupSlotCounts (tmpKeys/tmpLow, start/end per bucket, slot counts). jobs: count records in
 * bucket order [bucket, start, len, ranksAt, nr, outAt]: the group's keys are placed[start … start+len) of its
 * bucket, its ranks (u32, ascending, < len) at ranks + ranksAt·4, its keys go to out + outAt·sizeof<K>.
 * placed: room for the largest bucket (K each); place: 128 u32. scratch as for selectRanks (frames for the
 * largest nr).
 */
@inline function placeAndSelect<K>(tmpKeys: usize, tmpLow: usize, start: usize, end: usize, supers: u32, counts: usize, placed: usize, place: usize, jobs: usize, count: u32, ranks: usize, out: usize, scratch: usize): void {
  const S = alignof<K>();
  let g: usize = 0;
  for (let b: usize = 0; b < <usize>supers; b++) {
    const from = <usize>load<u32>(start + (b << 2));
    const to = <usize>load<u32>(end + (b << 2));
    placeBucket<K>(tmpKeys, tmpLow, from, to, counts + (b << (SUPER_BITS + 2)), placed, place);
    for (; g < <usize>count && <usize>load<u32>(jobs + g * JOB) == b; g++) {
      const j = jobs + g * JOB;
      const keys = placed + (<usize>load<u32>(j, 4) << S);
      const len = load<u32>(j, 8);
      const at = ranks + (<usize>load<u32>(j, 12) << 2);
      const nr = load<u32>(j, 16);
      const to = out + (<usize>load<u32>(j, 20) << S);
      if (len <= SMALL_GROUP) selectSmall<K>(keys, len, at, nr, to, scratch, scratch + SCRATCH_FRAMES);
      else selectRanks<K>(keys, len, at, nr, to, scratch, scratch + SCRATCH_FRAMES);
    }
  }
}

export function placeAndSelectU32(tmpKeys: usize, tmpLow: usize, start: usize, end: usize, supers: u32, counts: usize, placed: usize, place: usize, jobs: usize, count: u32, ranks: usize, out: usize, scratch: usize): void {
  placeAndSelect<u32>(tmpKeys, tmpLow, start, end, supers, counts, placed, place, jobs, count, ranks, out, scratch);
}

export function placeAndSelectU64(tmpKeys: usize, tmpLow: usize, start: usize, end: usize, supers: u32, counts: usize, placed: usize, place: usize, jobs: usize, count: u32, ranks: usize, out: usize, scratch: usize): void {
  placeAndSelect<u64>(tmpKeys, tmpLow, start, end, supers, counts, placed, place, jobs, count, ranks, out, scratch);
}
