// First stage of the batched complex FFT (see fft-stages.ts): reads the four sources in order, takes the
// DFT-2/4/8 of each decimated group and writes it to its bit-reversed place in work (point k: re vector at
// work + 32k, im at +16), so no separate permutation pass exists.
import { gather2, imOf, reOf } from './fft-simd';

/**
 * First stage, radix-4: the DFT-4 of z[c + r·m/4], r = 0…3, lands at points 4·bitrev(c) … +3. Sources are
 * read in order (prefetch-friendly); the scattered writes land in work, which is cache-resident.
 */
export function firstStage4(s0: usize, s1: usize, s2: usize, s3: usize, m: i32, work: usize, tw: usize): void {
  const q = <usize>(m >> 2) << 3;
  const count = m >> 2;
  for (let c = 0; c < count; c++) {
    const off = <usize>c << 3;
    let v01 = gather2(s0, s1, off);
    let v23 = gather2(s2, s3, off);
    const a0r = reOf(v01, v23), a0i = imOf(v01, v23);
    v01 = gather2(s0, s1, off + q);
    v23 = gather2(s2, s3, off + q);
    const a1r = reOf(v01, v23), a1i = imOf(v01, v23);
    v01 = gather2(s0, s1, off + 2 * q);
    v23 = gather2(s2, s3, off + 2 * q);
    const a2r = reOf(v01, v23), a2i = imOf(v01, v23);
    v01 = gather2(s0, s1, off + 3 * q);
    v23 = gather2(s2, s3, off + 3 * q);
    const a3r = reOf(v01, v23), a3i = imOf(v01, v23);
    const t0r = f32x4.add(a0r, a2r), t0i = f32x4.add(a0i, a2i);
    const t1r = f32x4.sub(a0r, a2r), t1i = f32x4.sub(a0i, a2i);
    const t2r = f32x4.add(a1r, a3r), t2i = f32x4.add(a1i, a3i);
    const t3r = f32x4.sub(a1r, a3r), t3i = f32x4.sub(a1i, a3i);
    const dst = work + (<usize>load<i32>(tw + (<usize>c << 2)) << 7);
    v128.store(dst, f32x4.add(t0r, t2r));
    v128.store(dst, f32x4.add(t0i, t2i), 16);
    v128.store(dst, f32x4.add(t1r, t3i), 32);
    v128.store(dst, f32x4.sub(t1i, t3r), 48);
    v128.store(dst, f32x4.sub(t0r, t2r), 64);
    v128.store(dst, f32x4.sub(t0i, t2i), 80);
    v128.store(dst, f32x4.sub(t1r, t3i), 96);
    v128.store(dst, f32x4.add(t1i, t3r), 112);
  }
}

