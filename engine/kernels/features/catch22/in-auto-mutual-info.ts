/**
 * IN_AutoMutualInfoStats_40_gaussian_fmmi: first minimum of the Gaussian automutual information
 * −½·log(1 − r_τ²) over lags τ = 1..40 (at most ⌈n/2⌉), r_τ the Pearson correlation of y[0..n−τ)
 * with y[τ..n). Returned as the reference does: the 0-based index of the minimum in that lag list
 * (τ − 1), or the number of lags when there is no interior minimum.
 *
 * Fast path: r_τ from the shared FFT autocorrelation plus head/tail sums (O(n + 40) instead of
 * O(40·n)). Since the AMI is increasing in r², the minimum is found on r². The fast r² carries an
 * error of about 1e-16·Σc² / √(da·db); it is trusted only when both segments keep at least
 * MIN_SEGMENT_SHARE of the total variation (error ≲ 1e-12) and comparisons are decided by more
 * than AMBIGUOUS. Otherwise (a near-tie, a near-constant segment, |r| ≈ 1, NaN) the reference's
 * direct sums decide.
 */
import type { Catch22Scratch } from './scratch.js';

const MAX_TAU = 40;
const AMBIGUOUS = 1e-10;
const MIN_SEGMENT_SHARE = 1e-3;
const r2 = new Float64Array(MAX_TAU);
const ami = new Float64Array(MAX_TAU);

/**
 * r² at lags 1..tau from the shared autocorrelation; r2[k] holds lag k + 1. Returns false when a
 * segment's variation is too small a share of the total for the shortcut to be accurate.
 */
function squaredCorrelationsFromAcf(s: Catch22Scratch, tau: number): boolean {
  const n = s.n;
  const z = s.z;
  // centred as the autocorrelation was: c = z − mean(z)
  let sum = 0;
  for (let i = 0; i < n; i++) sum += z[i];
  const m = sum / n;
  let total1 = 0;
  let total2 = 0;
  for (let i = 0; i < n; i++) {
    const c = z[i] - m;
    total1 += c;
    total2 += c * c;
  }
  let head1 = 0; // Σ c over [0, lag)
  let head2 = 0;
  let tail1 = 0; // Σ c over [n − lag, n)
  let tail2 = 0;
  for (let lag = 1; lag <= tau; lag++) {
    const h = z[lag - 1] - m;
    const t = z[n - lag] - m;
    head1 += h;
    head2 += h * h;
    tail1 += t;
    tail2 += t * t;
    const len = n - lag;
    const sa = total1 - tail1; // first segment [0, n − lag)
    const saa = total2 - tail2;
    const sb = total1 - head1; // second segment [lag, n)
    const sbb = total2 - head2;
    const sab = s.acf[lag] * s.acfLag0;
    const num = sab - (sa * sb) / len;
    const da = saa - (sa * sa) / len;
    const db = sbb - (sb * sb) / len;
    if (!(da >= MIN_SEGMENT_SHARE * total2 && db >= MIN_SEGMENT_SHARE * total2)) return false;
    const rr = (num * num) / (da * db);
    // |r| = 1 to rounding: the reference's 1 − r² may come out negative and its AMI NaN, which
    // changes the comparisons; only its own sums can say
    if (!(rr < 1 - AMBIGUOUS)) return false;
    r2[lag - 1] = rr;
  }
  return true;
}

/** Pearson correlation between x[0..m) and x[lag..lag+m), with means subtracted first. */
function lagCorrelation(x: Float64Array, m: number, lag: number): number {
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < m; i++) {
    sa += x[i];
    sb += x[i + lag];
  }
  const ma = sa / m;
  const mb = sb / m;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < m; i++) {
    const a = x[i] - ma;
    const b = x[i + lag] - mb;
    num += a * b;
    da += a * a;
    db += b * b;
  }
  return num / Math.sqrt(da * db);
}

/** The reference's computation, lag by lag. */
function firstMinimumDirect(s: Catch22Scratch, tau: number): number {
  const n = s.n;
  for (let i = 0; i < tau; i++) {
    const r = lagCorrelation(s.z, n - (i + 1), i + 1);
    ami[i] = -0.5 * Math.log(1 - r * r);
  }
  for (let i = 1; i < tau - 1; i++) {
    if (ami[i] < ami[i - 1] && ami[i] < ami[i + 1]) return i;
  }
  return tau;
}

export function inAutoMutualInfoStats40GaussianFmmi(s: Catch22Scratch): number {
  const n = s.n;
  const tau = Math.min(MAX_TAU, Math.ceil(n / 2));
  if (!squaredCorrelationsFromAcf(s, tau)) return firstMinimumDirect(s, tau);
  for (let i = 1; i < tau - 1; i++) {
    const below = r2[i - 1] - r2[i]; // > 0: lower than the previous lag
    const above = r2[i + 1] - r2[i]; // > 0: lower than the next lag
    if (below > AMBIGUOUS && above > AMBIGUOUS) return i;
    if (below < -AMBIGUOUS || above < -AMBIGUOUS) continue;
    return firstMinimumDirect(s, tau); // too close to call (or NaN)
  }
  return tau;
}
