/**
 * percentile on the JS backend, over the caller's array without copying it: a sample fits the first level's
 * bins and guesses which bins will hold the wanted ranks; one pass counts every bin and copies the guessed bins'
 * keys; the exact counts give the ranks' bins, whose keys come from that copy (or, if the guess missed, from a
 * second pass); radix select finishes on those few keys. All q come from the same passes.
 */
import type { NumericArray, PercentileMethod } from '../../types.js';
import type { PercentileOut } from './percentile.contract.js';
import { finishPercentiles, planPercentiles } from './positions.js';
import { fromKeyF32, fromKeyF64 } from './order-keys.js';
import { fitBuckets, sampleSignedKeys } from './radix-bucketing.js.js';
import { candidateBins } from './radix-candidates.js.js';
import { firstPassF32, firstPassF64 } from './radix-first-pass.js.js';
import { compactCopied, compactInputF32, compactInputF64 } from './radix-compact.js.js';
import { binsOfRanks } from './radix-rank-bins.js';
import { selectKeys } from './radix-select.js.js';

export function radixPercentilesJs(values: NumericArray, q: Float64Array, method: PercentileMethod): PercentileOut {
  const f64 = values instanceof Float64Array;
  const stride = f64 ? 2 : 1;
  const n = values.length;
  const words = new Int32Array(values.buffer, values.byteOffset, n * stride);
  const sample = sampleSignedKeys(words, stride, n);
  const bk = fitBuckets(sample);
  const guess = candidateBins(sample, q, bk, n);
  const { hist, nanCount, copied } = f64 ? firstPassF64(words, bk, guess) : firstPassF32(words, bk, guess);
  const count = n - nanCount;
  const plan = planPercentiles(count, q, method);
  const nr = plan.ranks.length;
  const stats = new Float64Array(nr);
  if (nr > 0) {
    const rel = new Float64Array(nr);
    const bins = binsOfRanks(hist, plan.ranks, rel);
    const guessed = copied !== null && bins.every((b) => guess.marks[b.bin] === 1);
    const work = guessed ? compactCopied(copied, stride, bk, bins) : f64 ? compactInputF64(words, bk, bins) : compactInputF32(words, bk, bins);
    const keys = new Uint32Array(nr * stride);
    let start = 0;
    for (const b of bins) {
      selectKeys(work, stride, start, b.count, rel.subarray(b.first, b.first + b.ranks), keys, b.first);
      start += b.count;
    }
    for (let i = 0; i < nr; i++) stats[i] = f64 ? fromKeyF64(keys[2 * i], keys[2 * i + 1]) : fromKeyF32(keys[i]);
  }
  return { values: finishPercentiles(plan, stats), count, nanCount };
}