/** First stage, radix-8: the DFT-8 of z[c + r·m/8], r = 0…7, lands at points 8·bitrev(c) … +7. */
export function firstStage8(s0: usize, s1: usize, s2: usize, s3: usize, m: i32, work: usize, tw: usize): void {
  const e = <usize>(m >> 3) << 3;
  const count = m >> 3;
  const r2 = f32x4.splat(0.70710678118654752);
  for (let c = 0; c < count; c++) {
    const off = <usize>c << 3;
    let v01 = gather2(s0, s1, off), v23 = gather2(s2, s3, off);
    const a0r = reOf(v01, v23), a0i = imOf(v01, v23);
    v01 = gather2(s0, s1, off + e); v23 = gather2(s2, s3, off + e);
    const a1r = reOf(v01, v23), a1i = imOf(v01, v23);
    v01 = gather2(s0, s1, off + 2 * e); v23 = gather2(s2, s3, off + 2 * e);
    const a2r = reOf(v01, v23), a2i = imOf(v01, v23);
    v01 = gather2(s0, s1, off + 3 * e); v23 = gather2(s2, s3, off + 3 * e);
    const a3r = reOf(v01, v23), a3i = imOf(v01, v23);
    v01 = gather2(s0, s1, off + 4 * e); v23 = gather2(s2, s3, off + 4 * e);
    const a4r = reOf(v01, v23), a4i = imOf(v01, v23);
    v01 = gather2(s0, s1, off + 5 * e); v23 = gather2(s2, s3, off + 5 * e);
    const a5r = reOf(v01, v23), a5i = imOf(v01, v23);
    v01 = gather2(s0, s1, off + 6 * e); v23 = gather2(s2, s3, off + 6 * e);
    const a6r = reOf(v01, v23), a6i = imOf(v01, v23);
    v01 = gather2(s0, s1, off + 7 * e); v23 = gather2(s2, s3, off + 7 * e);
    const a7r = reOf(v01, v23), a7i = imOf(v01, v23);
    // Even half: DFT-4 of a0, a2, a4, a6.
    const p0r = f32x4.add(a0r, a4r), p0i = f32x4.add(a0i, a4i);
    const p1r = f32x4.sub(a0r, a4r), p1i = f32x4.sub(a0i, a4i);
    const p2r = f32x4.add(a2r, a6r), p2i = f32x4.add(a2i, a6i);
    const p3r = f32x4.sub(a2r, a6r), p3i = f32x4.sub(a2i, a6i);
    const e0r = f32x4.add(p0r, p2r), e0i = f32x4.add(p0i, p2i);
    const e2r = f32x4.sub(p0r, p2r), e2i = f32x4.sub(p0i, p2i);
    const e1r = f32x4.add(p1r, p3i), e1i = f32x4.sub(p1i, p3r);
    const e3r = f32x4.sub(p1r, p3i), e3i = f32x4.add(p1i, p3r);
    // Odd half: DFT-4 of a1, a3, a5, a7.
    const q0r = f32x4.add(a1r, a5r), q0i = f32x4.add(a1i, a5i);
    const q1r = f32x4.sub(a1r, a5r), q1i = f32x4.sub(a1i, a5i);
    const q2r = f32x4.add(a3r, a7r), q2i = f32x4.add(a3i, a7i);
    const q3r = f32x4.sub(a3r, a7r), q3i = f32x4.sub(a3i, a7i);
    const o0r = f32x4.add(q0r, q2r), o0i = f32x4.add(q0i, q2i);
    const o2r = f32x4.sub(q0r, q2r), o2i = f32x4.sub(q0i, q2i);
    const o1r = f32x4.add(q1r, q3i), o1i = f32x4.sub(q1i, q3r);
    const o3r = f32x4.sub(q1r, q3i), o3i = f32x4.add(q1i, q3r);
    // Twiddles w8^k: o1·(1−i)/√2, o2·(−i), o3·(−1−i)/√2.
    const w1r = f32x4.mul(f32x4.add(o1r, o1i), r2), w1i = f32x4.mul(f32x4.sub(o1i, o1r), r2);
    const w3r = f32x4.mul(f32x4.sub(o3i, o3r), r2), w3i = f32x4.mul(f32x4.neg(f32x4.add(o3r, o3i)), r2);
    const dst = work + (<usize>load<i32>(tw + (<usize>c << 2)) << 8);
    v128.store(dst, f32x4.add(e0r, o0r));
    v128.store(dst, f32x4.add(e0i, o0i), 16);
    v128.store(dst, f32x4.add(e1r, w1r), 32);
    v128.store(dst, f32x4.add(e1i, w1i), 48);
    v128.store(dst, f32x4.add(e2r, o2i), 64);
    v128.store(dst, f32x4.sub(e2i, o2r), 80);
    v128.store(dst, f32x4.add(e3r, w3r), 96);
    v128.store(dst, f32x4.add(e3i, w3i), 112);
    v128.store(dst, f32x4.sub(e0r, o0r), 128);
    v128.store(dst, f32x4.sub(e0i, o0i), 144);
    v128.store(dst, f32x4.sub(e1r, w1r), 160);
    v128.store(dst, f32x4.sub(e1i, w1i), 176);
    v128.store(dst, f32x4.sub(e2r, o2i), 192);
    v128.store(dst, f32x4.add(e2i, o2r), 208);
    v128.store(dst, f32x4.sub(e3r, w3r), 224);
    v128.store(dst, f32x4.sub(e3i, w3i), 240);
  }
}

/** First stage, radix-2: the DFT-2 of z[c], z[c + m/2] lands at points 2·bitrev(c), +1. */
export function firstStage2(s0: usize, s1: usize, s2: usize, s3: usize, m: i32, work: usize, tw: usize): void {
  const h = <usize>(m >> 1) << 3;
  const count = m >> 1;
  for (let c = 0; c < count; c++) {
    const off = <usize>c << 3;
    let v01 = gather2(s0, s1, off);
    let v23 = gather2(s2, s3, off);
    const ar = reOf(v01, v23), ai = imOf(v01, v23);
    v01 = gather2(s0, s1, off + h);
    v23 = gather2(s2, s3, off + h);
    const br = reOf(v01, v23), bi = imOf(v01, v23);
    const dst = work + (<usize>load<i32>(tw + (<usize>c << 2)) << 6);
    v128.store(dst, f32x4.add(ar, br));
    v128.store(dst, f32x4.add(ai, bi), 16);
    v128.store(dst, f32x4.sub(ar, br), 32);
    v128.store(dst, f32x4.sub(ai, bi), 48);
  }
}
