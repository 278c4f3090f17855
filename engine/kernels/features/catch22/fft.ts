/**
 * Radix-2 FFT for catch22 (decimation in time, two stages fused per pass), written to port to WASM:
 * split re/im Float64Arrays, in place, no allocation per call, one shared twiddle table. Real
 * signals go through a complex FFT of half the length.
 *
 * The reference computes its twiddles as exp(−i·PI·m/N) with PI = 3.14159265359 (not Math.PI); we use
 * the same constant so spectral outputs (e.g. the Welch centroid, 2·PI·f) agree to the last digits.
 * The twiddle table is shared by every size: a stage of span S uses exp(−i·PI·2j/S), bit-identical to
 * the reference's exp(−i·PI·2j·(N/S)/N) since the two differ only by power-of-two factors.
 */

/** The reference's value of π, used in twiddles and in ω = 2·PI·f. */
export const PI_REF = 3.14159265359;

/**
 * Twiddles by stage: for a butterfly span of S points, exp(−i·PI·2j/S), j < S/2, lives at index S/2 + j,
 * so each stage reads its twiddles contiguously. Built up to the largest size seen.
 */
let tableSize = 0;
let twRe = new Float64Array(0);
let twIm = new Float64Array(0);
/** Bit-reversal permutations, indexed by log2(n). */
const reversals: Int32Array[] = [];

/** Smallest power of two ≥ n (n ≥ 1). */
export function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p <<= 1;
  return p;
}

/** Makes the twiddle table cover transforms of size n (a power of two). */
function ensureTwiddles(n: number): void {
  if (n <= tableSize) return;
  twRe = new Float64Array(n);
  twIm = new Float64Array(n);
  for (let span = 2; span <= n; span <<= 1) {
    const half = span >> 1;
    for (let j = 0; j < half; j++) {
      const angle = (-PI_REF * (2 * j)) / span;
      twRe[half + j] = Math.cos(angle);
      twIm[half + j] = Math.sin(angle);
    }
  }
  tableSize = n;
}

function reversalFor(n: number): Int32Array {
  const bits = 31 - Math.clz32(n);
  let rev = reversals[bits];
  if (rev === undefined) {
    rev = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      rev[i] = r;
    }
    reversals[bits] = rev;
  }
  return rev;
}

/** In-place forward DFT (e^{−iωt}) of n complex values, n a power of two. */
export function fftComplex(re: Float64Array, im: Float64Array, n: number): void {
  if (n < 4) {
    if (n === 2) {
      const r0 = re[0], i0 = im[0];
      re[0] = r0 + re[1]; im[0] = i0 + im[1];
      re[1] = r0 - re[1]; im[1] = i0 - im[1];
    }
    return;
  }
  ensureTwiddles(n);
  const rev = reversalFor(n);
  for (let i = 0; i < n; i++) {
    const j = rev[i];
    if (i < j) {
      const tr = re[i]; re[i] = re[j]; re[j] = tr;
      const ti = im[i]; im[i] = im[j]; im[j] = ti;
    }
  }
  const wRe = twRe;
  const wIm = twIm;
  let q = 1; // half of the span of the last radix-2 stage done
  if ((31 - Math.clz32(n)) % 2 === 1) {
    for (let a = 0; a < n; a += 2) {
      const r0 = re[a], i0 = im[a];
      re[a] = r0 + re[a + 1]; im[a] = i0 + im[a + 1];
      re[a + 1] = r0 - re[a + 1]; im[a + 1] = i0 - im[a + 1];
    }
    q = 2;
  }
  // Two radix-2 stages (spans 2q and 4q) per pass over the data: the same arithmetic as separate
  // stages, half the memory traffic. The second stage's twiddle for the upper pair is −i·w2 (exact
  // −i, where the reference's table has angle −PI/2 with its PI: a 1e-13 relative difference).
  for (; q < n; q <<= 2) {
    const span = q << 2;
    for (let start = 0; start < n; start += span) {
      for (let j = 0; j < q; j++) {
        const w1r = wRe[q + j], w1i = wIm[q + j];
        const w2r = wRe[2 * q + j], w2i = wIm[2 * q + j];
        const a0 = start + j, a1 = a0 + q, a2 = a1 + q, a3 = a2 + q;
        // stage of span 2q: (a0, a1) and (a2, a3), twiddle w1
        let xr = re[a1], xi = im[a1];
        let tr = w1r * xr - w1i * xi, ti = w1r * xi + w1i * xr;
        const y0r = re[a0] + tr, y0i = im[a0] + ti;
        const y1r = re[a0] - tr, y1i = im[a0] - ti;
        xr = re[a3]; xi = im[a3];
        tr = w1r * xr - w1i * xi; ti = w1r * xi + w1i * xr;
        const y2r = re[a2] + tr, y2i = im[a2] + ti;
        const y3r = re[a2] - tr, y3i = im[a2] - ti;
        // stage of span 4q: (a0, a2) with w2, (a1, a3) with −i·w2
        tr = w2r * y2r - w2i * y2i; ti = w2r * y2i + w2i * y2r;
        re[a0] = y0r + tr; im[a0] = y0i + ti;
        re[a2] = y0r - tr; im[a2] = y0i - ti;
        const ur = w2r * y3r - w2i * y3i, ui = w2r * y3i + w2i * y3r;
        // (ur + i·ui)·(−i) = ui − i·ur
        re[a1] = y1r + ui; im[a1] = y1i - ur;
        re[a3] = y1r - ui; im[a3] = y1i + ur;
      }
    }
  }
}

/**
 * DFT of n real values (n a power of two ≥ 2) through one complex FFT of n/2 points.
 * x is read (length n); the bins k = 0..n/2 go to outRe/outIm (length ≥ n/2 + 1).
 * work re/im must hold n/2 values each.
 */
export function fftReal(
  x: Float64Array, n: number, outRe: Float64Array, outIm: Float64Array,
  workRe: Float64Array, workIm: Float64Array,
): void {
  const m = n >> 1;
  for (let j = 0; j < m; j++) {
    workRe[j] = x[2 * j];
    workIm[j] = x[2 * j + 1];
  }
  fftComplex(workRe, workIm, m);
  ensureTwiddles(n);
  const wRe = twRe;
  const wIm = twIm;
  // X[0] and X[m] (W^m = −1 exactly, as in a full-length transform) are real
  outRe[0] = workRe[0] + workIm[0];
  outIm[0] = 0;
  outRe[m] = workRe[0] - workIm[0];
  outIm[m] = 0;
  // X[k] = E[k] + W^k·O[k], E = (Z[k] + conj Z[m−k]) / 2, O = (Z[k] − conj Z[m−k]) / 2i,
  // W^k = exp(−i·PI·2k/n) from the span-n table
  for (let k = 1; k < m; k++) {
    const zr = workRe[k];
    const zi = workIm[k];
    const cr = workRe[m - k];
    const ci = -workIm[m - k];
    const er = 0.5 * (zr + cr);
    const ei = 0.5 * (zi + ci);
    // (z − c) / 2i = (zi − ci)/2 − i·(zr − cr)/2
    const or = 0.5 * (zi - ci);
    const oi = -0.5 * (zr - cr);
    const wr = wRe[m + k];
    const wi = wIm[m + k];
    outRe[k] = er + (wr * or - wi * oi);
    outIm[k] = ei + (wr * oi + wi * or);
  }
}
