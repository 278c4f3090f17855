// Order-preserving unsigned keys for IEEE floats, the same mapping as engine/kernels/percentile/order-keys.ts:
// negatives flip every bit, positives flip the sign bit, every NaN becomes the all-ones key (above +Infinity).

/** Key of one f32 given its bits. */
@inline export function keyF32(bits: u32): u32 {
  if ((bits & 0x7fffffff) > 0x7f800000) return 0xffffffff;
  return bits ^ (<u32>(<i32>bits >> 31) | 0x80000000);
}

/** Key of one f64 given its bits. */
@inline export function keyF64(bits: u64): u64 {
  if ((bits & 0x7fffffffffffffff) > 0x7ff0000000000000) return 0xffffffffffffffff;
  return bits ^ (<u64>(<i64>bits >> 63) | 0x8000000000000000);
}

/** Keys of four f32 lanes; NaN lanes become all ones. */
@inline export function keysF32x4(v: v128): v128 {
  const flip = v128.or(i32x4.shr_s(v, 31), i32x4.splat(0x80000000));
  return v128.or(v128.xor(v, flip), f32x4.ne(v, v));
}

/** Keys of two f64 lanes; NaN lanes become all ones. */
@inline export function keysF64x2(v: v128): v128 {
  const flip = v128.or(i64x2.shr_s(v, 63), i64x2.splat(0x8000000000000000));
  return v128.or(v128.xor(v, flip), f64x2.ne(v, v));
}
