/**
 * Per-series working memory for catch22, grown on demand and reused across series so the hot path
 * allocates nothing. Holds what several features share: the z-scored series, its extremes and
 * terciles, its autocorrelation and the first zero crossing of that autocorrelation.
 */
import { nextPow2 } from './fft.js';

export class Catch22Scratch {
  /** Length of the current series. */
  n = 0;
  private capacity = 0;
  private fftCapacity = 0;

  /** z-scored series (mean 0, sample std 1). */
  z = new Float64Array(0);
  minZ = 0;
  maxZ = 0;
  /** The reference's (Matlab-style) quantiles of z at 1/3 and 2/3. */
  terciles = new Float64Array(2);
  /** Autocorrelation of z at lags 0..n−1 (acf[0] = 1). */
  acf = new Float64Array(0);
  /** Σ (z − mean z)², the unnormalised lag-0 autocorrelation. */
  acfLag0 = 0;
  /** First lag where acf ≤ 0 (n when it never gets there). */
  firstZeroAc = 0;

  /** General-purpose series-length buffers; each feature may overwrite them. */
  workA = new Float64Array(0);
  workB = new Float64Array(0);
  workC = new Float64Array(0);
  /** Integer buffers of length n + 2. */
  intA = new Int32Array(0);
  intB = new Int32Array(0);

  /** FFT buffers: a real signal of up to 2·nextPow2(n) points, its half spectrum and the complex work. */
  fftSignal = new Float64Array(0);
  spectrumRe = new Float64Array(0);
  spectrumIm = new Float64Array(0);
  fftWorkRe = new Float64Array(0);
  fftWorkIm = new Float64Array(0);

  /** Makes every buffer hold a series of n points. */
  ensure(n: number): void {
    this.n = n;
    if (n > this.capacity) {
      const cap = Math.max(n, this.capacity * 2);
      this.z = new Float64Array(cap);
      this.acf = new Float64Array(cap);
      this.workA = new Float64Array(cap);
      this.workB = new Float64Array(cap);
      this.workC = new Float64Array(cap);
      this.intA = new Int32Array(cap + 2);
      this.intB = new Int32Array(cap + 2);
      this.capacity = cap;
    }
    const fftN = 2 * nextPow2(n);
    if (fftN > this.fftCapacity) {
      this.fftSignal = new Float64Array(fftN);
      this.spectrumRe = new Float64Array(fftN / 2 + 1);
      this.spectrumIm = new Float64Array(fftN / 2 + 1);
      this.fftWorkRe = new Float64Array(fftN / 2);
      this.fftWorkIm = new Float64Array(fftN / 2);
      this.fftCapacity = fftN;
    }
  }
}
