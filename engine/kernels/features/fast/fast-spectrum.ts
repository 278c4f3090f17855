/**
 * The JS backend's spectral sums for one series (f64): deviations scaled by r and Hann-windowed, zero-padded
 * to the next power of two, the radix-4 real FFT, then ΣP, Σk·P, ΣP·ln P, the flatness sums, the first
 * argmax, the rolloff bin and the band sums, into the record at acc[a …] (fast-accumulators.ts).
 */
import { hannWindow, nextPow2 } from '../rfft/hann.js';
import { realFft, realFftPlan } from '../rfft/real-fft.js';
import { A } from './fast-accumulators.js';
import { FLATNESS_FLOOR, ROLLOFF, bandRanges, type FastConfig } from './fast-layout.js';

export function spectrumSums(x: ArrayLike<number>, s: number, n: number, cfg: FastConfig, acc: Float64Array, a: number, sc: { work: Float64Array; re: Float64Array; im: Float64Array }): void {
  const N = nextPow2(n);
  const K = N / 2;
  const w = hannWindow(n);
  const mu = acc[a + A.mu], r = acc[a + A.r];
  const y = sc.work;
  for (let t = 0; t < n; t++) y[t] = (x[s + t] - mu) * r * w[t];
  y.fill(0, n, N);
  realFft(realFftPlan(N), y, sc.re, sc.im);
  const P = sc.work; // reuse: P[k] for k = 1 … K
  let S = 0, SkP = 0, SPlnP = 0, maxP = -1, argmax = 0;
  for (let k = 1; k <= K; k++) {
    const p = sc.re[k] * sc.re[k] + sc.im[k] * sc.im[k];
    P[k] = p;
    S += p;
    SkP += k * p;
    if (p > 0) SPlnP += p * Math.log(p);
    if (p > maxP) { maxP = p; argmax = k; }
  }
  const floor = FLATNESS_FLOOR * maxP;
  let Sln = 0, Sfloor = 0, cum = 0, rolloffK = 0;
  for (let k = 1; k <= K; k++) {
    const f = Math.max(P[k], floor);
    Sln += Math.log(f);
    Sfloor += f;
    cum += P[k];
    if (rolloffK === 0 && cum >= ROLLOFF * S) rolloffK = k;
  }
  const { starts, ends } = bandRanges(K, cfg.bands);
  for (let b = 0; b < starts.length; b++) {
    let sb = 0;
    for (let k = starts[b]; k < ends[b]; k++) sb += P[k];
    acc[a + A.band + b] = sb;
  }
  acc[a + A.S] = S; acc[a + A.SkP] = SkP; acc[a + A.SPlnP] = SPlnP; acc[a + A.Sln] = Sln; acc[a + A.Sfloor] = Sfloor;
  acc[a + A.argmax] = argmax; acc[a + A.rolloffK] = rolloffK; acc[a + A.K] = K;
}
