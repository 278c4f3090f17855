/**
 * catch22 internals and robustness: the FFT against a plain DFT, and every place where gpulse takes
 * a faster route than the feature's definition (linked-list medians in DN_OutlierInclude, the
 * FFT-based AMI in IN_AutoMutualInfoStats, direct lags in FC_LocalSimple) against a plain
 * transcription of the definition, on random series with many ties. Plus: never a throw, NaN rows
 * with a status for bad input, no state leaking between series through the shared scratch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catch22Series, MIN_SERIES_LENGTH, SeriesStatus } from '../../engine/kernels/features/catch22/catch22.js';
import { fftComplex, fftReal, PI_REF } from '../../engine/kernels/features/catch22/fft.js';
import { rng } from '../support/seeded.js';

function zscore(x: Float64Array): Float64Array {
  const n = x.length;
  let sum = 0;
  for (const v of x) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of x) ss += (v - mean) * (v - mean);
  const std = Math.sqrt(ss / (n - 1));
  return x.map((v) => (v - mean) / std);
}

function medianOf(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 === 1 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** DN_OutlierInclude as defined: rescan the series for every threshold. */
function outlierIncludeByDefinition(z: Float64Array, sign: number): number {
  const n = z.length;
  const y = Array.from(z, (v) => sign * v);
  const total = y.filter((v) => v >= 0).length;
  const max = Math.max(...y);
  if (max < 0.01) return 0;
  const nThresh = Math.floor(max / 0.01 + 1);
  const gapMean: number[] = [];
  const share: number[] = [];
  const medianPos: number[] = [];
  for (let j = 0; j < nThresh; j++) {
    const pos: number[] = [];
    y.forEach((v, i) => { if (v >= j * 0.01) pos.push(i + 1); });
    let gaps = 0;
    for (let k = 0; k + 1 < pos.length; k++) gaps += pos[k + 1] - pos[k];
    gapMean.push(gaps / (pos.length - 1));
    share.push(((pos.length - 1) * 100.0) / total);
    medianPos.push(pos.length ? medianOf(pos) / (n / 2) - 1 : NaN);
  }
  let keepUpTo = 0;
  share.forEach((v, j) => { if (v > 2) keepUpTo = j; });
  let firstSingle = nThresh - 1;
  for (let j = nThresh - 1; j >= 0; j--) if (Number.isNaN(gapMean[j])) firstSingle = j;
  return medianOf(medianPos.slice(0, Math.min(keepUpTo, firstSingle) + 1));
}

function pearson(z: Float64Array, lag: number): number {
  const m = z.length - lag;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < m; i++) { sa += z[i]; sb += z[i + lag]; }
  const ma = sa / m;
  const mb = sb / m;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < m; i++) {
    num += (z[i] - ma) * (z[i + lag] - mb);
    da += (z[i] - ma) ** 2;
    db += (z[i + lag] - mb) ** 2;
  }
  return num / Math.sqrt(da * db);
}

/** IN_AutoMutualInfoStats_40_gaussian_fmmi as defined, lag by lag. */
function fmmiByDefinition(z: Float64Array): number {
  const tau = Math.min(40, Math.ceil(z.length / 2));
  const ami = Array.from({ length: tau }, (_, i) => -0.5 * Math.log(1 - pearson(z, i + 1) ** 2));
  for (let i = 1; i < tau - 1; i++) if (ami[i] < ami[i - 1] && ami[i] < ami[i + 1]) return i;
  return tau;
}

/**
 * First lag where the mean-removed autocorrelation (direct sums) is ≤ 0; NaN when a lag on the way
 * is within 1e-9 of zero (relative to lag 0), where the sign is down to rounding and the reference's
 * FFT may see it either way.
 */
function firstZeroByDefinition(y: ArrayLike<number>): number {
  const n = y.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i];
  mean /= n;
  let lag0 = 0;
  for (let lag = 0; lag < n; lag++) {
    let acc = 0;
    for (let i = 0; i + lag < n; i++) acc += (y[i] - mean) * (y[i + lag] - mean);
    if (lag === 0) lag0 = acc;
    else if (Math.abs(acc) <= 1e-9 * lag0) return NaN;
    if (!(acc > 0)) return lag;
  }
  return n;
}

/**
 * Least-squares cubic spline, C² at the interior break ⌊n/2⌋ − 1, by a route independent of the
 * implementation's B-splines: truncated-power basis on [0, 1] and modified Gram–Schmidt QR.
 */
