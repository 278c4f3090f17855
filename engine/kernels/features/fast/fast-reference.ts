/**
 * The plain reference for the 'fast' feature set: f64, two passes (mean, then deviations), sort-based
 * percentiles, the O(n²) DFT. Obviously correct rather than fast; every backend is compared with it.
 *
 * Definitions (n points x_t, mean x̄, deviations d_t = x_t − x̄, S2 = Σd²):
 *   std = √(S2/(n−1)); skewness = m3/m2^1.5 and kurtosis = m4/m2² − 3 with m_k = Σd^k/n (scipy's biased
 *   defaults); p05/p50/p95: numpy 'linear'; acf_lagk = Σ_{t<n−k} d_t·d_{t+k} / S2 (NaN when k ≥ n);
 *   trend: least squares of x on t = 0 … n−1 (slope, intercept at t = 0, r²); mean_abs_change =
 *   Σ|x_{t+1} − x_t|/(n−1); mean_crossing_rate = #{t: (x_t > x̄) ≠ (x_{t+1} > x̄)}/(n−1);
 *   peak_count = #{0 < t < n−1: x_t > x_{t−1} and x_t > x_{t+1}}.
 *   Spectral: y_t = d_t·hann_n(t) (periodic Hann over the n points), zero-padded to N = next power of two,
 *   P_k = |Y_k|² for bins k = 1 … K = N/2 (DC left out), f_k = k/K (fraction of Nyquist), S = ΣP:
 *   band powers = Σ_{k in band} P_k / S; centroid = Σf_k·P_k / S; entropy = −Σ p ln p / ln K with p = P/S;
 *   flatness = geometric / arithmetic mean of max(P_k, 1e-10·max P); rolloff = the first f_k whose
 *   cumulative power reaches 0.85·S; dominant frequency = the first f_k of maximal P_k.
 * Status (first that applies): n < 4 → too short; any NaN/±Inf → non-finite (both: NaN row except count);
 * all values equal → constant: mean = min = max = percentiles = the value, std = slope = mean_abs_change =
 * mean_crossing_rate = peak_count = 0, intercept = the value, and every feature divided by the spread (skewness,
 * kurtosis, acf, r², spectral) is NaN.
 */
import { finishPercentiles, planPercentiles } from '../../percentile/positions.js';
import { naiveRealDft } from '../rfft/dft-reference.js';
import { hannWindow, nextPow2 } from '../rfft/hann.js';
import { FLATNESS_FLOOR, MIN_LENGTH, QUANTILES, ROLLOFF, Status, inBand, type FastConfig, type FastLayout } from './fast-layout.js';

/** P_1 … P_K of the windowed, mean-removed series (index 0 unused). */
export function referencePowers(x: ArrayLike<number>, mean: number): Float64Array {
  const n = x.length;
  const N = nextPow2(n);
  const w = hannWindow(n);
  const y = Float64Array.from(x, (v, t) => (v - mean) * w[t]);
  const { re, im } = naiveRealDft(y, N);
  return Float64Array.from(re, (r, k) => (k === 0 ? 0 : r * r + im[k] * im[k]));
}

