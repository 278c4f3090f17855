// PD_PeriodicityWang_th0_01 (Wang et al. 2007): remove a two-piece cubic spline trend, compute the
// autocovariance (mean of lagged products, no mean removal) for lags 1..⌈n/3⌉, and return the first ACF peak
// that has a trough before it, rises at least 0.01 above that trough and is positive. Returned as the
// reference does: the 0-based index of the peak in the lag-1-first array, or 0.
//
// As in the JS version: one FFT gives all lags; the lags behind any decision closer than AMBIGUOUS (relative
// to lag 0) are recomputed by the reference's direct sums and the scan repeated; with very many such lags
// every lag gets direct sums while that stays within DIRECT_BUDGET multiply-adds.
import { autocorrRaw } from './c22-co-auto-corr';
import { ldf, ldi, ldv, stf, sti, stv } from './c22-mem';
import { N, WORK_A, WORK_B, WORK_C, Z } from './c22-scratch';
import { splineFitTwoPieces } from './c22-spline-fit';

const THRESHOLD: f64 = 0.01;
const AMBIGUOUS: f64 = 1e-9;
const MAX_RECHECKS = 64;
const DIRECT_BUDGET: f64 = 2e7;

/** Lags (acf indices) whose decisions were too close to call in the last scan. */
const recheck = memory.data(MAX_RECHECKS * 4);
let recheckCount = 0;

function markAmbiguous(i: i32): void {
  // the decision at i reads acf[i − 1], acf[i], acf[i + 1]
  if (recheckCount + 3 <= MAX_RECHECKS) {
    sti(recheck, recheckCount++, i - 1);
    sti(recheck, recheckCount++, i);
    sti(recheck, recheckCount++, i + 1);
  } else {
    recheckCount = MAX_RECHECKS + 1; // overflow
  }
}

/** First qualifying peak in acf[0..acmax) (0 if none); records lags undercutting tol. */
function firstPeak(acf: usize, acmax: i32, tol: f64): i32 {
  recheckCount = 0;
  let lastTrough = -1;
  for (let i = 1; i < acmax - 1; i++) {
    const a = ldf(acf, i);
    const before = a - ldf(acf, i - 1);
    const after = ldf(acf, i + 1) - a;
    if (Math.abs(before) <= tol || Math.abs(after) <= tol) markAmbiguous(i);
    if (before < 0 && after >= 0) {
      lastTrough = i;
    } else if (before >= 0 && after < 0) {
      // the latest trough counts; the first peak that qualifies wins
      if (lastTrough < 0) continue;
      const rise = a - ldf(acf, lastTrough);
      if (Math.abs(rise - THRESHOLD) <= tol || Math.abs(a) <= tol) {
        markAmbiguous(i);
        markAmbiguous(lastTrough);
      }
      if (rise < THRESHOLD) continue;
      if (a < 0) continue;
      return i;
    }
  }
  return 0;
}

/** Σ d[i]·d[i+k+1] / (n − k − 1), the reference's direct sum. */
function directLag(d: usize, n: i32, k: i32): f64 {
  const lag = k + 1;
  let sum: f64 = 0;
  for (let i = 0; i < n - lag; i++) sum += ldf(d, i) * ldf(d, i + lag);
  return sum / <f64>(n - lag);
}

export function pdPeriodicityWangTh001(): f64 {
  const n = N, y = Z;
  const detrended = WORK_A;
  splineFitTwoPieces(y, n, detrended);
  let i = 0;
  for (; i + 2 <= n; i += 2) stv(detrended, i, f64x2.sub(ldv(y, i), ldv(detrended, i)));
  if (i < n) stf(detrended, i, ldf(y, i) - ldf(detrended, i));
  const acmax = (n + 2) / 3;
  // acf[k] = autocovariance at lag k + 1
  const acf = WORK_B, lagged = WORK_C;
  autocorrRaw(detrended, n, lagged);
  for (let k = 0; k < acmax; k++) stf(acf, k, ldf(lagged, k + 1) / <f64>(n - (k + 1)));
  const tol = (AMBIGUOUS * ldf(lagged, 0)) / <f64>n;
  const peak = firstPeak(acf, acmax, tol);
  if (recheckCount == 0) return <f64>peak;
  if (recheckCount <= MAX_RECHECKS) {
    for (let r = 0; r < recheckCount; r++) {
      const k = ldi(recheck, r);
      if (k >= 0 && k < acmax) stf(acf, k, directLag(detrended, n, k));
    }
  } else if (<f64>n * <f64>acmax <= DIRECT_BUDGET) {
    for (let k = 0; k < acmax; k++) stf(acf, k, directLag(detrended, n, k));
  } else {
    return <f64>peak;
  }
  return <f64>firstPeak(acf, acmax, -1);
}
