// Radix-2 FFT for catch22 on split re/im f64 arrays, the same butterflies as the JS version's
// (engine/kernels/features/catch22/fft.ts), so results are bit-identical: two radix-2 stages fused per pass,
// two butterflies per f64x2 (lanes j, j + 1; per-lane f64x2 arithmetic rounds exactly as scalar f64 does).
// Twiddles come from the host-written table. The first stage, fused with the input's bit-reversal gather,
// is in c22-fft-first; the real transform around it in c22-fft-real.
import { TW_IM, TW_RE } from './c22-tables';
import { ldv, stv } from './c22-mem';

/** Fused spans 2q and 4q for q ≥ 2 (even), two butterflies per vector. */
function passSimd(re: usize, im: usize, m: i32, q: i32): void {
  const span = q << 2;
  for (let j = 0; j < q; j += 2) {
    const w1r = ldv(TW_RE, q + j), w1i = ldv(TW_IM, q + j);
    const w2r = ldv(TW_RE, 2 * q + j), w2i = ldv(TW_IM, 2 * q + j);
    for (let a0 = j; a0 < m; a0 += span) {
      const a1 = a0 + q, a2 = a1 + q, a3 = a2 + q;
      let xr = ldv(re, a1), xi = ldv(im, a1);
      let tr = f64x2.sub(f64x2.mul(w1r, xr), f64x2.mul(w1i, xi));
      let ti = f64x2.add(f64x2.mul(w1r, xi), f64x2.mul(w1i, xr));
      const r0 = ldv(re, a0), i0 = ldv(im, a0);
      const y0r = f64x2.add(r0, tr), y0i = f64x2.add(i0, ti);
      const y1r = f64x2.sub(r0, tr), y1i = f64x2.sub(i0, ti);
      xr = ldv(re, a3); xi = ldv(im, a3);
      tr = f64x2.sub(f64x2.mul(w1r, xr), f64x2.mul(w1i, xi));
      ti = f64x2.add(f64x2.mul(w1r, xi), f64x2.mul(w1i, xr));
      const r2 = ldv(re, a2), i2 = ldv(im, a2);
      const y2r = f64x2.add(r2, tr), y2i = f64x2.add(i2, ti);
      const y3r = f64x2.sub(r2, tr), y3i = f64x2.sub(i2, ti);
      tr = f64x2.sub(f64x2.mul(w2r, y2r), f64x2.mul(w2i, y2i));
      ti = f64x2.add(f64x2.mul(w2r, y2i), f64x2.mul(w2i, y2r));
      stv(re, a0, f64x2.add(y0r, tr)); stv(im, a0, f64x2.add(y0i, ti));
      stv(re, a2, f64x2.sub(y0r, tr)); stv(im, a2, f64x2.sub(y0i, ti));
      // the upper pair's twiddle is −i·w2: (ur + i·ui)·(−i) = ui − i·ur
      const ur = f64x2.sub(f64x2.mul(w2r, y3r), f64x2.mul(w2i, y3i));
      const ui = f64x2.add(f64x2.mul(w2r, y3i), f64x2.mul(w2i, y3r));
      stv(re, a1, f64x2.add(y1r, ui)); stv(im, a1, f64x2.sub(y1i, ur));
      stv(re, a3, f64x2.sub(y1r, ui)); stv(im, a3, f64x2.add(y1i, ur));
    }
  }
}

/**
 * The passes after the first: fused spans 2q and 4q for q = q0, 4·q0, … < m, on m complex points in re/im
 * (f64 × m each) that have had their first stage (span 2, then q0 = 2; or spans 2 and 4, then q0 = 4).
 */
export function fftPasses(re: usize, im: usize, m: i32, q0: i32): void {
  for (let q = q0; q < m; q <<= 2) passSimd(re, im, m, q);
}
