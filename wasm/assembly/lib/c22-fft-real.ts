// DFT of a real signal through one complex FFT of half the length, as the JS version's fftReal: pack
// z[j] = x[2j] + i·x[2j+1], transform, then split into the bins of the real signal with the span-n twiddles.
import { fftPasses } from './c22-fft';
import { firstPass4, firstStage2 } from './c22-fft-first';
import { ldf, ldv, log2i, stf, stv } from './c22-mem';
import { REV_BITS, TW_IM, TW_RE } from './c22-tables';

/**
 * DFT of n real values x[0..n) (f64, n ≥ 16 a power of two, ≤ the tables' cap) through one complex FFT of
 * m = n/2 points in workRe/workIm (f64 × m each); bins k = 0..m go to outRe/outIm (f64 × (m + 1) each).
 */
export function fftReal(x: usize, n: i32, outRe: usize, outIm: usize, workRe: usize, workIm: usize): void {
  const m = n >> 1;
  const bits = log2i(m);
  const shift = REV_BITS - bits;
  if ((bits & 1) == 1) {
    firstStage2(x, shift, workRe, workIm, m);
    fftPasses(workRe, workIm, m, 2);
  } else {
    firstPass4(x, shift, workRe, workIm, m);
    fftPasses(workRe, workIm, m, 4);
  }
  // X[0] and X[m] (W^m = −1 exactly, as in a full-length transform) are real
  const z0r = ldf(workRe, 0), z0i = ldf(workIm, 0);
  stf(outRe, 0, z0r + z0i); stf(outIm, 0, 0);
  stf(outRe, m, z0r - z0i); stf(outIm, m, 0);
  // X[k] = E[k] + W^k·O[k], E = (Z[k] + conj Z[m−k]) / 2, O = (Z[k] − conj Z[m−k]) / 2i, W^k = tw[m + k]
  const half = f64x2.splat(0.5), mhalf = f64x2.splat(-0.5);
  let k = 1;
  for (; k + 2 <= m; k += 2) {
    const zr = ldv(workRe, k), zi = ldv(workIm, k);
    // lanes (m − k, m − k − 1): load the pair below and swap
    const below = m - k - 1;
    const cr = v128.shuffle<f64>(ldv(workRe, below), ldv(workRe, below), 1, 0);
    const ci = f64x2.neg(v128.shuffle<f64>(ldv(workIm, below), ldv(workIm, below), 1, 0));
    const er = f64x2.mul(half, f64x2.add(zr, cr));
    const ei = f64x2.mul(half, f64x2.add(zi, ci));
    const or = f64x2.mul(half, f64x2.sub(zi, ci));
    const oi = f64x2.mul(mhalf, f64x2.sub(zr, cr));
    const wr = ldv(TW_RE, m + k), wi = ldv(TW_IM, m + k);
    stv(outRe, k, f64x2.add(er, f64x2.sub(f64x2.mul(wr, or), f64x2.mul(wi, oi))));
    stv(outIm, k, f64x2.add(ei, f64x2.add(f64x2.mul(wr, oi), f64x2.mul(wi, or))));
  }
  for (; k < m; k++) {
    const zr = ldf(workRe, k), zi = ldf(workIm, k);
    const cr = ldf(workRe, m - k), ci = -ldf(workIm, m - k);
    const er = 0.5 * (zr + cr), ei = 0.5 * (zi + ci);
    const or = 0.5 * (zi - ci), oi = -0.5 * (zr - cr);
    const wr = ldf(TW_RE, m + k), wi = ldf(TW_IM, m + k);
    stf(outRe, k, er + (wr * or - wi * oi));
    stf(outIm, k, ei + (wr * oi + wi * or));
  }
}
