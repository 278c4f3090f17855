// Autocorrelation by FFT (Wiener–Khinchin) and the catch22 features read off it: CO_f1ecac (first 1/e
// crossing, interpolated), CO_FirstMin_ac (first local minimum), and the first zero crossing that
// CO_Embed2_Dist, FC_LocalSimple and SB_TransitionMatrix use as a time scale.
import { fftReal } from './c22-fft-real';
import { fillF64, ldf, ldv, nextPow2, stf, stv } from './c22-mem';
import { ACF, FFT_IM, FFT_RE, FFT_SIG, N, SPEC_IM, SPEC_RE } from './c22-scratch';

/**
 * out[k] = Σ_i x[i]·x[i+k] for k < n (f64 arrays), through a zero-padded real FFT of 2·nextPow2(n) points
 * (the padding the reference uses). x is read before out is written, so they may alias.
 */
export function autocorrRaw(x: usize, n: i32, out: usize): void {
  const size = 2 * nextPow2(n);
  const half = size >> 1;
  const sig = FFT_SIG, re = SPEC_RE, im = SPEC_IM;
  memory.copy(sig, x, <usize>n << 3);
  fillF64(sig, n, size, 0);
  fftReal(sig, size, re, im, FFT_RE, FFT_IM);
  // |X|² is real and even: lay out the full sequence and transform it again (real output)
  let k = 0;
  for (; k + 2 <= half + 1; k += 2) {
    const r = ldv(re, k), i = ldv(im, k);
    stv(sig, k, f64x2.add(f64x2.mul(r, r), f64x2.mul(i, i)));
  }
  for (; k <= half; k++) stf(sig, k, ldf(re, k) * ldf(re, k) + ldf(im, k) * ldf(im, k));
  for (k = 1; k < half; k++) stf(sig, size - k, ldf(sig, k));
  fftReal(sig, size, re, im, FFT_RE, FFT_IM);
  const scale = f64x2.splat(1.0 / <f64>size);
  k = 0;
  for (; k + 2 <= n; k += 2) stv(out, k, f64x2.mul(ldv(re, k), scale));
  if (k < n) stf(out, k, ldf(re, k) * (1.0 / <f64>size));
}

/**
 * Autocorrelation of x (mean removed) normalised to 1 at lag 0, lags 0..n−1, into out. Returns the lag-0 sum
 * Σ (x − mean)², so out[k]·that is the raw lagged sum.
 */
export function autocorrNormalized(x: usize, n: i32, out: usize): f64 {
  let sum: f64 = 0;
  for (let i = 0; i < n; i++) sum += ldf(x, i);
  const m = sum / <f64>n;
  const mv = f64x2.splat(m);
  let i = 0;
  for (; i + 2 <= n; i += 2) stv(out, i, f64x2.sub(ldv(x, i), mv));
  if (i < n) stf(out, i, ldf(x, i) - m);
  autocorrRaw(out, n, out);
  const lag0 = ldf(out, 0);
  const lv = f64x2.splat(lag0);
  for (i = 0; i + 2 <= n; i += 2) stv(out, i, f64x2.div(ldv(out, i), lv));
  if (i < n) stf(out, i, ldf(out, i) / lag0);
  return lag0;
}

/** First lag at which the autocorrelation is no longer positive, capped at maxTau. */
export function firstZeroCrossing(acf: usize, maxTau: i32): i32 {
  let i = 0;
  while (i < maxTau && ldf(acf, i) > 0) i++;
  return i;
}

/** CO_f1ecac: first lag where the ACF crosses 1/e, linearly interpolated; n when it never does. */
export function coF1ecac(): f64 {
  const acf = ACF, n = N;
  // 1/e from the constant: V8's Math.exp(1) is Math.E, AssemblyScript's exp need not round the same
  const thresh = 1.0 / Math.E;
  for (let i = 0; i < n - 1; i++) {
    const a = ldf(acf, i), b = ldf(acf, i + 1);
    if ((a - thresh) * (b - thresh) < 0) return <f64>i + (thresh - a) / (b - a);
  }
  return <f64>n;
}

/** CO_FirstMin_ac: first lag where the ACF has a strict local minimum; n when it has none. */
export function coFirstMinAc(): f64 {
  const acf = ACF, n = N;
  for (let i = 1; i < n - 1; i++) {
    const a = ldf(acf, i);
    if (a < ldf(acf, i - 1) && a < ldf(acf, i + 1)) return <f64>i;
  }
  return <f64>n;
}
