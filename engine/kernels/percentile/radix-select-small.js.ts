/**
 * Selection for small groups on the JS backend (groupedPercentile), as wasm/assembly/lib/radix-select-small.ts:
 * one histogram level sized to the group, then the few keys of each wanted bin are gathered and sorted. That
 * skips the compaction, bin partition and recursion of selectKeys, whose per-level overhead dominates for groups
 * of a few thousand keys; a wanted bin with more than GATHER keys hands the group to selectKeys (linear worst case).
 */
import { binsOfRanks } from './radix-rank-bins.js';
import { keyRangeWord, sortSmallKeys } from './radix-key-range.js.js';
import { selectKeys } from './radix-select.js.js';

/** Groups up to this many keys take this path. */
export const SMALL_GROUP = 4096;
const GATHER = 32;
const hist = new Uint32Array(1 << 11);
const marks = new Int32Array(1 << 11);
const gathered = new Uint32Array(2 * GATHER * 64);
const fill = new Int32Array(64);

/** Same contract as selectKeys (radix-select.js.ts), for len ≤ SMALL_GROUP. */
export function selectSmallKeys(keys: Uint32Array, stride: 1 | 2, start: number, len: number, ranks: ArrayLike<number>, out: Uint32Array): void {
  const range = len > GATHER && ranks.length <= 64 ? keyRangeWord(keys, stride, start * stride, len) : null;
  if (range === null) return selectKeys(keys, stride, start, len, ranks, out);
  const { word, min, max } = range;
  // About four keys per bin over the range of the first word where the keys differ.
  const bits = 32 - Math.clz32(max - min);
  const w = Math.min(bits, 30 - Math.clz32(len));
  const shift = bits - w;
  const at = start * stride + word;
  hist.fill(0, 0, 1 << w);
  for (let i = 0; i < len; i++) hist[(keys[at + i * stride] - min) >>> shift]++;
  const rel = new Float64Array(ranks.length);
  const bins = binsOfRanks(hist, ranks, rel);
  if (bins.some((b) => b.count > GATHER)) return selectKeys(keys, stride, start, len, ranks, out);
  bins.forEach((b, j) => {
    marks[b.bin] = j + 1;
    fill[j] = 0;
  });
  for (let i = 0; i < len; i++) {
    const m = marks[(keys[at + i * stride] - min) >>> shift];
    if (m === 0) continue;
    const to = ((m - 1) * GATHER + fill[m - 1]++) * stride;
    const from = (start + i) * stride;
    gathered[to] = keys[from];
    if (stride === 2) gathered[to + 1] = keys[from + 1];
  }
  bins.forEach((b, j) => {
    marks[b.bin] = 0;
    sortSmallKeys(gathered, stride, j * GATHER * stride, b.count);
    for (let r = b.first; r < b.first + b.ranks; r++) {
      const from = (j * GATHER + rel[r]) * stride;
      out[r * stride] = gathered[from];
      if (stride === 2) out[r * stride + 1] = gathered[from + 1];
    }
  });
}
