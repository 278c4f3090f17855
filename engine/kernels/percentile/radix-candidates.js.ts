/**
 * Which first-level bins will probably hold the wanted ranks, predicted from the sorted sample with the same
 * windows as the WASM sampled path (radix-windows.ts). The counting pass copies the keys of these bins as it
 * goes; when the exact histogram then shows every wanted bin among them, no second pass over the input is
 * needed. A wrong guess only costs that second pass.
 */
import { BINS, binOf, type Bucketing } from './radix-bucketing.js.js';
import { sampleWindows } from './radix-windows.js';

export interface Candidates {
  /** 1 for a candidate bin (all 0 when the guess would be too broad to pay). */
  marks: Uint8Array;
  /** How many keys the copy buffer takes before it gives up (keys past it are not copied). */
  cap: number;
}

export function candidateBins(sorted: Int32Array, q: Float64Array, bk: Bucketing, n: number): Candidates {
  const marks = new Uint8Array(BINS);
  const s = sorted.length;
  for (const w of s > 0 ? sampleWindows(q, s) : []) {
    const from = w.lo < 0 ? 0 : binOf(sorted[w.lo], bk);
    const to = w.hi >= s ? BINS - 1 : binOf(sorted[w.hi], bk);
    marks.fill(1, from, to + 1);
  }
  // The sample's share of keys in candidate bins, with room for the count's spread.
  let sampled = 0;
  for (let j = 0; j < s; j++) sampled += marks[binOf(sorted[j], bk)];
  const cap = Math.ceil(((sampled + 16) / Math.max(1, s)) * n * 1.25) + 1024;
  // Copying more than a quarter of the input would be a copy of the input: count only, then compact.
  return cap > n / 4 + 1024 ? { marks: marks.fill(0), cap: 0 } : { marks, cap };
}
