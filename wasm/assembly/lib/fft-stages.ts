// The complex FFT of m = n/2 points, four series at once (lane = series), in place in `work`: point k is a
// re vector at work + 32k and an im vector at work + 32k + 16. Decimation in time: the first stage
// (radix-4, or radix-8 when log2 m is odd, radix-2 for m = 2) reads the sources in bit-reversed order, so
// no separate permutation pass exists; then radix-4 stages with span L = 4 or 8, ×4, up to m/4.
import { cmulIm, cmulRe } from './fft-simd';
import { firstStage2, firstStage4, firstStage8 } from './fft-first-stage';
import { fftFirstLog, fftStageOffset } from './fft-plan';

/** One radix-4 butterfly at p (quarter stride q bytes) with twiddles w^j, w^2j, w^3j. Quarters hold polyphases 0, 2, 1, 3. */
@inline function butterfly4(p: usize, q: usize, c1: v128, s1: v128, c2: v128, s2: v128, c3: v128, s3: v128): void {
  const y0r = v128.load(p), y0i = v128.load(p, 16);
  const y2r = v128.load(p + q), y2i = v128.load(p + q, 16);
  const y1r = v128.load(p + 2 * q), y1i = v128.load(p + 2 * q, 16);
  const y3r = v128.load(p + 3 * q), y3i = v128.load(p + 3 * q, 16);
  const b1r = cmulRe(y1r, y1i, c1, s1), b1i = cmulIm(y1r, y1i, c1, s1);
  const b2r = cmulRe(y2r, y2i, c2, s2), b2i = cmulIm(y2r, y2i, c2, s2);
  const b3r = cmulRe(y3r, y3i, c3, s3), b3i = cmulIm(y3r, y3i, c3, s3);
  const t0r = f32x4.add(y0r, b2r), t0i = f32x4.add(y0i, b2i);
  const t1r = f32x4.sub(y0r, b2r), t1i = f32x4.sub(y0i, b2i);
  const t2r = f32x4.add(b1r, b3r), t2i = f32x4.add(b1i, b3i);
  const t3r = f32x4.sub(b1r, b3r), t3i = f32x4.sub(b1i, b3i);
  v128.store(p, f32x4.add(t0r, t2r));
  v128.store(p, f32x4.add(t0i, t2i), 16);
  v128.store(p + q, f32x4.add(t1r, t3i));
  v128.store(p + q, f32x4.sub(t1i, t3r), 16);
  v128.store(p + 2 * q, f32x4.sub(t0r, t2r));
  v128.store(p + 2 * q, f32x4.sub(t0i, t2i), 16);
  v128.store(p + 3 * q, f32x4.sub(t1r, t3i));
  v128.store(p + 3 * q, f32x4.add(t1i, t3r), 16);
}

/** Radix-4 stage of span L over `points` points at work (a multiple of 4L); tw0: the stage's twiddles. */
export function radix4Stage(work: usize, points: i32, L: i32, tw0: usize): void {
  const q = <usize>L << 5;
  const blocks = points / (4 * L);
  if (L >= blocks) {
    for (let b = 0; b < blocks; b++) {
      let p = work + <usize>b * 4 * q;
      let t = tw0;
      for (let j = 0; j < L; j++) {
        const c1 = v128.load32_splat(t), s1 = v128.load32_splat(t, 4);
        const c2 = v128.load32_splat(t, 8), s2 = v128.load32_splat(t, 12);
        const c3 = v128.load32_splat(t, 16), s3 = v128.load32_splat(t, 20);
        butterfly4(p, q, c1, s1, c2, s2, c3, s3);
        p += 32;
        t += 24;
      }
    }
  } else {
    for (let j = 0; j < L; j++) {
      const t = tw0 + <usize>j * 24;
      const c1 = v128.load32_splat(t), s1 = v128.load32_splat(t, 4);
      const c2 = v128.load32_splat(t, 8), s2 = v128.load32_splat(t, 12);
      const c3 = v128.load32_splat(t, 16), s3 = v128.load32_splat(t, 20);
      let p = work + (<usize>j << 5);
      for (let b = 0; b < blocks; b++) {
        butterfly4(p, q, c1, s1, c2, s2, c3, s3);
        p += 4 * q;
      }
    }
  }
}

/** The full complex FFT of m ≥ 2 points from four sources of interleaved (re, im) f32. */
export function complexFft4(s0: usize, s1: usize, s2: usize, s3: usize, m: i32, work: usize, tw: usize): void {
  const first = fftFirstLog(m);
  if (first == 3) firstStage8(s0, s1, s2, s3, m, work, tw);
  else if (first == 2) firstStage4(s0, s1, s2, s3, m, work, tw);
  else firstStage2(s0, s1, s2, s3, m, work, tw);
  for (let L = 1 << first; L < m; L <<= 2) radix4Stage(work, m, L, tw + fftStageOffset(m, L));
}
