/**
 * Exact selection of several ranks from order keys in a Uint32Array, in place, by MSD radix select (JS).
 * A key is `stride` words: 1 for f32 keys, 2 for f64 keys stored [hi, lo]. Each level histograms the top w bits
 * of (word − min) in the first word where the segment's keys differ, so the bins split the keys' actual range
 * (float keys differ first in the exponent), moves the keys of the bins holding wanted ranks to the segment's
 * front grouped by bin, and recurses into those bins only. Min and max land in different bins and each level
 * cuts the range's bit length by w ≥ 4, so the work is O(len · keyBits / 4): never quadratic.
 * The WASM kernel (wasm/assembly/lib/radix-select.ts) follows the same steps.
 */
import { binsOfRanks } from './radix-rank-bins.js';
import { sortSmallKeys, keyRangeWord } from './radix-key-range.js.js';

const SMALL = 16;
// Shared scratch: the histogram is consumed and the marks cleared before each level recurses.
const hist = new Uint32Array(1 << 16);
const marks = new Int32Array(1 << 16);

/**
 * Writes into out (stride words per rank, from outAt) the keys of `ranks` (ascending, distinct, each < len)
 * among the len keys at keys[start·stride …]. Reorders those keys.
 */
export function selectKeys(keys: Uint32Array, stride: 1 | 2, start: number, len: number, ranks: ArrayLike<number>, out: Uint32Array, outAt = 0): void {
  const nr = ranks.length;
  if (nr === 0) return;
  const base = start * stride;
  if (len <= SMALL) {
    sortSmallKeys(keys, stride, base, len);
    for (let i = 0; i < nr; i++) for (let w = 0; w < stride; w++) out[(outAt + i) * stride + w] = keys[base + ranks[i] * stride + w];
    return;
  }
  const range = keyRangeWord(keys, stride, base, len);
  if (range === null) {
    for (let i = 0; i < nr; i++) for (let w = 0; w < stride; w++) out[(outAt + i) * stride + w] = keys[base + w];
    return;
  }
  const { word, min, max } = range;
  // About four keys per bin; span >>> shift < 2^w, so every digit is a valid bin.
  const bits = 32 - Math.clz32(max - min);
  const w = Math.min(bits, Math.max(4, Math.min(16, 30 - Math.clz32(len))));
  const shift = bits - w;
  const at = base + word;
  hist.fill(0, 0, 1 << w);
  for (let i = 0; i < len; i++) hist[(keys[at + i * stride] - min) >>> shift]++;

  const rel = new Float64Array(nr);
  const bins = binsOfRanks(hist, ranks, rel);
  const cursor = new Float64Array(bins.length);
  const end = new Float64Array(bins.length);
  let pos = 0;
  bins.forEach((b, j) => {
    marks[b.bin] = j + 1;
    cursor[j] = pos;
    end[j] = pos += b.count;
  });
  // Compact wanted bins to the front (writes never pass reads), then group them by bin.
  let kept = 0;
  for (let i = 0; i < len; i++) {
    const from = base + i * stride;
    const to = base + kept * stride;
    keys[to] = keys[from];
    if (stride === 2) keys[to + 1] = keys[from + 1];
    if (marks[(keys[from + word] - min) >>> shift] !== 0) kept++;
  }
  if (bins.length > 1) partitionByMark(keys, stride, base, word, min, shift, cursor, end);
  for (const b of bins) marks[b.bin] = 0;
  bins.forEach((b, j) => {
    const from = end[j] - b.count;
    selectKeys(keys, stride, start + from, b.count, rel.subarray(b.first, b.first + b.ranks), out, outAt + b.first);
  });
}

/** American-flag permutation of the compacted keys into their bins' ranges [cursor[j], end[j]). */
function partitionByMark(keys: Uint32Array, stride: 1 | 2, base: number, word: number, min: number, shift: number, cursor: Float64Array, end: Float64Array): void {
  for (let j = 0; j < cursor.length; j++) {
    while (cursor[j] < end[j]) {
      const at = base + cursor[j] * stride;
      let x0 = keys[at];
      let x1 = stride === 2 ? keys[at + 1] : 0;
      let t = marks[(keys[at + word] - min) >>> shift] - 1;
      while (t !== j) {
        const to = base + cursor[t]++ * stride;
        const y0 = keys[to];
        const y1 = stride === 2 ? keys[to + 1] : 0;
        keys[to] = x0;
        if (stride === 2) keys[to + 1] = x1;
        x0 = y0;
        x1 = y1;
        t = marks[((word === 0 ? x0 : x1) - min) >>> shift] - 1;
      }
      keys[at] = x0;
      if (stride === 2) keys[at + 1] = x1;
      cursor[j]++;
    }
  }
}