function splineByQr(y: Float64Array): Float64Array {
  const n = y.length;
  const knot = (Math.floor(n / 2) - 1) / (n - 1);
  const cols = [0, 1, 2, 3, 4].map((c) => Float64Array.from({ length: n }, (_, i) => {
    const t = i / (n - 1);
    return c < 4 ? t ** c : Math.max(t - knot, 0) ** 3;
  }));
  const q: Float64Array[] = [];
  const fitted = new Float64Array(n);
  for (const col of cols) {
    const v = Float64Array.from(col);
    for (const e of q) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += e[i] * v[i];
      for (let i = 0; i < n; i++) v[i] -= dot * e[i];
    }
    const norm = Math.hypot(...v);
    q.push(v.map((a) => a / norm));
  }
  for (const e of q) {
    let dot = 0;
    for (let i = 0; i < n; i++) dot += e[i] * y[i];
    for (let i = 0; i < n; i++) fitted[i] += dot * e[i];
  }
  return fitted;
}

/** PD_PeriodicityWang_th0_01 as defined, direct sums; NaN when a decision is within 1e-8 (too close to call). */
function periodicityWangByDefinition(z: Float64Array): number {
  const n = z.length;
  const spline = splineByQr(z);
  const d = z.map((v, i) => v - spline[i]);
  const acmax = Math.ceil(n / 3);
  const acf = Array.from({ length: acmax }, (_, k) => {
    let sum = 0;
    for (let i = 0; i + k + 1 < n; i++) sum += d[i] * d[i + k + 1];
    return sum / (n - k - 1);
  });
  const tol = 1e-8;
  let lastTrough = -1;
  for (let i = 1; i < acmax - 1; i++) {
    const before = acf[i] - acf[i - 1];
    const after = acf[i + 1] - acf[i];
    if (Math.abs(before) <= tol || Math.abs(after) <= tol) return NaN;
    if (before < 0 && after >= 0) lastTrough = i;
    else if (before >= 0 && after < 0 && lastTrough >= 0) {
      const rise = acf[i] - acf[lastTrough];
      if (Math.abs(rise - 0.01) <= tol || Math.abs(acf[i]) <= tol) return NaN;
      if (rise >= 0.01 && acf[i] >= 0) return i;
    }
  }
  return 0;
}

/** Series with many ties and plateaus (small integer alphabet), plain doubles, or noisy sinusoids. */
const seriesArb = fc.oneof(
  fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 10, maxLength: 160 }),
  fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 10, maxLength: 160 }),
  fc.record({
    n: fc.integer({ min: 10, max: 400 }),
    period: fc.double({ min: 2.5, max: 60, noNaN: true }),
    noise: fc.double({ min: 0, max: 2, noNaN: true }),
    trend: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
    seed: fc.integer({ min: 1, max: 1e6 }),
  }).map(({ n, period, noise, trend, seed }) => {
    const r = rng(seed);
    return Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * i) / period) + noise * (r() - 0.5) + trend * i);
  }),
).map((a) => Float64Array.from(a));

describe('catch22 FFT', () => {
  function dft(re: number[], im: number[]): [number[], number[]] {
    const n = re.length;
    const outRe: number[] = [];
    const outIm: number[] = [];
    for (let k = 0; k < n; k++) {
      let sr = 0;
      let si = 0;
      for (let t = 0; t < n; t++) {
        const angle = (-PI_REF * 2 * ((k * t) % n)) / n;
        sr += re[t] * Math.cos(angle) - im[t] * Math.sin(angle);
        si += re[t] * Math.sin(angle) + im[t] * Math.cos(angle);
      }
      outRe.push(sr);
      outIm.push(si);
    }
    return [outRe, outIm];
  }

  it('complex and real transforms match a plain DFT with the reference PI, n = 1..512', () => {
    const r = rng(22);
    for (let n = 1; n <= 512; n *= 2) {
      const re = Array.from({ length: n }, () => r() - 0.5);
      const im = Array.from({ length: n }, () => r() - 0.5);
      const [wantRe, wantIm] = dft(re, im);
      const gotRe = Float64Array.from(re);
      const gotIm = Float64Array.from(im);
      fftComplex(gotRe, gotIm, n);
      for (let k = 0; k < n; k++) {
        expect(Math.abs(gotRe[k] - wantRe[k])).toBeLessThan(1e-12 * n);
        expect(Math.abs(gotIm[k] - wantIm[k])).toBeLessThan(1e-12 * n);
      }
      if (n < 2) continue;
      const [realRe, realIm] = dft(re, new Array(n).fill(0));
      const outRe = new Float64Array(n / 2 + 1);
      const outIm = new Float64Array(n / 2 + 1);
      fftReal(Float64Array.from(re), n, outRe, outIm, new Float64Array(n / 2), new Float64Array(n / 2));
      for (let k = 0; k <= n / 2; k++) {
        expect(Math.abs(outRe[k] - realRe[k])).toBeLessThan(1e-12 * n);
        expect(Math.abs(outIm[k] - realIm[k])).toBeLessThan(1e-12 * n);
      }
    }
  });
});

