/** radix-select.js.ts: selectKeys equals a sort for any keys and ranks, f32 (stride 1) and f64 (stride 2) keys. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { selectKeys } from '../../engine/kernels/percentile/radix-select.js.js';
import { keyF32, keyF64 } from '../../engine/kernels/percentile/order-keys.js';

function sortedRanks(len: number, picks: number[]): number[] {
  return [...new Set(picks.map((p) => Math.floor(p * len)).filter((r) => r < len))].sort((a, b) => a - b);
}

function check32(keys: number[], ranks: number[]): void {
  const work = Uint32Array.from(keys);
  const out = new Uint32Array(ranks.length);
  selectKeys(work, 1, 0, keys.length, ranks, out);
  const sorted = Uint32Array.from(keys).sort();
  expect(Array.from(out)).toEqual(ranks.map((r) => sorted[r]));
}

function check64(keys: [number, number][], ranks: number[]): void {
  const work = Uint32Array.from(keys.flat());
  const out = new Uint32Array(2 * ranks.length);
  selectKeys(work, 2, 0, keys.length, ranks, out);
  const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  expect(Array.from({ length: ranks.length }, (_, i) => [out[2 * i], out[2 * i + 1]])).toEqual(ranks.map((r) => sorted[r]));
}

describe('selectKeys (JS radix select) equals sorting', () => {
  it('u32 keys: any values, any rank set', () => {
    const key = fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 8 }), fc.constantFrom(0, 0xffffffff, 0x80000000));
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 2000 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 1, maxLength: 9 }), (keys, picks) =>
        check32(keys, sortedRanks(keys.length, picks)),
      ),
      { numRuns: 200, seed: 11 },
    );
  });

  it('u64 keys as [hi, lo]: differences only in the low word, only in the high word, both', () => {
    const word = fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 3 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(word, word), { minLength: 1, maxLength: 1500 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 1, maxLength: 9 }), (keys, picks) =>
        check64(keys, sortedRanks(keys.length, picks)),
      ),
      { numRuns: 150, seed: 12 },
    );
  });

  it('adversarial u32 layouts: all equal, two keys, powers of two, one bit apart, every rank', () => {
    const n = 4097;
    const every = Array.from({ length: n }, (_, i) => i);
    check32(Array(n).fill(7), every);
    check32(Array.from({ length: n }, (_, i) => (i % 2 ? 0 : 0xffffffff)), every);
    check32(Array.from({ length: n }, (_, i) => 2 ** (i % 32)), every);
    check32(Array.from({ length: n }, (_, i) => 0x80000000 + (i % 2)), every);
    check32(Array.from({ length: n }, (_, i) => keyF32(i % 3 ? 1 : -0)), [0, n >> 1, n - 1]);
  });

  it('adversarial u64 layouts: equal high words, keys of ±0, ±Infinity, subnormals', () => {
    const vals = [0, -0, Infinity, -Infinity, 5e-324, -5e-324, 1, -1, 2 ** 52, 1 + 2 ** -52];
    const keys = Array.from({ length: 3000 }, (_, i) => Array.from(keyF64(vals[(i * 7) % vals.length])) as [number, number]);
    check64(keys, Array.from({ length: 3000 }, (_, i) => i));
    check64(Array.from({ length: 2000 }, (_, i) => [5, i % 17] as [number, number]), [0, 1, 999, 1000, 1999]);
  });

  it('work stays linear on 2^20 equal-prefix keys (no quadratic case)', () => {
    const keys = Uint32Array.from({ length: 1 << 20 }, (_, i) => 0xabc00000 + (i & 0xff));
    const out = new Uint32Array(3);
    const t = performance.now();
    selectKeys(keys, 1, 0, keys.length, [0, 1 << 19, (1 << 20) - 1], out);
    expect(Array.from(out)).toEqual([0xabc00000, 0xabc00080, 0xabc000ff]);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
