/**
 * groupedPercentile on JS, step 2: counting sort of the keys by slot into one working Uint32Array (f64 keys as
 * [hi, lo] pairs), NaN counted per slot and left out. One function per element type keeps V8's loops monomorphic.
 */
import type { GroupSlotsJs } from './radix-group-slots.js.js';

export interface SortedByGroup {
  /** Slots holding any value (NaN included), ascending. */
  present: number[];
  counts: Uint32Array;
  nans: Uint32Array;
  /** Keys grouped by slot, in the order of `present`. */
  work: Uint32Array;
}

const SIGN = 0x80000000 | 0;

/** words: f32 bits. */
export function sortF32ByGroup(words: Int32Array, { slotOf, base, range }: GroupSlotsJs): SortedByGroup {
  const n = words.length;
  const counts = new Uint32Array(range);
  const nans = new Uint32Array(range);
  for (let i = 0; i < n; i++) {
    const s = slotOf[i] - base;
    if ((words[i] & 0x7fffffff) > 0x7f800000) nans[s]++;
    else counts[s]++;
  }
  const { present, cursor, total } = offsets(counts, nans);
  const work = new Uint32Array(total);
  for (let i = 0; i < n; i++) {
    const b = words[i];
    if ((b & 0x7fffffff) > 0x7f800000) continue;
    // Key: negatives flip every bit, positives the sign bit.
    work[cursor[slotOf[i] - base]++] = b ^ ((b >> 31) | SIGN);
  }
  return { present, counts, nans, work };
}

/** words: f64 bits as [lo, hi] pairs. */
export function sortF64ByGroup(words: Int32Array, { slotOf, base, range }: GroupSlotsJs): SortedByGroup {
  const n = words.length >>> 1;
  const counts = new Uint32Array(range);
  const nans = new Uint32Array(range);
  const isNan = (hi: number, lo: number) => (hi & 0x7fffffff) > 0x7ff00000 || ((hi & 0x7fffffff) === 0x7ff00000 && lo !== 0);
  for (let i = 0; i < n; i++) {
    const s = slotOf[i] - base;
    if (isNan(words[2 * i + 1], words[2 * i])) nans[s]++;
    else counts[s]++;
  }
  const { present, cursor, total } = offsets(counts, nans);
  const work = new Uint32Array(2 * total);
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + 1];
    const lo = words[2 * i];
    if (isNan(hi, lo)) continue;
    const at = 2 * cursor[slotOf[i] - base]++;
    const flip = hi >> 31;
    work[at] = hi ^ (flip | SIGN);
    work[at + 1] = lo ^ flip;
  }
  return { present, counts, nans, work };
}

/** Start of each slot's keys in the working buffer (ascending slot order) and the slots in use. */
function offsets(counts: Uint32Array, nans: Uint32Array): { present: number[]; cursor: Uint32Array; total: number } {
  const present: number[] = [];
  const cursor = new Uint32Array(counts.length);
  let total = 0;
  for (let s = 0; s < counts.length; s++) {
    if (counts[s] + nans[s] === 0) continue;
    present.push(s);
    cursor[s] = total;
    total += counts[s];
  }
  return { present, cursor, total };
}
