// SP_Summaries_welch_rect_{area_5_1, centroid}: one rectangular-window periodogram of the whole z-scored series
// (mean removed, zero-padded to nextPow2(n)), as the reference's Welch estimate reduces to for a window as long
// as the series. Angular frequency ω = 2·PI·f and S(ω) = S(f)/(2·PI) with the reference's PI.
//  - area_5_1: power in the lowest fifth of the frequency bins, Σ S(ω)·Δω.
//  - centroid: first ω where the cumulative power exceeds half the total.
import { fftReal } from './c22-fft-real';
import { fillF64, ldf, ldv, nextPow2, stf, stv } from './c22-mem';
import { FFT_IM, FFT_RE, FFT_SIG, N, SPEC_IM, SPEC_RE, WORK_A, Z } from './c22-scratch';

/** The reference's value of π. */
const PI_REF: f64 = 3.14159265359;

/** Writes area_5_1 to out[0] and centroid to out[1] (f64). */
export function spSummariesWelchRect(out: usize): void {
  const n = N, y = Z;
  const nfft = nextPow2(n);
  let sum: f64 = 0;
  for (let i = 0; i < n; i++) sum += ldf(y, i);
  const m = sum / <f64>n;
  const sig = FFT_SIG;
  const mv = f64x2.splat(m);
  let i = 0;
  for (; i + 2 <= n; i += 2) stv(sig, i, f64x2.sub(ldv(y, i), mv));
  if (i < n) stf(sig, i, ldf(y, i) - m);
  fillF64(sig, n, nfft, 0);
  const re = SPEC_RE, im = SPEC_IM;
  fftReal(sig, nfft, re, im, FFT_RE, FFT_IM);

  const nOut = nfft / 2 + 1;
  const twoPi = 2 * PI_REF;
  const df = 1.0 / <f64>nfft;
  // normaliser k·‖window‖² with one segment and an all-ones window: V8's Math.pow(√n, 2) is √n·√n
  const root = Math.sqrt(<f64>n);
  const kmu = root * root;
  const power = WORK_A; // S(ω) per bin
  const kv = f64x2.splat(kmu), two = f64x2.splat(2), tp = f64x2.splat(twoPi);
  // bin 0 and bin nOut − 1 are not doubled; the bins between two at a time
  stf(power, 0, (ldf(re, 0) * ldf(re, 0) + ldf(im, 0) * ldf(im, 0)) / kmu / twoPi);
  let k = 1;
  for (; k + 2 <= nOut - 1; k += 2) {
    const r = ldv(re, k), c = ldv(im, k);
    const p = f64x2.mul(f64x2.div(f64x2.add(f64x2.mul(r, r), f64x2.mul(c, c)), kv), two);
    stv(power, k, f64x2.div(p, tp));
  }
  for (; k < nOut - 1; k++) stf(power, k, ((ldf(re, k) * ldf(re, k) + ldf(im, k) * ldf(im, k)) / kmu) * 2 / twoPi);
  const lastBin = nOut - 1;
  stf(power, lastBin, (ldf(re, lastBin) * ldf(re, lastBin) + ldf(im, lastBin) * ldf(im, lastBin)) / kmu / twoPi);

  const dw = twoPi * df; // ω[1] − ω[0]
  let area: f64 = 0;
  const areaBins = nOut / 5;
  for (k = 0; k < areaBins; k++) area += ldf(power, k);
  stf(out, 0, area * dw);

  let total: f64 = 0;
  for (k = 0; k < nOut; k++) total += ldf(power, k);
  const half = total * 0.5;
  let cumulative: f64 = 0;
  let centroid: f64 = 0;
  for (k = 0; k < nOut; k++) {
    cumulative += ldf(power, k);
    if (cumulative > half) {
      centroid = twoPi * (<f64>k * df);
      break;
    }
  }
  stf(out, 1, centroid);
}
