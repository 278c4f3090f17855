// Step two of the counting sort by group (see group-scatter-two-step.ts): count each bucket's slots, list the
// groups, and place a bucket's keys in slot order (into a buffer that stays in cache for the selection).
import { SUPER_BITS, LOW_MASK } from './group-bucket-sizes';

/** Bucket b holds low slot bits tmpLow[start[b] … end[b]) (u8; start, end u32 per bucket): adds each to
 *  counts[(b << 7) | low] (u32, zeroed by the host, supers·128 entries). */
export function groupSlotCounts(tmpLow: usize, start: usize, end: usize, supers: u32, counts: usize): void {
  for (let b: usize = 0; b < <usize>supers; b++) {
    const slotCounts = counts + (b << (SUPER_BITS + 2));
    const to = <usize>load<u32>(end + (b << 2));
    for (let i = <usize>load<u32>(start + (b << 2)); i < to; i++) {
      const at = slotCounts + (<usize>load<u8>(tmpLow + i) << 2);
      store<u32>(at, load<u32>(at) + 1);
    }
  }
}

/** Per slot 0 … range−1 with any value, ascending: [slot, count, NaN count] (u32 each) to info; returns how many. */
export function groupInfo(counts: usize, nans: usize, range: u32, info: usize): u32 {
  let groups: usize = 0;
  for (let s: usize = 0; s < <usize>range; s++) {
    const c = load<u32>(counts + (s << 2));
    const nan = load<u32>(nans + (s << 2));
    if (c + nan == 0) continue;
    const at = info + groups * 12;
    store<u32>(at, <u32>s);
    store<u32>(at, c, 4);
    store<u32>(at, nan, 8);
    groups++;
  }
  return <u32>groups;
}

/**
 * Writes the keys tmpKeys[from … to) (K each) into `into` in slot order, the slot of key i being tmpLow[i] within
 * the bucket whose 128 slot counts are at slotCounts (u32). place: 128 u32 of scratch.
 */
@inline export function placeBucket<K>(tmpKeys: usize, tmpLow: usize, from: usize, to: usize, slotCounts: usize, into: usize, place: usize): void {
  const S = alignof<K>();
  let offset: u32 = 0;
  for (let j: usize = 0; j <= <usize>LOW_MASK; j++) {
    store<u32>(place + (j << 2), offset);
    offset += load<u32>(slotCounts + (j << 2));
  }
  for (let i = from; i < to; i++) {
    const at = place + (<usize>load<u8>(tmpLow + i) << 2);
    const c = load<u32>(at);
    store<K>(into + (<usize>c << S), load<K>(tmpKeys + (i << S)));
    store<u32>(at, c + 1);
  }
}
