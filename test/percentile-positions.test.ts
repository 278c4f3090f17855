/** The numpy definitions, checked against values numpy 2.x prints for the same inputs. */
import { describe, expect, it } from 'vitest';
import { finishPercentiles, numpyLerp, planPercentiles, roundHalfEven } from '../engine/kernels/percentile/positions.js';
import type { PercentileMethod } from '../engine/types.js';

function pct(sorted: number[], q: number[], method: PercentileMethod): number[] {
  const plan = planPercentiles(sorted.length, Float64Array.from(q), method);
  return Array.from(finishPercentiles(plan, Array.from(plan.ranks, (r) => sorted[r])));
}

describe('percentile positions follow numpy', () => {
  const x = [1, 2, 3, 4];
  it('linear (R-7) interpolates at h = (n−1)q', () => {
    expect(pct(x, [0, 0.1, 0.5, 0.9, 1], 'linear')).toEqual([1, 1.3, 2.5, 3.7, 4]);
  });
  it('lower / higher take the neighbouring order statistics', () => {
    expect(pct(x, [0.1, 0.5, 0.9], 'lower')).toEqual([1, 2, 3]);
    expect(pct(x, [0.1, 0.5, 0.9], 'higher')).toEqual([2, 3, 4]);
  });
  it('nearest rounds half to even (np.around)', () => {
    // n = 5: h = 4q; q = 0.125 → h = 0.5 → 0; q = 0.375 → h = 1.5 → 2; q = 0.625 → h = 2.5 → 2
    expect(pct([10, 20, 30, 40, 50], [0.125, 0.375, 0.625], 'nearest')).toEqual([10, 30, 30]);
    expect(roundHalfEven(2.5)).toBe(2);
    expect(roundHalfEven(3.5)).toBe(4);
    expect(roundHalfEven(-0.5)).toBe(-0);
  });
  it('midpoint averages the neighbours unless h is an integer', () => {
    expect(pct(x, [0.1, 0.5, 1 / 3], 'midpoint')).toEqual([1.5, 2.5, 2]);
  });
  it('numpy _lerp computes from b when t ≥ 0.5 (last-ulp agreement)', () => {
    // numpy.percentile([0.1, 0.3], 90) == 0.27999999999999997, where a + (b−a)·t gives 0.28
    expect(numpyLerp(0.1, 0.3, 0.9)).toBe(0.27999999999999997);
    expect(pct([0.1, 0.3], [0.9], 'linear')).toEqual([0.27999999999999997]);
    expect(pct([0.3, 0.9], [0.6], 'linear')).toEqual([0.6599999999999999]);
  });
  // Deliberate difference: numpy returns NaN here ((b − a)·0 with b − a = ∞); gpulse returns the order statistic.
  it('an integer position returns that order statistic even next to infinities', () => {
    expect(pct([1, Infinity], [0], 'linear')).toEqual([1]);
    expect(pct([-Infinity, Infinity], [1], 'linear')).toEqual([Infinity]);
    expect(pct([Infinity, Infinity], [0.5], 'linear')).toEqual([Infinity]);
  });
  it('empty input gives NaN', () => {
    expect(pct([], [0.5], 'linear')).toEqual([NaN]);
  });
});
