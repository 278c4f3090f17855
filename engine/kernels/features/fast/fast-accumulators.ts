/**
 * What the fast backends (JS, WASM, WebGPU) compute per series — raw sums in the kernel's precision — and
 * the one f64 routine that turns them into features, so the backends differ only in how they sum.
 *
 * Numerics: the kernel centres on its own mean μ (pass 1) and scales by r = 1/(max − min), summing powers of
 * e_t = (x_t − μ)·r in pass 2 (no overflow or underflow in f32, no cancellation between large offsets).
 * μ is off by rounding, so the sums are corrected here to the exact mean with δ = Σe/n (the corrected
 * two-pass algorithm), for moments and for each autocorrelation (via the sums of its first/last k terms).
 */
import { MIN_LENGTH, Status, type FastConfig, type FastLayout } from './fast-layout.js';

export const A = {
  n: 0, bad: 1, min: 2, max: 3, mu: 4, r: 5, se: 6, se2: 7, se3: 8, se4: 9, ste: 10, sad: 11, cross: 12, peaks: 13,
  pct: 14, // p05, p50, p95
  /** Spectral: ΣP, Σk·P, ΣP·ln P, Σ ln max(P, floor), Σ max(P, floor), argmax k, rolloff k, K. */
  S: 17, SkP: 18, SPlnP: 19, Sln: 20, Sfloor: 21, argmax: 22, rolloffK: 23, K: 24,
  band: 25,
} as const;

/** Accumulator record: fixed fields, one per band, then (Σ e_t e_{t+k}, Σ_{t<k} e_t, Σ_{t≥n−k} e_t) per lag. */
export function accWidth(cfg: FastConfig): number {
  return A.band + (cfg.bands.length - 1) + 3 * cfg.lags.length;
}

export function accLag(cfg: FastConfig, j: number): number {
  return A.band + (cfg.bands.length - 1) + 3 * j;
}

/** Status from the pass-1 fields alone (kernels skip later passes for anything but Ok). */
export function statusOf(n: number, bad: number, min: number, max: number): Status {
  if (n < MIN_LENGTH) return Status.TooShort;
  if (bad !== 0 || !Number.isFinite(min) || !Number.isFinite(max)) return Status.NonFinite;
  return min === max ? Status.Constant : Status.Ok;
}

/** Writes one row from acc[a …]; returns the status. */
export function finishRow(acc: Float64Array, a: number, cfg: FastConfig, L: FastLayout, out: Float64Array, o: number): Status {
  const n = acc[a + A.n];
  out.fill(NaN, o, o + L.width);
  out[o + L.count] = n;
  const status = statusOf(n, acc[a + A.bad], acc[a + A.min], acc[a + A.max]);
  if (status === Status.TooShort || status === Status.NonFinite) return status;
  const min = acc[a + A.min];
  out[o + L.min] = min;
  out[o + L.max] = acc[a + A.max];
  if (status === Status.Constant) {
    out[o + L.mean] = out[o + L.intercept] = out[o + L.pct] = out[o + L.pct + 1] = out[o + L.pct + 2] = min;
    out[o + L.std] = out[o + L.slope] = out[o + L.meanAbsChange] = out[o + L.crossingRate] = out[o + L.peaks] = 0;
    return status;
  }
  const r = acc[a + A.r];
  const se = acc[a + A.se];
  const d = se / n;
  const se2 = acc[a + A.se2], se3 = acc[a + A.se3], se4 = acc[a + A.se4];
  const c2 = Math.max(se2 - n * d * d, 0);
  const c3 = se3 - 3 * d * se2 + 2 * n * d ** 3;
  const c4 = se4 - 4 * d * se3 + 6 * d * d * se2 - 3 * n * d ** 4;
  const mean = acc[a + A.mu] + d / r;
  const m2 = c2 / n;
  out[o + L.mean] = mean;
  out[o + L.std] = Math.sqrt(c2 / (n - 1)) / r;
  out[o + L.skewness] = c3 / n / m2 ** 1.5;
  out[o + L.kurtosis] = c4 / n / (m2 * m2) - 3;
  out.set(acc.subarray(a + A.pct, a + A.pct + 3), o + L.pct);
  for (let j = 0; j < cfg.lags.length; j++) {
    const k = cfg.lags[j];
    if (k >= n) continue;
    const l = a + accLag(cfg, j);
    const R = acc[l] - d * (2 * se - acc[l + 1] - acc[l + 2]) + (n - k) * d * d;
    out[o + L.acf + j] = R / c2;
  }
  const tMean = (n - 1) / 2;
  const stt = (n * (n * n - 1)) / 12;
  const ste = acc[a + A.ste];
  const slope = ste / stt / r;
  out[o + L.slope] = slope;
  out[o + L.intercept] = mean - slope * tMean;
  out[o + L.r2] = Math.min((ste * ste) / (stt * c2), 1);
  out[o + L.meanAbsChange] = acc[a + A.sad] / r / (n - 1);
  out[o + L.crossingRate] = acc[a + A.cross] / (n - 1);
  out[o + L.peaks] = acc[a + A.peaks];
  const S = acc[a + A.S];
  const K = acc[a + A.K];
  if (!(S > 0)) return status;
  for (let b = 0; b + 1 < cfg.bands.length; b++) out[o + L.band + b] = acc[a + A.band + b] / S;
  out[o + L.centroid] = acc[a + A.SkP] / (K * S);
  out[o + L.entropy] = (Math.log(S) - acc[a + A.SPlnP] / S) / Math.log(K);
  out[o + L.flatness] = Math.min(Math.exp(acc[a + A.Sln] / K) / (acc[a + A.Sfloor] / K), 1);
  out[o + L.rolloff] = acc[a + A.rolloffK] / K;
  out[o + L.dominant] = acc[a + A.argmax] / K;
  return status;
}
