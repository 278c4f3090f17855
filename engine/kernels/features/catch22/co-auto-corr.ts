/**
 * Autocorrelation by FFT (Wiener–Khinchin) and the catch22 features read off it:
 * CO_f1ecac (first 1/e crossing, interpolated), CO_FirstMin_ac (first local minimum), and the first
 * zero crossing that CO_Embed2_Dist, FC_LocalSimple and SB_TransitionMatrix use as a time scale.
 */
import { fftReal, nextPow2 } from './fft.js';
import type { Catch22Scratch } from './scratch.js';

/**
 * out[k] = Σ_i x[i]·x[i+k] for k < n, through a zero-padded real FFT of 2·nextPow2(n) points
 * (the padding the reference uses). x is read before out is written, so they may alias.
 */
export function autocorrRaw(x: Float64Array, n: number, out: Float64Array, s: Catch22Scratch): void {
  const size = 2 * nextPow2(n);
  const half = size >> 1;
  const sig = s.fftSignal;
  const re = s.spectrumRe;
  const im = s.spectrumIm;
  sig.set(x.subarray(0, n));
  sig.fill(0, n, size);
  fftReal(sig, size, re, im, s.fftWorkRe, s.fftWorkIm);
  // |X|² is real and even: lay out the full sequence and transform it again (real output).
  for (let k = 0; k <= half; k++) sig[k] = re[k] * re[k] + im[k] * im[k];
  for (let k = 1; k < half; k++) sig[size - k] = sig[k];
  fftReal(sig, size, re, im, s.fftWorkRe, s.fftWorkIm);
  const scale = 1 / size;
  for (let k = 0; k < n; k++) out[k] = re[k] * scale;
}

/**
 * Autocorrelation of x (mean removed) normalised to 1 at lag 0, lags 0..n−1. Returns the lag-0 sum
 * Σ (x − mean)², so out[k]·that is the raw lagged sum.
 */
export function autocorrNormalized(x: Float64Array, n: number, out: Float64Array, s: Catch22Scratch): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i];
  const m = sum / n;
  for (let i = 0; i < n; i++) out[i] = x[i] - m;
  autocorrRaw(out, n, out, s);
  const lag0 = out[0];
  for (let k = 0; k < n; k++) out[k] /= lag0;
  return lag0;
}

/** First lag at which the autocorrelation is no longer positive, capped at maxTau. */
export function firstZeroCrossing(acf: Float64Array, maxTau: number): number {
  let i = 0;
  while (acf[i] > 0 && i < maxTau) i++;
  return i;
}

/** CO_f1ecac: first lag where the ACF crosses 1/e, linearly interpolated; n when it never does. */
export function coF1ecac(s: Catch22Scratch): number {
  const acf = s.acf;
  const n = s.n;
  const thresh = 1 / Math.exp(1);
  for (let i = 0; i < n - 1; i++) {
    if ((acf[i] - thresh) * (acf[i + 1] - thresh) < 0) {
      const slope = acf[i + 1] - acf[i];
      return i + (thresh - acf[i]) / slope;
    }
  }
  return n;
}

/** CO_FirstMin_ac: first lag where the ACF has a strict local minimum; n when it has none. */
export function coFirstMinAc(s: Catch22Scratch): number {
  const acf = s.acf;
  const n = s.n;
  for (let i = 1; i < n - 1; i++) {
    if (acf[i] < acf[i - 1] && acf[i] < acf[i + 1]) return i;
  }
  return n;
}
