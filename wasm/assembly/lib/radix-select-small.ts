// Selection for small groups (groupedPercentile): one histogram level sized to the group, then the few keys of
// each wanted bin are gathered into scratch and sorted. It skips the in-place compaction, bin partition and
// recursion of selectRanks, which dominate for groups of a few thousand keys; a wanted bin with more than
// GATHER keys (heavy ties, tight clusters) hands the group to selectRanks, so the worst case stays linear.
import { keyRange, rangeLo, rangeHi, sortSmall } from './radix-key-range';
import { selectRanks, SCRATCH_HIST, SCRATCH_MARK } from './radix-select';

/** Groups up to this many keys take this path. */
export const SMALL_GROUP: u32 = 4096;
const GATHER: u32 = 32;
// Wanted-bin record in the frame: bin, count, below, first rank, ranks, cursor (u32 each).
const REC: usize = 24;

/** Same contract as selectRanks (radix-select.ts); the frame must have room for nr · (REC + GATHER · sizeof<K>) bytes. */
export function selectSmall<K>(p: usize, len: u32, ranks: usize, nr: u32, out: usize, scratch: usize, frame: usize): void {
  const S = alignof<K>();
  if (len <= GATHER || nr == 0) {
    selectRanks<K>(p, len, ranks, nr, out, scratch, frame);
    return;
  }
  keyRange<K>(p, len);
  const lo = <K>rangeLo;
  const span = <K>rangeHi - lo;
  if (span == 0) {
    for (let i: u32 = 0; i < nr; i++) store<K>(out + (<usize>i << S), lo);
    return;
  }
  // About four keys per bin over the keys' range (as in radix-select.ts), so wanted bins are small.
  const bits = <u32>(sizeof<K>() * 8) - <u32>clz<K>(span);
  let w: u32 = 30 - clz<u32>(len);
  if (w > bits) w = bits;
  const shift = bits - w;
  const mask: u32 = (1 << w) - 1;
  const hist = scratch + SCRATCH_HIST;
  const marks = scratch + SCRATCH_MARK;
  memory.fill(hist, 0, <usize>(mask + 1) << 2);
  for (let i: usize = 0; i < <usize>len; i++) {
    const h = hist + (<usize>(<u32>((load<K>(p + (i << S)) - lo) >> <K>shift)) << 2);
    store<u32>(h, load<u32>(h) + 1);
  }
  let nrec: u32 = 0;
  let bin: u32 = 0;
  let below: u32 = 0;
  for (let i: u32 = 0; i < nr; i++) {
    const r = load<u32>(ranks + (<usize>i << 2));
    let c = load<u32>(hist + (<usize>bin << 2));
    while (below + c <= r) {
      below += c;
      bin++;
      c = load<u32>(hist + (<usize>bin << 2));
    }
    if (c > GATHER) {
      selectRanks<K>(p, len, ranks, nr, out, scratch, frame);
      return;
    }
    let rec = frame + <usize>(nrec - 1) * REC;
    if (nrec == 0 || load<u32>(rec) != bin) {
      rec = frame + <usize>nrec * REC;
      store<u32>(rec, bin);
      store<u32>(rec, c, 4);
      store<u32>(rec, below, 8);
      store<u32>(rec, i, 12);
      store<u32>(rec, 0, 16);
      store<u32>(rec, 0, 20);
      store<u32>(marks + (<usize>bin << 2), ++nrec);
    }
    store<u32>(rec, load<u32>(rec, 16) + 1, 16);
  }
  // Gather each wanted bin's keys into its own GATHER-key slot after the records.
  const gathered = frame + <usize>nr * REC;
  for (let i: usize = 0; i < <usize>len; i++) {
    const k = load<K>(p + (i << S));
    const m = load<u32>(marks + (<usize>(<u32>((k - lo) >> <K>shift)) << 2));
    if (m == 0) continue;
    const rec = frame + <usize>(m - 1) * REC;
    const c = load<u32>(rec, 20);
    store<K>(gathered + ((<usize>(m - 1) * GATHER + c) << S), k);
    store<u32>(rec, c + 1, 20);
  }
  for (let j: u32 = 0; j < nrec; j++) {
    const rec = frame + <usize>j * REC;
    store<u32>(marks + (<usize>load<u32>(rec) << 2), 0);
    const keys = gathered + ((<usize>j * GATHER) << S);
    sortSmall<K>(keys, load<u32>(rec, 4));
    const first = load<u32>(rec, 12);
    for (let t: u32 = first; t < first + load<u32>(rec, 16); t++) {
      const r = load<u32>(ranks + (<usize>t << 2)) - load<u32>(rec, 8);
      store<K>(out + (<usize>t << S), load<K>(keys + (<usize>r << S)));
    }
  }
}
