// The FFT's first stage fused with the bit-reversal gather of its input: the real transform's packing
// z[j] = x[2j] + i·x[2j+1] read in bit-reversed order (rev(j) = REV[j] >> shift) straight into the first
// butterflies, so the permuted copy is never stored. Each complex input is one v128 load (re, im), and
// shuffles regroup them into lanes; the butterflies are the JS version's, per lane.
import { REV, TW_IM, TW_RE } from './c22-tables';
import { ldf, stv } from './c22-mem';

/** Complex input rev(j) of the packed signal at x (f64 pairs): (re, im). */
@inline function input(x: usize, j: i32, shift: i32): v128 {
  return v128.load(x + (<usize>(load<i32>(REV + (<usize>j << 2)) >> shift) << 4));
}

@inline function cmulRe(wr: v128, wi: v128, xr: v128, xi: v128): v128 {
  return f64x2.sub(f64x2.mul(wr, xr), f64x2.mul(wi, xi));
}

@inline function cmulIm(wr: v128, wi: v128, xr: v128, xi: v128): v128 {
  return f64x2.add(f64x2.mul(wr, xi), f64x2.mul(wi, xr));
}

/** Radix-2 first stage (span 2) for log2 m odd: out[a] = z[a] + z[a+1], out[a+1] = z[a] − z[a+1]. */
export function firstStage2(x: usize, shift: i32, re: usize, im: usize, m: i32): void {
  for (let a = 0; a < m; a += 2) {
    const z0 = input(x, a, shift), z1 = input(x, a + 1, shift);
    const sum = f64x2.add(z0, z1), diff = f64x2.sub(z0, z1);
    stv(re, a, v128.shuffle<f64>(sum, diff, 0, 2));
    stv(im, a, v128.shuffle<f64>(sum, diff, 1, 3));
  }
}

/**
 * Fused spans 2 and 4 (q = 1) for log2 m even, two blocks of four per vector (lane 0: points 8c..8c+3,
 * lane 1: 8c+4..8c+7); twiddles tw[1] and tw[2].
 */
export function firstPass4(x: usize, shift: i32, re: usize, im: usize, m: i32): void {
  const w1r = f64x2.splat(ldf(TW_RE, 1)), w1i = f64x2.splat(ldf(TW_IM, 1));
  const w2r = f64x2.splat(ldf(TW_RE, 2)), w2i = f64x2.splat(ldf(TW_IM, 2));
  for (let a = 0; a < m; a += 8) {
    let p = input(x, a, shift), q = input(x, a + 4, shift);
    const x0r = v128.shuffle<f64>(p, q, 0, 2), x0i = v128.shuffle<f64>(p, q, 1, 3);
    p = input(x, a + 1, shift); q = input(x, a + 5, shift);
    const x1r = v128.shuffle<f64>(p, q, 0, 2), x1i = v128.shuffle<f64>(p, q, 1, 3);
    p = input(x, a + 2, shift); q = input(x, a + 6, shift);
    const x2r = v128.shuffle<f64>(p, q, 0, 2), x2i = v128.shuffle<f64>(p, q, 1, 3);
    p = input(x, a + 3, shift); q = input(x, a + 7, shift);
    const x3r = v128.shuffle<f64>(p, q, 0, 2), x3i = v128.shuffle<f64>(p, q, 1, 3);
    // span 2: (0, 1) and (2, 3) with w1
    let tr = cmulRe(w1r, w1i, x1r, x1i), ti = cmulIm(w1r, w1i, x1r, x1i);
    const y0r = f64x2.add(x0r, tr), y0i = f64x2.add(x0i, ti);
    const y1r = f64x2.sub(x0r, tr), y1i = f64x2.sub(x0i, ti);
    tr = cmulRe(w1r, w1i, x3r, x3i); ti = cmulIm(w1r, w1i, x3r, x3i);
    const y2r = f64x2.add(x2r, tr), y2i = f64x2.add(x2i, ti);
    const y3r = f64x2.sub(x2r, tr), y3i = f64x2.sub(x2i, ti);
    // span 4: (0, 2) with w2, (1, 3) with −i·w2
    tr = cmulRe(w2r, w2i, y2r, y2i); ti = cmulIm(w2r, w2i, y2r, y2i);
    const o0r = f64x2.add(y0r, tr), o0i = f64x2.add(y0i, ti);
    const o2r = f64x2.sub(y0r, tr), o2i = f64x2.sub(y0i, ti);
    const ur = cmulRe(w2r, w2i, y3r, y3i), ui = cmulIm(w2r, w2i, y3r, y3i);
    const o1r = f64x2.add(y1r, ui), o1i = f64x2.sub(y1i, ur);
    const o3r = f64x2.sub(y1r, ui), o3i = f64x2.add(y1i, ur);
    // back to point order: lane 0 → a..a+3, lane 1 → a+4..a+7
    stv(re, a, v128.shuffle<f64>(o0r, o1r, 0, 2));
    stv(re, a + 2, v128.shuffle<f64>(o2r, o3r, 0, 2));
    stv(re, a + 4, v128.shuffle<f64>(o0r, o1r, 1, 3));
    stv(re, a + 6, v128.shuffle<f64>(o2r, o3r, 1, 3));
    stv(im, a, v128.shuffle<f64>(o0i, o1i, 0, 2));
    stv(im, a + 2, v128.shuffle<f64>(o2i, o3i, 0, 2));
    stv(im, a + 4, v128.shuffle<f64>(o0i, o1i, 1, 3));
    stv(im, a + 6, v128.shuffle<f64>(o2i, o3i, 1, 3));
  }
}
