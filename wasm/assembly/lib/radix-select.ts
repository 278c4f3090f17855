// Exact selection of several ranks from order keys (u32 or u64) by MSD radix select, in place.
// Each level histograms the top w bits of (key − min) over the segment, so the bins split the keys' actual
// range (float keys differ first in the exponent: top bits of the raw key would leave most bins empty), moves
// the keys of the bins holding wanted ranks to the segment's front (grouped by bin), and recurses into those
// bins only. Min and max land in different bins and each level cuts the range's bit length by w ≥ 4, so the
// work is O(len · keyBits / 4) at worst, never quadratic.
import { keyRange, rangeLo, rangeHi, sortSmall } from './radix-key-range';

/** Scratch, from a 64-byte-aligned base: histogram (65536 × u32); bin marks (65536 × u32, zero between
 *  calls); then one frame per level (FRAME_BYTES_PER_RANK bytes per wanted rank). */
export const SCRATCH_HIST: usize = 0;
export const SCRATCH_MARK: usize = 1 << 18;
export const SCRATCH_FRAMES: usize = 1 << 19;
export const FRAME_BYTES_PER_RANK: usize = 32;
export const MAX_LEVELS: usize = 20;

const SMALL: u32 = 16;
// Segment record in a frame: bin, count, start, cursor, firstRank, nRanks (u32 each).
const SEG: usize = 24;

@inline function digitOf<K>(key: K, lo: K, shift: u32): u32 {
  return <u32>((key - lo) >> <K>shift);
}

/**
 * Writes to out[i] (K each) the key of rank ranks[i] (u32, ascending, distinct, each < len) among the len
 * keys at p (K each, naturally aligned). Reorders the keys at p. scratch: see SCRATCH_*; frame: this
 * level's frame inside scratch.
 */
export function selectRanks<K>(p: usize, len: u32, ranks: usize, nr: u32, out: usize, scratch: usize, frame: usize): void {
  const S = alignof<K>();
  if (nr == 0) return;
  if (len <= SMALL) {
    sortSmall<K>(p, len);
    for (let i: u32 = 0; i < nr; i++) store<K>(out + (<usize>i << S), load<K>(p + (<usize>load<u32>(ranks + (<usize>i << 2)) << S)));
    return;
  }
  keyRange<K>(p, len);
  const lo = <K>rangeLo;
  const span = <K>rangeHi - lo;
  if (span == 0) {
    for (let i: u32 = 0; i < nr; i++) store<K>(out + (<usize>i << S), lo);
    return;
  }
  // About four keys per bin: enough to split the segment, small enough to clear and scan cheaply.
  const bits = <u32>(sizeof<K>() * 8) - <u32>clz<K>(span);
  let w: u32 = 30 - clz<u32>(len);
  w = w < 4 ? 4 : w > 16 ? 16 : w;
  if (w > bits) w = bits;
  // span >> shift < 2^w, so every digit is a valid bin.
  const shift = bits - w;
  const mask: u32 = (1 << w) - 1;
  const hist = scratch + SCRATCH_HIST;
  const marks = scratch + SCRATCH_MARK;

  memory.fill(hist, 0, <usize>(mask + 1) << 2);
  for (let i: usize = 0; i < <usize>len; i++) {
    const h = hist + (<usize>digitOf<K>(load<K>(p + (i << S)), lo, shift) << 2);
    store<u32>(h, load<u32>(h) + 1);
  }

  // Walk the bins once for all ranks; consecutive ranks in one bin share a segment.
  const rel = frame;
  const segs = frame + (<usize>nr << 2);
  let nseg: u32 = 0;
  let bin: u32 = 0;
  let below: u32 = 0;
  let start: u32 = 0;
  for (let i: u32 = 0; i < nr; i++) {
    const r = load<u32>(ranks + (<usize>i << 2));
    let c = load<u32>(hist + (<usize>bin << 2));
    while (below + c <= r) {
      below += c;
      bin++;
      c = load<u32>(hist + (<usize>bin << 2));
    }
    let s = segs + <usize>(nseg - 1) * SEG;
    if (nseg == 0 || load<u32>(s) != bin) {
      s = segs + <usize>nseg * SEG;
      store<u32>(s, bin);
      store<u32>(s, c, 4);
      store<u32>(s, start, 8);
      store<u32>(s, start, 12);
      store<u32>(s, i, 16);
      store<u32>(s, 0, 20);
      store<u32>(marks + (<usize>bin << 2), ++nseg);
      start += c;
    }
    store<u32>(s, load<u32>(s, 20) + 1, 20);
    store<u32>(rel + (<usize>i << 2), r - below);
  }

  // Compact the wanted bins' keys to the front (writes never pass reads), then group them by bin.
  let kept: usize = 0;
  for (let i: usize = 0; i < <usize>len; i++) {
    const k = load<K>(p + (i << S));
    store<K>(p + (kept << S), k);
    kept += <usize>(load<u32>(marks + (<usize>digitOf<K>(k, lo, shift) << 2)) != 0);
  }
  if (nseg > 1) partitionByMark<K>(p, segs, nseg, lo, shift, marks);
  for (let j: u32 = 0; j < nseg; j++) store<u32>(marks + (<usize>load<u32>(segs + <usize>j * SEG) << 2), 0);

  const next = frame + (<usize>nr * FRAME_BYTES_PER_RANK);
  for (let j: u32 = 0; j < nseg; j++) {
    const s = segs + <usize>j * SEG;
    const first = <usize>load<u32>(s, 16);
    selectRanks<K>(p + (<usize>load<u32>(s, 8) << S), load<u32>(s, 4), rel + (first << 2), load<u32>(s, 20), out + (first << S), scratch, next);
  }
}

/** American-flag permutation of the compacted keys at p into their segments (ascending bin order), using each
 *  segment's start/cursor fields and the bin marks (segment index + 1). */
function partitionByMark<K>(p: usize, segs: usize, nseg: u32, lo: K, shift: u32, marks: usize): void {
  const S = alignof<K>();
  for (let j: u32 = 0; j < nseg; j++) {
    const s = segs + <usize>j * SEG;
    const end = load<u32>(s, 8) + load<u32>(s, 4);
    let cur = load<u32>(s, 12);
    while (cur < end) {
      let x = load<K>(p + (<usize>cur << S));
      let t = load<u32>(marks + (<usize>digitOf<K>(x, lo, shift) << 2)) - 1;
      while (t != j) {
        const ts = segs + <usize>t * SEG;
        const tc = load<u32>(ts, 12);
        const at = p + (<usize>tc << S);
        const y = load<K>(at);
        store<K>(at, x);
        store<u32>(ts, tc + 1, 12);
        x = y;
        t = load<u32>(marks + (<usize>digitOf<K>(x, lo, shift) << 2)) - 1;
      }
      store<K>(p + (<usize>cur << S), x);
      cur++;
    }
    store<u32>(s, cur, 12);
  }
}
