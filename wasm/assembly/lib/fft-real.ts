// Real FFT of n points, four series at once: the n real samples are read as m = n/2 complex points
// z[k] = x[2k] + i·x[2k+1], transformed by complexFft4, then split into the n/2 + 1 bins of the real
// spectrum: in place (bin m goes to the extra point at work + 32m, so work holds m + 1 points), or as
// magnitudes or powers, one vector per bin, elsewhere.
import { complexFft4 } from './fft-stages';
import { cmulIm, cmulRe } from './fft-simd';
import { fftPostOffset } from './fft-plan';

/** Bytes of work space realFft4 needs for n points. */
export function realFftWorkBytes(n: i32): usize {
  return <usize>((n >> 1) + 2) << 5;
}

@inline function lanes4(s0: usize, s1: usize, s2: usize, s3: usize, off: usize): v128 {
  let v = v128.load32_zero(s0 + off);
  v = v128.load32_lane(s1 + off, v, 1);
  v = v128.load32_lane(s2 + off, v, 2);
  return v128.load32_lane(s3 + off, v, 3);
}

/** Where the split writes: complex bins in place, or one vector per bin of |X| or |X|² at `dst`. */
export const SPLIT_COMPLEX: i32 = 0;
export const SPLIT_MAGNITUDE: i32 = 1;
export const SPLIT_POWER: i32 = 2;

@inline function emit(kind: i32, work: usize, dst: usize, k: i32, re: v128, im: v128): void {
  if (kind == SPLIT_COMPLEX) {
    const p = work + (<usize>k << 5);
    v128.store(p, re);
    v128.store(p, im, 16);
  } else {
    const pw = f32x4.add(f32x4.mul(re, re), f32x4.mul(im, im));
    v128.store(dst + (<usize>k << 4), kind == SPLIT_MAGNITUDE ? f32x4.sqrt(pw) : pw);
  }
}

/**
 * X[k] = E[k] + W^k·O[k] and X[m−k] = conj(E[k] − W^k·O[k]), E/O the even/odd-sample spectra. `kind` is a
 * constant at every call site, so each inlined copy keeps only its own output path.
 */
@inline function split(kind: i32, work: usize, m: i32, tw: usize, dst: usize): void {
  const post = tw + fftPostOffset(m);
  const zero = f32x4.splat(0);
  const half = f32x4.splat(0.5);
  const z0r = v128.load(work), z0i = v128.load(work, 16);
  emit(kind, work, dst, m, f32x4.sub(z0r, z0i), zero);
  emit(kind, work, dst, 0, f32x4.add(z0r, z0i), zero);
  const h = m >> 1;
  for (let k = 1; k <= h; k++) {
    const pk = work + (<usize>k << 5);
    const pc = work + (<usize>(m - k) << 5);
    const ar = v128.load(pk), ai = v128.load(pk, 16);
    const br = v128.load(pc), bi = v128.load(pc, 16);
    const er = f32x4.mul(f32x4.add(ar, br), half), ei = f32x4.mul(f32x4.sub(ai, bi), half);
    const or = f32x4.mul(f32x4.add(ai, bi), half), oi = f32x4.mul(f32x4.sub(br, ar), half);
    const c = v128.load32_splat(post + (<usize>k << 3));
    const s = v128.load32_splat(post + (<usize>k << 3), 4);
    const wr = cmulRe(or, oi, c, s), wi = cmulIm(or, oi, c, s);
    emit(kind, work, dst, k, f32x4.add(er, wr), f32x4.add(ei, wi));
    emit(kind, work, dst, m - k, f32x4.sub(er, wr), f32x4.sub(wi, ei));
  }
}

function splitComplex(work: usize, m: i32, tw: usize): void {
  split(SPLIT_COMPLEX, work, m, tw, 0);
}

function splitMagnitude(work: usize, m: i32, tw: usize, dst: usize): void {
  split(SPLIT_MAGNITUDE, work, m, tw, dst);
}

function splitPower(work: usize, m: i32, tw: usize, dst: usize): void {
  split(SPLIT_POWER, work, m, tw, dst);
}

/**
 * The n/2 + 1 bins (n/2 + 1 = 1 when n = 1) of the real DFT of four sources of n f32 each, lane = source.
 * kind SPLIT_COMPLEX: bin k as re/im vectors at work + 32k; SPLIT_MAGNITUDE / SPLIT_POWER: one vector of
 * |X_k| or |X_k|² per bin at dst + 16k. n is a power of two; tables for n must have been built at tw.
 */
export function realFft4(s0: usize, s1: usize, s2: usize, s3: usize, n: i32, work: usize, tw: usize, kind: i32, dst: usize): void {
  const zero = f32x4.splat(0);
  if (n <= 2) {
    const a = lanes4(s0, s1, s2, s3, 0);
    const b = n == 2 ? lanes4(s0, s1, s2, s3, 4) : zero;
    if (kind == SPLIT_COMPLEX) {
      emit(SPLIT_COMPLEX, work, dst, 0, f32x4.add(a, b), zero);
      emit(SPLIT_COMPLEX, work, dst, 1, f32x4.sub(a, b), zero);
    } else if (kind == SPLIT_MAGNITUDE) {
      emit(SPLIT_MAGNITUDE, work, dst, 0, f32x4.add(a, b), zero);
      emit(SPLIT_MAGNITUDE, work, dst, 1, f32x4.sub(a, b), zero);
    } else {
      emit(SPLIT_POWER, work, dst, 0, f32x4.add(a, b), zero);
      emit(SPLIT_POWER, work, dst, 1, f32x4.sub(a, b), zero);
    }
    return;
  }
  const m = n >> 1;
  complexFft4(s0, s1, s2, s3, m, work, tw);
  if (kind == SPLIT_COMPLEX) splitComplex(work, m, tw);
  else if (kind == SPLIT_MAGNITUDE) splitMagnitude(work, m, tw, dst);
  else splitPower(work, m, tw, dst);
}
