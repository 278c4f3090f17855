// Small f32x4 helpers for the batched FFT, where each lane is a different series. The relaxed-SIMD build
// fuses multiply-adds (ASC_FEATURE_RELAXED_SIMD is a compile-time constant, so the other branch vanishes).

/** Real part of (ar + i·ai)(c + i·s). */
@inline export function cmulRe(ar: v128, ai: v128, c: v128, s: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_nmadd(ai, s, f32x4.mul(ar, c));
  return f32x4.sub(f32x4.mul(ar, c), f32x4.mul(ai, s));
}

/** Imaginary part of (ar + i·ai)(c + i·s). */
@inline export function cmulIm(ar: v128, ai: v128, c: v128, s: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(ar, s, f32x4.mul(ai, c));
  return f32x4.add(f32x4.mul(ar, s), f32x4.mul(ai, c));
}

/** a·b + c */
@inline export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

/** Complex point at byte `off` of two interleaved (re, im) f32 sources: [re_a, im_a, re_b, im_b]. */
@inline export function gather2(a: usize, b: usize, off: usize): v128 {
  return v128.load64_lane(b + off, v128.load64_zero(a + off), 1);
}

/** Re and im vectors (lane = source) from two gather2 results. */
@inline export function reOf(v01: v128, v23: v128): v128 {
  return f32x4.shuffle(v01, v23, 0, 2, 4, 6);
}

@inline export function imOf(v01: v128, v23: v128): v128 {
  return f32x4.shuffle(v01, v23, 1, 3, 5, 7);
}

/** Stores four vectors (lane = row) transposed: row r gets [v0[r], v1[r], v2[r], v3[r]] at r0…r3. */
@inline export function storeTransposed(v0: v128, v1: v128, v2: v128, v3: v128, r0: usize, r1: usize, r2: usize, r3: usize): void {
  const t0 = f32x4.shuffle(v0, v1, 0, 4, 1, 5);
  const t1 = f32x4.shuffle(v0, v1, 2, 6, 3, 7);
  const t2 = f32x4.shuffle(v2, v3, 0, 4, 1, 5);
  const t3 = f32x4.shuffle(v2, v3, 2, 6, 3, 7);
  v128.store(r0, f32x4.shuffle(t0, t2, 0, 1, 4, 5));
  v128.store(r1, f32x4.shuffle(t0, t2, 2, 3, 6, 7));
  v128.store(r2, f32x4.shuffle(t1, t3, 0, 1, 4, 5));
  v128.store(r3, f32x4.shuffle(t1, t3, 2, 3, 6, 7));
}
