/** The fast-feature reference itself, on series whose features are known in closed form. */
import { describe, expect, it } from 'vitest';
import { fastConfig, fastLayout, Status } from '../../engine/kernels/features/fast/fast-layout.js';
import { referenceRow } from '../../engine/kernels/features/fast/fast-reference.js';

function row(x: number[], lags = [1, 2]) {
  const cfg = fastConfig(lags, 4);
  const L = fastLayout(cfg);
  const out = new Float64Array(L.width);
  const status = referenceRow(x, cfg, L, out);
  return { status, get: (name: string) => out[L.names.indexOf(name)] };
}

describe('fast feature reference', () => {
  it('1, 2, 3, 4: mean 2.5, sample std √(5/3), skewness 0, excess kurtosis −1.36, exact linear trend', () => {
    const r = row([1, 2, 3, 4]);
    expect(r.status).toBe(Status.Ok);
    expect(r.get('mean')).toBe(2.5);
    expect(r.get('std')).toBeCloseTo(Math.sqrt(5 / 3), 15);
    expect(r.get('skewness')).toBeCloseTo(0, 15);
    expect(r.get('kurtosis')).toBeCloseTo(-1.36, 14);
    expect([r.get('trend_slope'), r.get('trend_intercept'), r.get('trend_r2')]).toEqual([1, 1, 1]);
    // numpy.percentile(…, [5, 50, 95]) = 1.15, 2.5, 3.85
    expect(r.get('p05')).toBeCloseTo(1.15, 14);
    expect(r.get('p50')).toBe(2.5);
    expect(r.get('p95')).toBeCloseTo(3.85, 14);
    // statsmodels acf: lag 1 = (−1.5·−0.5 + −0.5·0.5 + 0.5·1.5)/5 = 0.25, lag 2 = (−1.5·0.5 + −0.5·1.5)/5 = −0.3
    expect(r.get('acf_lag1')).toBeCloseTo(0.25, 15);
    expect(r.get('acf_lag2')).toBeCloseTo(-0.3, 15);
    expect([r.get('mean_abs_change'), r.get('mean_crossing_rate'), r.get('peak_count')]).toEqual([1, 1 / 3, 0]);
  });

  it('a pure tone at bin 8 of 64: dominant frequency 8/32 of Nyquist, centroid there, power in band [0.25, 0.5)', () => {
    const x = Array.from({ length: 64 }, (_, t) => Math.cos((2 * Math.PI * 8 * t) / 64));
    const r = row(x);
    expect(r.get('dominant_frequency')).toBe(0.25);
    expect(r.get('spectral_centroid')).toBeCloseTo(0.25, 12);
    // The Hann window spreads the tone over bins 7, 8, 9: 7 lies in band 0, 8 and 9 in band 1.
    expect(r.get('band_power_0_0.25') + r.get('band_power_0.25_0.5')).toBeCloseTo(1, 12);
    expect(r.get('band_power_0.25_0.5')).toBeGreaterThan(0.8);
    expect(r.get('spectral_entropy')).toBeLessThan(0.3);
    expect(r.get('spectral_flatness')).toBeLessThan(1e-3);
  });

  it('peaks are strict interior maxima; crossings count sign changes around the mean', () => {
    const r = row([0, 2, 2, 0, 3, 0, 1, 0]);
    expect(r.get('peak_count')).toBe(2);
    // mean 1: above = [F, T, T, F, T, F, F, F] → 4 changes over 7 pairs
    expect(r.get('mean_crossing_rate')).toBeCloseTo(4 / 7, 15);
  });
});
