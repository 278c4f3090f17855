/**
 * FC_LocalSimple: forecast y_t by the mean of the previous k values and study the residuals.
 *  - mean1_tauresrat (k = 1): first ACF zero of the residuals / first ACF zero of the series.
 *  - mean3_stderr (k = 3): sample standard deviation of the residuals.
 */
import { autocorrNormalized, firstZeroCrossing } from './co-auto-corr.js';
import type { Catch22Scratch } from './scratch.js';
import { stdOf } from './stats.js';

/** Lags tried by direct sums before the residuals get a full FFT autocorrelation. */
const DIRECT_LAGS = 8;
/** |ACF| below this (relative to lag 0) is too close to zero to trust a direct sum's sign. */
const AMBIGUOUS = 1e-9;

/**
 * First lag where the residuals' ACF is ≤ 0. The residuals (lag-1 increments) usually decorrelate
 * within a few lags, so try those lags with direct sums (O(n) each) and fall back to the FFT
 * autocorrelation, as the reference computes it, when the crossing is further out or a sum is
 * too close to zero to be sure of its sign.
 */
function firstZeroOfResiduals(res: Float64Array, m: number, s: Catch22Scratch): number {
  let sum = 0;
  for (let i = 0; i < m; i++) sum += res[i];
  const mean = sum / m;
  const c = s.workB;
  let lag0 = 0;
  for (let i = 0; i < m; i++) {
    const v = res[i] - mean;
    c[i] = v;
    lag0 += v * v;
  }
  const limit = Math.min(DIRECT_LAGS, m - 1);
  for (let lag = 1; lag <= limit; lag++) {
    let acc = 0;
    for (let i = 0; i + lag < m; i++) acc += c[i] * c[i + lag];
    if (Math.abs(acc) <= AMBIGUOUS * lag0 || !(lag0 > 0)) break;
    if (acc < 0) return lag;
  }
  autocorrNormalized(res, m, c, s);
  return firstZeroCrossing(c, m);
}

export function fcLocalSimpleMean1Tauresrat(s: Catch22Scratch): number {
  const n = s.n;
  const y = s.z;
  const m = n - 1;
  const res = s.workA;
  for (let i = 0; i < m; i++) res[i] = y[i + 1] - y[i];
  return firstZeroOfResiduals(res, m, s) / s.firstZeroAc;
}

export function fcLocalSimpleMean3Stderr(s: Catch22Scratch): number {
  const n = s.n;
  const y = s.z;
  const m = n - 3;
  const res = s.workA;
  for (let i = 0; i < m; i++) {
    // the reference accumulates then divides: ((0 + a) + b + c) / 3
    const estimate = (y[i] + y[i + 1] + y[i + 2]) / 3;
    res[i] = y[i + 3] - estimate;
  }
  return stdOf(res, 0, m);
}
