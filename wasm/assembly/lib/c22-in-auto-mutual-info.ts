// IN_AutoMutualInfoStats_40_gaussian_fmmi: first minimum of the Gaussian automutual information −½·log(1 − r_τ²)
// over lags τ = 1..40 (at most ⌈n/2⌉), r_τ the Pearson correlation of y[0..n−τ) with y[τ..n). Returned as the
// reference does: the 0-based index of the minimum in that lag list (τ − 1), or the number of lags.
//
// As in the JS version: r_τ² from the shared FFT autocorrelation plus head/tail sums (O(n + 40)); the minimum
// is found on r² (the AMI increases with it), trusted only when both segments keep at least
// MIN_SEGMENT_SHARE of the total variation and every comparison is decided by more than AMBIGUOUS;
// otherwise the reference's direct sums decide.
import { ldf, stf } from './c22-mem';
import { ACF, ACF_LAG0, N, Z } from './c22-scratch';

const MAX_TAU = 40;
const AMBIGUOUS: f64 = 1e-10;
const MIN_SEGMENT_SHARE: f64 = 1e-3;
const r2 = memory.data(MAX_TAU * 8);
const ami = memory.data(MAX_TAU * 8);

/** r² at lags 1..tau into r2[lag − 1]; false when the shortcut cannot be trusted. */
function squaredCorrelationsFromAcf(tau: i32): bool {
  const n = N, z = Z;
  // centred as the autocorrelation was: c = z − mean(z)
  let sum: f64 = 0;
  for (let i = 0; i < n; i++) sum += ldf(z, i);
  const m = sum / <f64>n;
  let total1: f64 = 0, total2: f64 = 0;
  for (let i = 0; i < n; i++) {
    const c = ldf(z, i) - m;
    total1 += c;
    total2 += c * c;
  }
  let head1: f64 = 0, head2: f64 = 0; // Σ c, Σ c² over [0, lag)
  let tail1: f64 = 0, tail2: f64 = 0; // over [n − lag, n)
  const lag0 = ACF_LAG0;
  for (let lag = 1; lag <= tau; lag++) {
    const h = ldf(z, lag - 1) - m;
    const t = ldf(z, n - lag) - m;
    head1 += h;
    head2 += h * h;
    tail1 += t;
    tail2 += t * t;
    const len = <f64>(n - lag);
    const sa = total1 - tail1; // first segment [0, n − lag)
    const saa = total2 - tail2;
    const sb = total1 - head1; // second segment [lag, n)
    const sbb = total2 - head2;
    const sab = ldf(ACF, lag) * lag0;
    const num = sab - (sa * sb) / len;
    const da = saa - (sa * sa) / len;
    const db = sbb - (sb * sb) / len;
    if (!(da >= MIN_SEGMENT_SHARE * total2 && db >= MIN_SEGMENT_SHARE * total2)) return false;
    const rr = (num * num) / (da * db);
    // |r| = 1 to rounding: the reference's 1 − r² may come out negative and its AMI NaN; only its sums can say
    if (!(rr < 1 - AMBIGUOUS)) return false;
    stf(r2, lag - 1, rr);
  }
  return true;
}

/** Pearson correlation between x[0..m) and x[lag..lag+m), means subtracted first. */
function lagCorrelation(x: usize, m: i32, lag: i32): f64 {
  let sa: f64 = 0, sb: f64 = 0;
  for (let i = 0; i < m; i++) {
    sa += ldf(x, i);
    sb += ldf(x, i + lag);
  }
  const ma = sa / <f64>m, mb = sb / <f64>m;
  let num: f64 = 0, da: f64 = 0, db: f64 = 0;
  for (let i = 0; i < m; i++) {
    const a = ldf(x, i) - ma;
    const b = ldf(x, i + lag) - mb;
    num += a * b;
    da += a * a;
    db += b * b;
  }
  return num / Math.sqrt(da * db);
}

/** The reference's computation, lag by lag. */
function firstMinimumDirect(tau: i32): i32 {
  const n = N;
  for (let i = 0; i < tau; i++) {
    const r = lagCorrelation(Z, n - (i + 1), i + 1);
    stf(ami, i, -0.5 * Math.log(1 - r * r));
  }
  for (let i = 1; i < tau - 1; i++) {
    const a = ldf(ami, i);
    if (a < ldf(ami, i - 1) && a < ldf(ami, i + 1)) return i;
  }
  return tau;
}

export function inAutoMutualInfoStats40GaussianFmmi(): f64 {
  const n = N;
  const tau = min(MAX_TAU, (n + 1) >> 1);
  if (!squaredCorrelationsFromAcf(tau)) return <f64>firstMinimumDirect(tau);
  for (let i = 1; i < tau - 1; i++) {
    const below = ldf(r2, i - 1) - ldf(r2, i); // > 0: lower than the previous lag
    const above = ldf(r2, i + 1) - ldf(r2, i); // > 0: lower than the next lag
    if (below > AMBIGUOUS && above > AMBIGUOUS) return <f64>i;
    if (below < -AMBIGUOUS || above < -AMBIGUOUS) continue;
    return <f64>firstMinimumDirect(tau); // too close to call (or NaN)
  }
  return <f64>tau;
}
