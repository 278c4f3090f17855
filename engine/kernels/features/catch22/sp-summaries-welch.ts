/**
 * SP_Summaries_welch_rect_{area_5_1, centroid}: one rectangular-window periodogram of the whole
 * z-scored series (mean removed, zero-padded to nextPow2(n)), as the reference's Welch estimate
 * reduces to for a window as long as the series. Angular frequency ω = 2·PI·f and S(ω) = S(f)/(2·PI)
 * with the reference's PI.
 *  - area_5_1: power in the lowest fifth of the frequency bins, Σ S(ω)·Δω.
 *  - centroid: first ω where the cumulative power exceeds half the total.
 */
import { fftReal, nextPow2, PI_REF } from './fft.js';
import type { Catch22Scratch } from './scratch.js';

/** Writes area_5_1 to out[at] and centroid to out[at + 1]. */
export function spSummariesWelchRect(s: Catch22Scratch, out: Float64Array, at: number): void {
  const n = s.n;
  const y = s.z;
  const nfft = nextPow2(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += y[i];
  const m = sum / n;
  const sig = s.fftSignal;
  for (let i = 0; i < n; i++) sig[i] = y[i] - m;
  sig.fill(0, n, nfft);
  const re = s.spectrumRe;
  const im = s.spectrumIm;
  fftReal(sig, nfft, re, im, s.fftWorkRe, s.fftWorkIm);

  const nOut = nfft / 2 + 1;
  const twoPi = 2 * PI_REF;
  const df = 1 / nfft;
  // normaliser k·‖window‖² with one segment and an all-ones window
  const kmu = Math.pow(Math.sqrt(n), 2);
  const power = s.workA; // S(ω) per bin
  for (let k = 0; k < nOut; k++) {
    let p = (re[k] * re[k] + im[k] * im[k]) / kmu;
    if (k > 0 && k < nOut - 1) p *= 2;
    power[k] = p / twoPi;
  }
  const dw = twoPi * df; // ω[1] − ω[0]
  let area = 0;
  const areaBins = Math.floor(nOut / 5);
  for (let k = 0; k < areaBins; k++) area += power[k];
  out[at] = area * dw;

  let total = 0;
  for (let k = 0; k < nOut; k++) total += power[k];
  const half = total * 0.5;
  let cumulative = 0;
  let centroid = 0;
  for (let k = 0; k < nOut; k++) {
    cumulative += power[k];
    if (cumulative > half) {
      centroid = twoPi * (k * df);
      break;
    }
  }
  out[at + 1] = centroid;
}
