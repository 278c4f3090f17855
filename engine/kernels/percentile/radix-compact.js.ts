/**
 * The JS backend's compaction: the keys of the bins holding wanted ranks, grouped by bin (in bin order) into one
 * working Uint32Array for selectKeys, taken either from the first pass's copy of the candidate bins or, when the
 * wanted bins were not all candidates, from a second pass over the caller's array. f64 keys are [hi, lo] pairs.
 */
import { BINS, TOP, type Bucketing } from './radix-bucketing.js.js';
import type { RankBin } from './radix-rank-bins.js';

const SIGN = 0x80000000 | 0;

/** Bin marks (index into bins + 1) and each wanted bin's first key slot in the working buffer. */
function binStarts(bins: RankBin[], stride: number): { marks: Int32Array; cursor: Float64Array; work: Uint32Array } {
  const marks = new Int32Array(BINS);
  const cursor = new Float64Array(bins.length);
  let total = 0;
  bins.forEach((b, j) => {
    marks[b.bin] = j + 1;
    cursor[j] = total * stride;
    total += b.count;
  });
  return { marks, cursor, work: new Uint32Array(total * stride) };
}

/** From the candidate copy: keys (stride 1) or [hi, lo] pairs (stride 2). */
export function compactCopied(copied: Uint32Array, stride: 1 | 2, { shift, offset }: Bucketing, bins: RankBin[]): Uint32Array {
  const { marks, cursor, work } = binStarts(bins, stride);
  for (let i = 0; i < copied.length; i += stride) {
    const d = ((copied[i] ^ SIGN) >> shift) - offset;
    const m = marks[d < 0 ? 0 : d > TOP ? TOP : d];
    if (m === 0) continue;
    const at = cursor[m - 1];
    work[at] = copied[i];
    if (stride === 2) work[at + 1] = copied[i + 1];
    cursor[m - 1] = at + stride;
  }
  return work;
}

/** Second pass over f32 bits. */
export function compactInputF32(words: Int32Array, { shift, offset }: Bucketing, bins: RankBin[]): Uint32Array {
  const { marks, cursor, work } = binStarts(bins, 1);
  for (let i = 0; i < words.length; i++) {
    const b = words[i];
    if ((b & 0x7fffffff) > 0x7f800000) continue;
    const sk = b ^ ((b >> 31) & 0x7fffffff);
    const d = (sk >> shift) - offset;
    const m = d >>> 16 === 0 ? marks[d] : marks[d < 0 ? 0 : TOP];
    if (m !== 0) work[cursor[m - 1]++] = sk ^ SIGN;
  }
  return work;
}

/** Second pass over f64 bits ([lo, hi] pairs). */
export function compactInputF64(words: Int32Array, { shift, offset }: Bucketing, bins: RankBin[]): Uint32Array {
  const { marks, cursor, work } = binStarts(bins, 2);
  for (let i = 1; i < words.length; i += 2) {
    const b = words[i];
    const a = b & 0x7fffffff;
    if (a > 0x7ff00000 || (a === 0x7ff00000 && words[i - 1] !== 0)) continue;
    const sk = b ^ ((b >> 31) & 0x7fffffff);
    const d = (sk >> shift) - offset;
    const m = d >>> 16 === 0 ? marks[d] : marks[d < 0 ? 0 : TOP];
    if (m === 0) continue;
    const at = cursor[m - 1];
    work[at] = sk ^ SIGN;
    work[at + 1] = words[i - 1] ^ (b >> 31);
    cursor[m - 1] = at + 2;
  }
  return work;
}
