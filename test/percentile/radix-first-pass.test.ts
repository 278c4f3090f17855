/** The JS first level: the pass's copy of candidate bins gives the same working keys as a second pass would. */
import { describe, expect, it } from 'vitest';
import { fitBuckets, sampleSignedKeys, BINS } from '../../engine/kernels/percentile/radix-bucketing.js.js';
import { candidateBins } from '../../engine/kernels/percentile/radix-candidates.js.js';
import { firstPassF32, firstPassF64 } from '../../engine/kernels/percentile/radix-first-pass.js.js';
import { compactCopied, compactInputF32, compactInputF64 } from '../../engine/kernels/percentile/radix-compact.js.js';
import { binsOfRanks } from '../../engine/kernels/percentile/radix-rank-bins.js';
import { lognormal } from '../support/seeded.js';

const q = Float64Array.from([0.5, 0.9, 0.99]);

describe('JS first level', () => {
  for (const f64 of [false, true]) {
    it(`copies candidate bins completely (${f64 ? 'f64' : 'f32'}), or reports that it could not`, () => {
      const values = f64 ? lognormal(200_000, 5) : Float32Array.from(lognormal(200_000, 5));
      values[7] = NaN;
      values[11] = -Infinity; // below the sampled range: clamped into bin 0, which then cannot count as copied
      const stride = f64 ? 2 : 1;
      const words = new Int32Array(values.buffer, values.byteOffset, values.length * stride);
      const bk = fitBuckets(sampleSignedKeys(words, stride, values.length));
      const guess = candidateBins(sampleSignedKeys(words, stride, values.length), q, bk, values.length);
      const pass = f64 ? firstPassF64(words, bk, guess) : firstPassF32(words, bk, guess);
      expect(pass.nanCount).toBe(1);
      expect(guess.marks[0]).toBe(0);
      const ranks = Float64Array.from([0, 100_000, 180_000, 199_998]);
      const bins = binsOfRanks(pass.hist, ranks, new Float64Array(4));
      const second = f64 ? compactInputF64(words, bk, bins) : compactInputF32(words, bk, bins);
      const copiedBins = bins.filter((b) => guess.marks[b.bin] === 1);
      expect(copiedBins.length).toBeGreaterThan(0);
      expect(copiedBins.length).toBeLessThan(bins.length);
      expect(compactCopied(pass.copied!, stride, bk, copiedBins)).toEqual(compactInputF32Like(second, bins, copiedBins, stride));
      const none = { marks: new Uint8Array(BINS), cap: 0 };
      expect((f64 ? firstPassF64(words, bk, none) : firstPassF32(words, bk, none)).copied).toEqual(new Uint32Array(0));
      const tiny = { marks: new Uint8Array(BINS).fill(1), cap: 10 };
      expect((f64 ? firstPassF64(words, bk, tiny) : firstPassF32(words, bk, tiny)).copied).toBeNull();
    });
  }
});

/** The segments of `second` (all wanted bins, in order) that belong to the copied bins. */
function compactInputF32Like(second: Uint32Array, bins: { bin: number; count: number }[], keep: { bin: number }[], stride: number): Uint32Array {
  const parts: number[] = [];
  let at = 0;
  for (const b of bins) {
    if (keep.some((k) => k.bin === b.bin)) parts.push(...second.subarray(at * stride, (at + b.count) * stride));
    at += b.count;
  }
  return Uint32Array.from(parts);
}
