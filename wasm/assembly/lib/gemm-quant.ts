// Activation quantization for the integer GEMMs, in SIMD:
//  - DynamicQuantizeLinear: min/max (NaN ignored), then q = clamp(round_half_even(x / scale) + zp, 0, 255)
//    with the division in f32, exactly as the ONNX reference; written as u8 (the op's output) and/or as
//    packed i16 (q − zp), K padded to even, which is what gemmI16 reads.
//  - Widening of 8-bit tensors that arrive from elsewhere (u8 or i8, per-tensor or per-row zero point).
import { trackMinMax } from './gemm-epilogue';
import { i16PairAt, storePairs } from './gemm-pack-a';

/** Tracks min/max of n f32 at x into the epilogue's running min/max (read with gemmMinMax). */
export function minMaxF32(x: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) trackMinMax(v128.load(x + (<usize>i << 2)));
  for (; i < n; i++) trackMinMax(f32x4.splat(load<f32>(x + (<usize>i << 2))));
}

/** 1.5·2^23: adding it rounds |t| < 2^22 to an integer, half to even, which the low mantissa bits then hold. */
const MAGIC: f32 = 12582912.0;

/** round_half_even(t) as i32 lanes for |t| < 2^22, with two adds instead of nearest + trunc_sat. */
@inline export function roundToI32(t: v128): v128 {
  return i32x4.sub(f32x4.add(t, f32x4.splat(MAGIC)), f32x4.splat(MAGIC));
}

/** q = clamp(round(x / scale) + zp, 0, 255) for four lanes; NaN → 0 (a NaN stored to a Uint8Array). */
@inline function quantize4(v: v128, scale: v128, zp: v128): v128 {
  // Clamping before rounding is the same as after: the bounds −zp and 255 − zp are integers.
  const t = f32x4.div(v, scale);
  const c = f32x4.pmin(f32x4.pmax(t, f32x4.neg(zp)), f32x4.sub(f32x4.splat(255), zp));
  const q = i32x4.add(roundToI32(c), i32x4.trunc_sat_f32x4_s(zp));
  return v128.and(q, f32x4.eq(t, t));
}


/** Zeroes the rows M … M4−1 of the last packed block (they are computed by the 4-row tile, never stored). */
function zeroPadRows(out: usize, M: i32, Kp: i32): void {
  if ((M & 3) == 0) return;
  for (let r = M; r < ((M + 3) & ~3); r++) {
    for (let kp = 0; kp < Kp; kp++) store<u32>(i16PairAt(out, Kp, r, kp), 0);
  }
}

/**
 * M rows of K values (row stride ldx bytes) → packed i16 A (gemm-pack-a.ts) of (q − zp), K padded to even.
 * When u8 ≠ 0 the u8 codes (the op's output) are also written there, densely (M·K bytes).
 */
export function quantizeRowsI16(x: usize, ldx: usize, M: i32, K: i32, scale: f32, zp: i32, out: usize, u8: usize): void {
  const s = f32x4.splat(scale);
  const z = f32x4.splat(<f32>zp);
  const zi = i32x4.splat(zp);
  const Kp = (K + 1) >> 1;
  for (let r = 0; r < M; r++) {
    const src = x + <usize>r * ldx;
    const dst = i16PairAt(out, Kp, r, 0);
    let k = 0;
    for (; k + 8 <= K; k += 8) {
      const p = src + (<usize>k << 2);
      const q0 = quantize4(v128.load(p), s, z);
      const q1 = quantize4(v128.load(p, 16), s, z);
      storePairs(dst + (<usize>k << 3), i16x8.narrow_i32x4_s(i32x4.sub(q0, zi), i32x4.sub(q1, zi)));
      if (u8) v128.store64_lane(u8 + <usize>r * K + k, i8x16.narrow_i16x8_u(i16x8.narrow_i32x4_s(q0, q1), i16x8.splat(0)), 0);
    }
    for (; k < K; k++) {
      const q = i32x4.extract_lane(quantize4(f32x4.splat(load<f32>(src + (<usize>k << 2))), s, z), 0);
      store<i16>(dst + (<usize>(k >> 1) << 4) + (<usize>(k & 1) << 1), <i16>(q - zp));
      if (u8) store<u8>(u8 + <usize>r * K + k, <u8>q);
    }
    if (K & 1) store<i16>(dst + (<usize>(K >> 1) << 4), 0, 2);
  }
  zeroPadRows(out, M, Kp);
}

/**
 * 8-bit rows (u8 when signed = 0, else i8), K per row, dense → packed i16 A of (v − zp), K padded to even.
 * zp: per-row i32 array when zpRows ≠ 0, else the scalar zpScalar.
 */
export function widenRowsI16(src: usize, M: i32, K: i32, signed: i32, zpRows: usize, zpScalar: i32, out: usize): void {
  const Kp = (K + 1) >> 1;
  for (let r = 0; r < M; r++) {
    const zp = zpRows ? load<i32>(zpRows + (<usize>r << 2)) : zpScalar;
    const z = i16x8.splat(<i16>zp);
    const s = src + <usize>r * K;
    const dst = i16PairAt(out, Kp, r, 0);
    let k = 0;
    for (; k + 8 <= K; k += 8) {
      const v = v128.load64_zero(s + k);
      const w = signed ? i16x8.extend_low_i8x16_s(v) : i16x8.extend_low_i8x16_u(v);
      storePairs(dst + (<usize>k << 3), i16x8.sub(w, z));
    }
    for (; k < K; k++) {
      const v: i32 = signed ? <i32>load<i8>(s + k) : <i32>load<u8>(s + k);
      store<i16>(dst + (<usize>(k >> 1) << 4) + (<usize>(k & 1) << 1), <i16>(v - zp));
    }
    if (K & 1) store<i16>(dst + (<usize>(K >> 1) << 4), 0, 2);
  }
  zeroPadRows(out, M, Kp);
}