describe('catch22 fast paths agree with the definitions', () => {
  it('DN_OutlierInclude (n and p), IN_AutoMutualInfoStats fmmi, FC_LocalSimple tauresrat, PD_PeriodicityWang', () => {
    const out = new Float64Array(22);
    fc.assert(
      fc.property(seriesArb, (x) => {
        const status = catch22Series(x, out, 0, false);
        if (status !== SeriesStatus.Ok) return;
        const z = zscore(x);
        expect(out[0]).toBe(outlierIncludeByDefinition(z, -1));
        expect(out[1]).toBe(outlierIncludeByDefinition(z, 1));
        expect(out[11]).toBe(fmmiByDefinition(z));
        const diffs = Array.from({ length: z.length - 1 }, (_, i) => z[i + 1] - z[i]);
        const ratio = firstZeroByDefinition(diffs) / firstZeroByDefinition(z);
        if (!Number.isNaN(ratio)) expect(out[9]).toBe(ratio);
        const peak = periodicityWangByDefinition(z);
        if (!Number.isNaN(peak)) expect(out[21]).toBe(peak);
      }),
      { numRuns: 300, seed: 2022 },
    );
  });
});

describe('catch22 robustness', () => {
  const anyDouble = fc.oneof(
    fc.double(),
    fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1e308, -1e308, 5e-324),
  );

  it('never throws; bad input gives a NaN row and a status; writes only its row', () => {
    fc.assert(
      fc.property(fc.array(anyDouble, { maxLength: 40 }), fc.boolean(), (values, catch24) => {
        const x = Float64Array.from(values);
        const width = catch24 ? 24 : 22;
        const out = new Float64Array(width + 4).fill(-7);
        const status = catch22Series(x, out, 2, catch24);
        expect([0, 1, 2, 3]).toContain(status);
        expect([out[0], out[1], out[width + 2], out[width + 3]]).toEqual([-7, -7, -7, -7]);
        const row = Array.from(out.subarray(2, 2 + width));
        if (x.length < MIN_SERIES_LENGTH) expect(status).toBe(SeriesStatus.TooShort);
        else if (values.some((v) => !Number.isFinite(v))) expect(status).toBe(SeriesStatus.NonFinite);
        if (status === SeriesStatus.TooShort || status === SeriesStatus.NonFinite) {
          expect(row.every(Number.isNaN)).toBe(true);
        }
        if (status === SeriesStatus.Constant) expect(row.slice(0, 22).every(Number.isNaN)).toBe(true);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('a constant series: 22 NaN, mean and std 0 for catch24', () => {
    const out = new Float64Array(24);
    expect(catch22Series(new Float64Array(50).fill(2.5), out, 0, true)).toBe(SeriesStatus.Constant);
    expect(out.subarray(0, 22).every(Number.isNaN)).toBe(true);
    expect([out[22], out[23]]).toEqual([2.5, 0]);
  });

  it('shared scratch leaks nothing between series of different lengths; catch22 = first 22 of catch24', () => {
    const r = rng(5);
    const long = Float64Array.from({ length: 5000 }, (_, i) => Math.sin(i / 17) + r());
    const short = Float64Array.from({ length: 37 }, () => r());
    const first = new Float64Array(24);
    const again = new Float64Array(24);
    const only22 = new Float64Array(22);
    catch22Series(long, first, 0, true);
    catch22Series(short, new Float64Array(24), 0, true);
    catch22Series(long, again, 0, true);
    catch22Series(long, only22, 0, false);
    expect(Array.from(again)).toEqual(Array.from(first));
    expect(Array.from(only22)).toEqual(Array.from(first.subarray(0, 22)));
    expect(first.every(Number.isFinite)).toBe(true);
  });
});
