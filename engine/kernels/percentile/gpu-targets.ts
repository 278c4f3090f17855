/**
 * Host side of GPU radix select: a *target* is the set of keys sharing a prefix that still holds wanted
 * ranks. Keys are 64-bit (hi, lo) words (f32 keys use hi only); a histogram row splits a target into the
 * children holding its ranks, and a small target is finished here by sorting its read-back keys.
 */
import { fromKeyF32, fromKeyF64, NAN_KEY_32 } from './order-keys.js';

/** A wanted order statistic: its rank inside the target, and where its value goes in the root's stats. */
export interface Want {
  rank: number;
  slot: number;
}

/** Elements [start, end) of one GPU source buffer; they may include keys of other targets (filtered by prefix). */
export interface Piece {
  source: number;
  start: number;
  end: number;
}

export interface Target {
  /** The percentile problem (the array, or one group) this target belongs to. */
  root: number;
  hi: number;
  lo: number;
  /** Leading key bits fixed by the prefix; 0 for a root not yet histogrammed (its NaN count is unknown). */
  depth: number;
  /** Keys with this prefix, NaN keys included. */
  count: number;
  /** Ascending ranks; empty while depth is 0 (planned once the NaN count is known). */
  wants: Want[];
  pieces: Piece[];
}

/** The top `depth` bits of a 64-bit key as (hi, lo) masks. JS shifts wrap at 32, hence the cases. */
export function prefixMask(depth: number): [number, number] {
  const hi = depth >= 32 ? 0xffffffff : depth === 0 ? 0 : (0xffffffff << (32 - depth)) >>> 0;
  const lo = depth <= 32 ? 0 : depth >= 64 ? 0xffffffff : (0xffffffff << (64 - depth)) >>> 0;
  return [hi, lo];
}

/** Sets bits [shift, shift + bits) of the prefix to `digit` (bits ≤ 12, so a digit straddles at most one word edge). */
function withDigit(hi: number, lo: number, digit: number, shift: number): [number, number] {
  if (shift >= 32) return [(hi | (digit << (shift - 32))) >>> 0, lo];
  const carry = shift === 0 ? 0 : digit >>> (32 - shift);
  return [(hi | carry) >>> 0, (lo | (digit << shift)) >>> 0];
}

/** Splits `t` by its histogram bins (2^bits of them) into the children that hold its wanted ranks. */
export function splitTarget(t: Target, bins: Uint32Array, bits: number): Target[] {
  const shift = 64 - t.depth - bits;
  const children: Target[] = [];
  let bin = 0;
  let below = 0;
  let childBin = -1;
  for (const w of t.wants) {
    while (below + bins[bin] <= w.rank) below += bins[bin++];
    // Ranks ascend, so consecutive ranks in one bin share the child made for the first of them.
    if (bin !== childBin) {
      const [hi, lo] = withDigit(t.hi, t.lo, bin, shift);
      children.push({ root: t.root, hi, lo, depth: t.depth + bits, count: bins[bin], wants: [], pieces: t.pieces });
      childBin = bin;
    }
    children[children.length - 1].wants.push({ rank: w.rank - below, slot: w.slot });
  }
  return children;
}

export function keyValue(hi: number, lo: number, wide: boolean): number {
  return wide ? fromKeyF64(hi, lo) : fromKeyF32(hi);
}

/** A target's read-back keys, sorted in place (no copy: thousands of small groups must not allocate). */
export interface SortedKeys {
  /** NaN keys; they sort last. */
  nan: number;
  /** The value of the key at `rank`. */
  value(rank: number): number;
}

/** Sorts `count` keys at word `at` of `words` (one word each, or lo/hi pairs when wide). */
export function sortKeysInPlace(words: Uint32Array, at: number, count: number, wide: boolean): SortedKeys {
  let nan = 0;
  if (!wide) {
    const s = words.subarray(at, at + count).sort();
    while (nan < count && s[count - 1 - nan] === NAN_KEY_32) nan++;
    return { nan, value: (r) => fromKeyF32(s[r]) };
  }
  // Lo word first: on a little-endian host each pair reads as the 64-bit key. `at` is even, so aligned.
  const s = new BigUint64Array(words.buffer, words.byteOffset + at * 4, count).sort();
  while (nan < count && s[count - 1 - nan] >= NAN_HI_64) nan++;
  return { nan, value: (r) => fromKeyF64(Number(s[r] >> 32n), Number(s[r] & 0xffffffffn)) };
}

const NAN_HI_64 = 0xffffffff00000000n;
