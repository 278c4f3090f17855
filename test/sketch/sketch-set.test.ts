/** SketchSet: one dense matrix behaves like one DDSketch per group, and merges like them. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DDSketch } from '../../engine/kernels/sketch/ddsketch.js';
import { defaultMapping } from '../../engine/kernels/sketch/cubic-mapping.js';
import { groupedSketchReference } from '../../engine/kernels/sketch/grouped-sketch.contract.js';
import { SketchSet } from '../../engine/kernels/sketch/sketch-set.js';
import { exactQuantile, sortedCopy } from './data.js';

const QS = [0, 0.1, 0.5, 0.9, 0.99, 1];

function setOf(values: number[], groups: number[], maxBins = 2048): SketchSet {
  const out = groupedSketchReference({ values: Float64Array.from(values), groups: Uint32Array.from(groups), relativeAccuracy: 0.01, maxBins });
  return new SketchSet(defaultMapping(0.01), maxBins, out);
}

function sketchOf(values: number[]): DDSketch {
  const s = new DDSketch();
  for (const v of values) s.addValue(v);
  return s;
}

// |v| in [1e-6, 1e4] spans < 2048 bins, so nothing collapses and every quantile keeps the α guarantee.
const finite = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e4, noNaN: true }).chain((v) => fc.constantFrom(v, -v)));
const rows = fc.array(fc.tuple(finite, fc.integer({ min: 0, max: 6 })), { minLength: 1, maxLength: 800 });

describe('SketchSet', () => {
  it('get(g) is the DDSketch of group g’s values, and quantiles() matches it and the α bound', () => {
    fc.assert(
      fc.property(rows, (pairs) => {
        const set = setOf(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
        const qs = set.quantiles(QS);
        set.keys.forEach((key, g) => {
          const mine = pairs.filter((p) => p[1] === key).map((p) => p[0]);
          const own = sketchOf(mine);
          const got = set.get(g);
          expect(got.positive.bins()).toEqual(own.positive.bins());
          expect(got.negative.bins()).toEqual(own.negative.bins());
          expect([got.count, got.zeroCount, got.min, got.max]).toEqual([own.count, own.zeroCount, own.min, own.max]);
          expect(Array.from(qs.subarray(g * QS.length, (g + 1) * QS.length))).toEqual(Array.from(own.quantiles(QS)));
          const sorted = sortedCopy(mine);
          for (const q of QS) expect(Math.abs(got.quantile(q) - exactQuantile(sorted, q))).toBeLessThanOrEqual((0.01 + 1e-12) * Math.abs(exactQuantile(sorted, q)));
        });
      }),
      { numRuns: 60, seed: 31 },
    );
  });

  it('merge of two sets equals the set of the concatenated rows; mergeAll is the sketch of everything', () => {
    fc.assert(
      fc.property(rows, rows, (a, b) => {
        const merged = setOf(a.map((p) => p[0]), a.map((p) => p[1])).merge(setOf(b.map((p) => p[0]), b.map((p) => p[1])));
        const whole = setOf([...a, ...b].map((p) => p[0]), [...a, ...b].map((p) => p[1]));
        expect(Array.from(merged.keys)).toEqual(Array.from(whole.keys));
        expect([merged.negLo, merged.negWidth, merged.posLo, merged.posWidth]).toEqual([whole.negLo, whole.negWidth, whole.posLo, whole.posWidth]);
        expect(Array.from(merged.positive)).toEqual(Array.from(whole.positive));
        expect(Array.from(merged.negative)).toEqual(Array.from(whole.negative));
        expect(Array.from(merged.counts)).toEqual(Array.from(whole.counts));
        const all = sketchOf([...a, ...b].map((p) => p[0]));
        const one = whole.mergeAll();
        expect(one.positive.bins()).toEqual(all.positive.bins());
        expect(one.negative.bins()).toEqual(all.negative.bins());
        expect([one.count, one.min, one.max]).toEqual([all.count, all.min, all.max]);
      }),
      { numRuns: 60, seed: 32 },
    );
  });

  it('quantiles(q) takes q in any order, with repeats, and answers like each group’s own sketch', () => {
    fc.assert(
      fc.property(rows, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 7 }), (pairs, qs) => {
        const set = setOf(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
        const all = set.quantiles([...qs, qs[0]]);
        for (let g = 0; g < set.size; g++) {
          expect(Array.from(all.subarray(g * (qs.length + 1), (g + 1) * (qs.length + 1)))).toEqual(Array.from(set.get(g).quantiles([...qs, qs[0]])));
        }
      }),
      { numRuns: 100, seed: 33 },
    );
  });

  it('sketchFor finds keys by value; mergeInto adds one group or all into a sketch', () => {
    const set = setOf([1, 2, 3, -4, 5], [10, 20, 10, 4_000_000_000, 20]);
    expect(Array.from(set.keys)).toEqual([10, 20, 4_000_000_000]);
    expect(set.sketchFor(20)!.count).toBe(2);
    expect(set.sketchFor(11)).toBeUndefined();
    expect(set.mergeInto(new DDSketch(), set.indexOf(4_000_000_000)).quantile(0.5)).toBe(-4);
    expect(set.mergeInto(new DDSketch()).count).toBe(5);
    expect(() => set.get(3)).toThrow(/group index/);
  });

  it('a shared window narrower than the union collapses every group into it', () => {
    const values = Array.from({ length: 3000 }, (_, i) => 1.02 ** (i % 1500));
    const set = setOf(values, values.map((_, i) => i % 3), 100);
    expect(set.posWidth).toBe(100);
    for (let g = 0; g < set.size; g++) {
      expect(set.counts[g]).toBe(1000);
      expect(set.get(g).quantile(1)).toBeCloseTo(Math.max(...values), -Math.log10(Math.max(...values)) + 1);
    }
  });

  it('merging 10k sketches through one set is a column sum', () => {
    const n = 10_000;
    const values: number[] = [];
    const groups: number[] = [];
    for (let g = 0; g < n; g++) for (let j = 0; j < 5; j++) [values[values.length], groups[groups.length]] = [(g + 1) * (j + 1), g];
    const set = setOf(values, groups);
    const all = set.mergeAll();
    expect(all.count).toBe(5 * n);
    expect(all.quantile(1)).toBe(5 * n);
  });
});
