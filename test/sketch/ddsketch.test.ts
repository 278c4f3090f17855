/** The DDSketch class: the relative-error guarantee, zeros, negatives, weights, collapsing and merging. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DDSketch } from '../../engine/kernels/sketch/ddsketch.js';
import { exactQuantile, sortedCopy } from './data.js';

const QS = [0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1];
/** Magnitudes within 1e±6, either sign, some exact zeros. */
const value = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: 1e-6, max: 1e6, noNaN: true }).chain((v) => fc.constantFrom(v, -v)) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0) },
);

function sketchOf(values: ArrayLike<number>, opts: ConstructorParameters<typeof DDSketch>[0] = {}): DDSketch {
  const s = new DDSketch(opts);
  for (let i = 0; i < values.length; i++) s.addValue(values[i]);
  return s;
}

/** α, plus float64 rounding in value(k) far from 1 (y = k/m loses ~1e-13 relative at |log2 v| ≈ 900). */
function withinAlpha(est: number, exact: number, alpha: number): boolean {
  return Math.abs(est - exact) <= (alpha + 1e-12) * Math.abs(exact);
}

describe('DDSketch', () => {
  it('every quantile is within α of the exact quantile (negatives, zeros, several α)', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 2000 }), fc.constantFrom(0.05, 0.01, 0.002), (values, alpha) => {
        const s = sketchOf(values, { relativeAccuracy: alpha, maxBins: Infinity });
        const sorted = sortedCopy(values);
        return QS.every((q) => withinAlpha(s.quantile(q), exactQuantile(sorted, q), alpha));
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('counts, sum, min and max follow the values; zero and −0 go to the zero count', () => {
    const s = sketchOf([3, -2, 0, -0, 5e-324, 7]);
    expect([s.count, s.zeroCount, s.positive.total, s.negative.total]).toEqual([6, 3, 2, 1]);
    expect([s.min, s.max]).toEqual([-2, 7]);
    expect(s.sum).toBeCloseTo(8, 12);
    expect(s.quantile(0.5)).toBe(0);
  });

  it('an integer weight w is the same as adding the value w times', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(value, fc.integer({ min: 1, max: 5 })), { maxLength: 200 }), (pairs) => {
        const weighted = new DDSketch();
        const repeated = new DDSketch();
        for (const [v, w] of pairs) {
          weighted.addValue(v, w);
          for (let i = 0; i < w; i++) repeated.addValue(v);
        }
        expect(weighted.positive.bins()).toEqual(repeated.positive.bins());
        expect(weighted.negative.bins()).toEqual(repeated.negative.bins());
        expect([weighted.count, weighted.zeroCount]).toEqual([repeated.count, repeated.zeroCount]);
      }),
      { numRuns: 100, seed: 12 },
    );
  });

  it('fractional weights shift the quantiles by weight, not by count', () => {
    const s = new DDSketch().addValue(1, 0.25).addValue(100, 2.75);
    expect(s.count).toBe(3);
    expect(s.quantile(0.5)).toBeCloseTo(100, 0);
    expect(() => s.addValue(1, 0)).toThrow(/weight/);
    expect(() => s.addValue(NaN)).toThrow(/finite/);
    expect(() => s.addValue(Infinity)).toThrow(/finite/);
  });

  it('collapses the lowest bins past maxBins; quantiles above the collapsed range keep the guarantee', () => {
    const values = Array.from({ length: 5000 }, (_, i) => 1.01 ** i * (i % 3 === 0 ? -1 : 1));
    const maxBins = 100;
    const s = sketchOf(values, { maxBins });
    const full = sketchOf(values, { maxBins: Infinity });
    for (const store of ['positive', 'negative'] as const) {
      const b = s[store].bins();
      expect(b.counts.length).toBeLessThanOrEqual(maxBins);
      // One-shot collapse of the full store gives the same bins as collapsing while adding.
      const f = full[store].bins();
      const lo = f.offset + f.counts.length - maxBins;
      const folded = f.counts.slice(f.counts.length - maxBins);
      folded[0] += f.counts.slice(0, f.counts.length - maxBins).reduce((a, c) => a + c, 0);
      expect(b.offset).toBe(lo);
      expect(Array.from(b.counts)).toEqual(Array.from(folded));
    }
    // The guarantee holds for every quantile whose exact value lies above its store's collapsed bin.
    const sorted = sortedCopy(values);
    let checked = 0;
    for (let q = 0; q <= 1; q += 0.001) {
      const exact = exactQuantile(sorted, q);
      const store = exact > 0 ? s.positive : s.negative;
      if (s.mapping.key(Math.abs(exact)) <= store.lo) continue;
      expect(withinAlpha(s.quantile(q), exact, 0.01), `q ${q}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
    expect(s.count).toBe(values.length);
  });

  it('merge equals the sketch of the concatenation (bins, counts, extremes)', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 500 }), fc.array(value, { maxLength: 500 }), fc.constantFrom(2048, 40), (a, b, maxBins) => {
        const merged = sketchOf(a, { maxBins }).merge(sketchOf(b, { maxBins }));
        const whole = sketchOf([...a, ...b], { maxBins });
        expect(merged.positive.bins()).toEqual(whole.positive.bins());
        expect(merged.negative.bins()).toEqual(whole.negative.bins());
        expect([merged.zeroCount, merged.count, merged.min, merged.max]).toEqual([whole.zeroCount, whole.count, whole.min, whole.max]);
        expect(merged.sum).toBeCloseTo(whole.sum, 6);
      }),
      { numRuns: 150, seed: 13 },
    );
  });

  it('mergeAll of many sketches equals merging them one by one', () => {
    const parts = Array.from({ length: 300 }, (_, i) => sketchOf([i + 1, -(i + 1) / 7, 0, 1e3 * i]));
    const one = DDSketch.mergeAll(parts);
    const seq = parts.reduce((acc, s) => acc.merge(s), new DDSketch());
    expect(one.positive.bins()).toEqual(seq.positive.bins());
    expect(one.negative.bins()).toEqual(seq.negative.bins());
    expect(one.quantiles([0.1, 0.5, 0.9])).toEqual(seq.quantiles([0.1, 0.5, 0.9]));
    expect(DDSketch.mergeAll(parts, { maxBins: 10 }).positive.bins().counts.length).toBeLessThanOrEqual(10);
  });

  it('refuses to merge sketches with different mappings', () => {
    expect(() => new DDSketch({ relativeAccuracy: 0.01 }).merge(new DDSketch({ relativeAccuracy: 0.02 }))).toThrow(/mappings differ/);
  });

  it('an empty sketch answers NaN; q outside [0, 1] is an error', () => {
    const s = new DDSketch();
    expect(s.quantile(0.5)).toBeNaN();
    expect(() => s.quantile(1.5)).toThrow(/q/);
    expect(() => new DDSketch({ maxBins: 0 })).toThrow(/maxBins/);
    expect(() => new DDSketch({ relativeAccuracy: 1 })).toThrow(/relativeAccuracy/);
  });
});
