/**
 * The first radix level of the JS backend, one pass straight over the caller's array (no copy of it): keys are
 * computed on the fly and counted into the fitted bins (radix-bucketing.js.ts), and the keys of the candidate
 * bins (radix-candidates.js.ts) are copied as they go by. A candidate bin's counter starts at −2^31, so one
 * load tells both the count and whether to copy. NaN is counted, never kept. f64 keys are binned by
 * their high word and copied as [hi, lo] pairs. One loop per element type: a shared loop with a stride costs
 * V8 a third of its speed here.
 */
import { BINS, TOP, type Bucketing } from './radix-bucketing.js.js';
import type { Candidates } from './radix-candidates.js.js';

const SIGN = 0x80000000 | 0;

export interface FirstPass {
  hist: Int32Array;
  nanCount: number;
  /** Keys of candidate bins, in input order ([hi, lo] pairs for f64); null if more than the cap came by. */
  copied: Uint32Array | null;
}

/** words: f32 bits. */
export function firstPassF32(words: Int32Array, { shift, offset }: Bucketing, { marks, cap }: Candidates): FirstPass {
  const hist = startCounts(marks);
  const copied = new Uint32Array(cap);
  let kept = 0;
  let nanCount = 0;
  let under = 0;
  let over = 0;
  for (let i = 0; i < words.length; i++) {
    const b = words[i];
    if ((b & 0x7fffffff) > 0x7f800000) {
      nanCount++;
      continue;
    }
    const sk = b ^ ((b >> 31) & 0x7fffffff);
    const d = (sk >> shift) - offset;
    if (d >>> 16 === 0) {
      const h = hist[d] + 1;
      hist[d] = h;
      if (h < 0) {
        if (kept < cap) copied[kept] = sk ^ SIGN;
        kept++;
      }
    } else if (d < 0) under++;
    else over++;
  }
  return finish({ hist, under, over, nanCount }, copied, kept, cap, marks);
}

/** words: f64 bits as [lo, hi] pairs. */
export function firstPassF64(words: Int32Array, { shift, offset }: Bucketing, { marks, cap }: Candidates): FirstPass {
  const hist = startCounts(marks);
  const copied = new Uint32Array(2 * cap);
  let kept = 0;
  let nanCount = 0;
  let under = 0;
  let over = 0;
  for (let i = 1; i < words.length; i += 2) {
    const b = words[i];
    const a = b & 0x7fffffff;
    if (a > 0x7ff00000 || (a === 0x7ff00000 && words[i - 1] !== 0)) {
      nanCount++;
      continue;
    }
    const sk = b ^ ((b >> 31) & 0x7fffffff);
    const d = (sk >> shift) - offset;
    if (d >>> 16 === 0) {
      const h = hist[d] + 1;
      hist[d] = h;
      if (h < 0) {
        if (kept < cap) {
          copied[2 * kept] = sk ^ SIGN;
          copied[2 * kept + 1] = words[i - 1] ^ (b >> 31);
        }
        kept++;
      }
    } else if (d < 0) under++;
    else over++;
  }
  return finish({ hist, under, over, nanCount }, copied, kept, cap, marks);
}

const CANDIDATE = -0x80000000;

function startCounts(marks: Uint8Array): Int32Array {
  const hist = new Int32Array(BINS);
  for (let d = 0; d < BINS; d++) if (marks[d] !== 0) hist[d] = CANDIDATE;
  return hist;
}

/** Keys clamped into an edge bin are counted but never copied, so that bin's copy is incomplete: unmark it. */
function finish(pass: { hist: Int32Array; under: number; over: number; nanCount: number }, copied: Uint32Array, kept: number, cap: number, marks: Uint8Array): FirstPass {
  const { hist, under, over, nanCount } = pass;
  for (let d = 0; d < BINS; d++) if (marks[d] !== 0) hist[d] -= CANDIDATE;
  hist[0] += under;
  hist[TOP] += over;
  if (under > 0) marks[0] = 0;
  if (over > 0) marks[TOP] = 0;
  const stride = cap > 0 ? copied.length / cap : 1;
  return { hist, nanCount, copied: kept <= cap ? copied.subarray(0, kept * stride) : null };
}