function spectral(x: ArrayLike<number>, mean: number, cfg: FastConfig, L: FastLayout, row: Float64Array): void {
  const P = referencePowers(x, mean);
  const K = P.length - 1;
  let S = 0;
  let maxP = 0;
  for (let k = 1; k <= K; k++) {
    S += P[k];
    maxP = Math.max(maxP, P[k]);
  }
  if (!(S > 0)) return;
  for (let b = 0; b + 1 < cfg.bands.length; b++) {
    let sb = 0;
    for (let k = 1; k <= K; k++) if (inBand(k, K, cfg.bands, b)) sb += P[k];
    row[L.band + b] = sb / S;
  }
  let centroid = 0, entropy = 0, logSum = 0, floorSum = 0, cum = 0;
  let rolloff = NaN, dominant = NaN;
  const floor = FLATNESS_FLOOR * maxP;
  for (let k = 1; k <= K; k++) {
    const p = P[k] / S;
    centroid += (k / K) * p;
    if (p > 0) entropy -= p * Math.log(p);
    const f = Math.max(P[k], floor);
    logSum += Math.log(f);
    floorSum += f;
    cum += P[k];
    if (Number.isNaN(rolloff) && cum >= ROLLOFF * S) rolloff = k / K;
    if (Number.isNaN(dominant) && P[k] === maxP) dominant = k / K;
  }
  row[L.centroid] = centroid;
  row[L.entropy] = entropy / Math.log(K);
  row[L.flatness] = Math.exp(logSum / K) / (floorSum / K);
  row[L.rolloff] = rolloff;
  row[L.dominant] = dominant;
}

/** One series' row (width L.width, written into row) and its status. */
export function referenceRow(x: ArrayLike<number>, cfg: FastConfig, L: FastLayout, row: Float64Array): Status {
  const n = x.length;
  row.fill(NaN);
  row[L.count] = n;
  if (n < MIN_LENGTH) return Status.TooShort;
  for (let t = 0; t < n; t++) if (!Number.isFinite(x[t])) return Status.NonFinite;
  let min = Infinity, max = -Infinity;
  for (let t = 0; t < n; t++) {
    min = Math.min(min, x[t]);
    max = Math.max(max, x[t]);
  }
  row[L.min] = min;
  row[L.max] = max;
  if (min === max) {
    row[L.mean] = row[L.intercept] = min;
    row[L.pct] = row[L.pct + 1] = row[L.pct + 2] = min;
    row[L.std] = row[L.slope] = row[L.meanAbsChange] = row[L.crossingRate] = row[L.peaks] = 0;
    return Status.Constant;
  }
  let sum = 0;
  for (let t = 0; t < n; t++) sum += x[t];
  const mean = sum / n;
  let s2 = 0, s3 = 0, s4 = 0;
  for (let t = 0; t < n; t++) {
    const d = x[t] - mean;
    s2 += d * d;
    s3 += d * d * d;
    s4 += d * d * d * d;
  }
  const m2 = s2 / n;
  row[L.mean] = mean;
  row[L.std] = Math.sqrt(s2 / (n - 1));
  row[L.skewness] = s3 / n / m2 ** 1.5;
  row[L.kurtosis] = s4 / n / (m2 * m2) - 3;
  const sorted = Float64Array.from(x).sort();
  const plan = planPercentiles(n, QUANTILES, 'linear');
  row.set(finishPercentiles(plan, Array.from(plan.ranks, (r) => sorted[r])), L.pct);
  cfg.lags.forEach((k, j) => {
    if (k >= n) return;
    let r = 0;
    for (let t = 0; t + k < n; t++) r += (x[t] - mean) * (x[t + k] - mean);
    row[L.acf + j] = r / s2;
  });
  const tMean = (n - 1) / 2;
  let stt = 0, stx = 0;
  for (let t = 0; t < n; t++) {
    stt += (t - tMean) ** 2;
    stx += (t - tMean) * (x[t] - mean);
  }
  row[L.slope] = stx / stt;
  row[L.intercept] = mean - (stx / stt) * tMean;
  row[L.r2] = (stx * stx) / (stt * s2);
  let change = 0, crossings = 0, peaks = 0;
  for (let t = 0; t + 1 < n; t++) {
    change += Math.abs(x[t + 1] - x[t]);
    if (x[t] > mean !== x[t + 1] > mean) crossings++;
    if (t > 0 && x[t] > x[t - 1] && x[t] > x[t + 1]) peaks++;
  }
  row[L.meanAbsChange] = change / (n - 1);
  row[L.crossingRate] = crossings / (n - 1);
  row[L.peaks] = peaks;
  spectral(x, mean, cfg, L, row);
  return Status.Ok;
}
