// FC_LocalSimple: forecast y_t by the mean of the previous k values and study the residuals.
//  - mean1_tauresrat (k = 1): first ACF zero of the residuals / first ACF zero of the series.
//  - mean3_stderr (k = 3): sample standard deviation of the residuals.
import { autocorrNormalized, firstZeroCrossing } from './c22-co-auto-corr';
import { ldf, ldv, stf, stv } from './c22-mem';
import { FIRST_ZERO_AC, N, WORK_A, WORK_B, Z } from './c22-scratch';
import { stdOf } from './c22-stats';

/** Lags tried by direct sums before the residuals get a full FFT autocorrelation. */
const DIRECT_LAGS = 8;
/** |ACF| below this (relative to lag 0) is too close to zero to trust a direct sum's sign. */
const AMBIGUOUS: f64 = 1e-9;

/**
 * First lag where the residuals' ACF is ≤ 0. The residuals (lag-1 increments) usually decorrelate within a
 * few lags, so those lags get direct sums (O(m) each); the FFT autocorrelation, as the reference computes it,
 * decides when the crossing is further out or a sum is too close to zero to be sure of its sign.
 */
function firstZeroOfResiduals(res: usize, m: i32): i32 {
  let sum: f64 = 0;
  for (let i = 0; i < m; i++) sum += ldf(res, i);
  const mean = sum / <f64>m;
  const c = WORK_B;
  let lag0: f64 = 0;
  for (let i = 0; i < m; i++) {
    const v = ldf(res, i) - mean;
    stf(c, i, v);
    lag0 += v * v;
  }
  const limit = min(DIRECT_LAGS, m - 1);
  for (let lag = 1; lag <= limit; lag++) {
    let acc: f64 = 0;
    for (let i = 0; i + lag < m; i++) acc += ldf(c, i) * ldf(c, i + lag);
    if (Math.abs(acc) <= AMBIGUOUS * lag0 || !(lag0 > 0)) break;
    if (acc < 0) return lag;
  }
  autocorrNormalized(res, m, c);
  return firstZeroCrossing(c, m);
}

export function fcLocalSimpleMean1Tauresrat(): f64 {
  const n = N, y = Z;
  const m = n - 1;
  const res = WORK_A;
  let i = 0;
  for (; i + 2 <= m; i += 2) stv(res, i, f64x2.sub(ldv(y, i + 1), ldv(y, i)));
  if (i < m) stf(res, i, ldf(y, i + 1) - ldf(y, i));
  return <f64>firstZeroOfResiduals(res, m) / <f64>FIRST_ZERO_AC;
}

export function fcLocalSimpleMean3Stderr(): f64 {
  const n = N, y = Z;
  const m = n - 3;
  const res = WORK_A;
  const three = f64x2.splat(3);
  let i = 0;
  // the reference accumulates then divides: ((0 + a) + b + c) / 3
  for (; i + 2 <= m; i += 2) {
    const estimate = f64x2.div(f64x2.add(f64x2.add(ldv(y, i), ldv(y, i + 1)), ldv(y, i + 2)), three);
    stv(res, i, f64x2.sub(ldv(y, i + 3), estimate));
  }
  for (; i < m; i++) {
    const estimate = (ldf(y, i) + ldf(y, i + 1) + ldf(y, i + 2)) / 3;
    stf(res, i, ldf(y, i + 3) - estimate);
  }
  return stdOf(res, 0, m);
}
