/**
 * PD_PeriodicityWang_th0_01 (Wang et al. 2007): remove a two-piece cubic spline trend, compute the
 * autocovariance (mean of lagged products, no mean removal) for lags 1..⌈n/3⌉, and return the first
 * ACF peak that has a trough before it, rises at least 0.01 above that trough and is positive.
 * Returned as the reference does: the 0-based index of the peak in the lag-1-first array, or 0.
 *
 * The reference sums every lag directly (O(n²/3)); here one FFT gives all lags. Its rounding differs
 * from direct sums by ~1e-16 of the lag-0 value, so the lags behind any decision closer than
 * AMBIGUOUS (relative to lag 0) are recomputed by direct sums and the scan repeated. A series with
 * very many such lags (long flat stretches of the ACF) gets the direct sums for all lags only while
 * that stays within DIRECT_BUDGET multiply-adds; beyond it the FFT values stand.
 */
import { autocorrRaw } from './co-auto-corr.js';
import type { Catch22Scratch } from './scratch.js';
import { splineFitTwoPieces } from './spline-fit.js';

const THRESHOLD = 0.01;
const AMBIGUOUS = 1e-9;
const MAX_RECHECKS = 64;
const DIRECT_BUDGET = 2e7;

/** Lags (acf indices) whose decisions were too close to call in the last scan. */
const recheck = new Int32Array(MAX_RECHECKS);
let recheckCount = 0;

function markAmbiguous(i: number): void {
  // the decision at i reads acf[i − 1], acf[i], acf[i + 1]
  if (recheckCount + 3 <= MAX_RECHECKS) {
    recheck[recheckCount++] = i - 1;
    recheck[recheckCount++] = i;
    recheck[recheckCount++] = i + 1;
  } else {
    recheckCount = MAX_RECHECKS + 1; // overflow
  }
}

/** First qualifying peak in acf[0..acmax) (0 if none); records lags undercutting tol. */
function firstPeak(acf: Float64Array, acmax: number, tol: number): number {
  recheckCount = 0;
  let lastTrough = -1;
  for (let i = 1; i < acmax - 1; i++) {
    const before = acf[i] - acf[i - 1];
    const after = acf[i + 1] - acf[i];
    if (Math.abs(before) <= tol || Math.abs(after) <= tol) markAmbiguous(i);
    if (before < 0 && after >= 0) {
      lastTrough = i;
    } else if (before >= 0 && after < 0) {
      // the latest trough counts; the first peak that qualifies wins
      if (lastTrough < 0) continue;
      const peak = acf[i];
      const rise = peak - acf[lastTrough];
      if (Math.abs(rise - THRESHOLD) <= tol || Math.abs(peak) <= tol) {
        markAmbiguous(i);
        markAmbiguous(lastTrough);
      }
      if (rise < THRESHOLD) continue;
      if (peak < 0) continue;
      return i;
    }
  }
  return 0;
}

/** acf[k] = Σ d[i]·d[i+k+1] / (n − k − 1), the reference's direct sum. */
function directLag(d: Float64Array, n: number, k: number): number {
  const lag = k + 1;
  let sum = 0;
  for (let i = 0; i < n - lag; i++) sum += d[i] * d[i + lag];
  return sum / (n - lag);
}

export function pdPeriodicityWangTh001(s: Catch22Scratch): number {
  const n = s.n;
  const y = s.z;
  const detrended = s.workA;
  splineFitTwoPieces(y, n, detrended);
  for (let i = 0; i < n; i++) detrended[i] = y[i] - detrended[i];
  const acmax = Math.ceil(n / 3);
  // acf[k] = autocovariance at lag k + 1
  const acf = s.workB;
  const lagged = s.workC;
  autocorrRaw(detrended, n, lagged, s);
  for (let k = 0; k < acmax; k++) acf[k] = lagged[k + 1] / (n - (k + 1));
  const tol = (AMBIGUOUS * lagged[0]) / n;
  const peak = firstPeak(acf, acmax, tol);
  if (recheckCount === 0) return peak;
  if (recheckCount <= MAX_RECHECKS) {
    for (let r = 0; r < recheckCount; r++) {
      const k = recheck[r];
      if (k >= 0 && k < acmax) acf[k] = directLag(detrended, n, k);
    }
  } else if (n * acmax <= DIRECT_BUDGET) {
    for (let k = 0; k < acmax; k++) acf[k] = directLag(detrended, n, k);
  } else {
    return peak;
  }
  return firstPeak(acf, acmax, -1);
}
