// Per-block symmetric int8 quantization of activations for the int4 × int8 GEMM (gemm-q4i8.ts), the way
// onnxruntime's MatMulNBits accuracy_level 4 prepares A: per row and K block, scale = max|a| / 127.
import { i16PairAt, storePairs } from './gemm-pack-a';
import { roundToI32 } from './gemm-quant';

/** round_half_even(a / scale) as i32 lanes (scale > 0, so |a / scale| ≤ 127). */
@inline function q4(v: v128, s: v128): v128 {
  return roundToI32(f32x4.div(v, s));
}

/**
 * Quantizes M rows of K f32 (stride ldx bytes) per block of blockSize to symmetric int8, written as
 * packed i16 A with K padded to kBlocks·blockSize; per (row, block) the scale (max|a| / 127; an all-zero
 * block gets 0 and codes 0) and Σ codes. Codes: round half to even of a / scale (f32 division).
 * Rows M … M4−1 get zero codes, so the 4-row tile can compute them.
 */
export function quantizeBlocksI8(x: usize, ldx: usize, M: i32, K: i32, blockSize: i32, ap: usize, sa: usize, sums: usize): void {
  const kBlocks = (K + blockSize - 1) / blockSize;
  const Kp = (kBlocks * blockSize) >> 1;
  const M4 = (M + 3) & ~3;
  for (let r = 0; r < M4; r++) {
    const src = x + <usize>r * ldx;
    const row = i16PairAt(ap, Kp, r, 0);
    for (let b = 0; b < kBlocks; b++) {
      const k0 = b * blockSize;
      const kEnd = r < M ? min(K, k0 + blockSize) : k0;
      const full = kEnd - k0 == blockSize && (blockSize & 7) == 0;
      let amax: f32 = 0;
      if (full) {
        let m = f32x4.splat(0);
        for (let k = k0; k < kEnd; k += 4) m = f32x4.max(m, f32x4.abs(v128.load(src + (<usize>k << 2))));
        amax = max(max(f32x4.extract_lane(m, 0), f32x4.extract_lane(m, 1)), max(f32x4.extract_lane(m, 2), f32x4.extract_lane(m, 3)));
      } else {
        for (let k = k0; k < kEnd; k++) amax = max(amax, abs(load<f32>(src + (<usize>k << 2))));
      }
      const scale: f32 = amax / 127;
      let sum = 0;
      if (full && scale > 0) {
        const sv = f32x4.splat(scale);
        let acc = i32x4.splat(0);
        for (let k = k0; k < kEnd; k += 8) {
          const p = src + (<usize>k << 2);
          const q0 = q4(v128.load(p), sv);
          const q1 = q4(v128.load(p, 16), sv);
          acc = i32x4.add(acc, i32x4.add(q0, q1));
          storePairs(row + (<usize>k << 3), i16x8.narrow_i32x4_s(q0, q1));
        }
        sum = i32x4.extract_lane(acc, 0) + i32x4.extract_lane(acc, 1) + i32x4.extract_lane(acc, 2) + i32x4.extract_lane(acc, 3);
      } else {
        for (let k = k0; k < k0 + blockSize; k++) {
          let q: i32 = 0;
          if (k < kEnd && scale > 0) q = <i32>nearest(load<f32>(src + (<usize>k << 2)) / scale);
          sum += q;
          store<i16>(row + (<usize>(k >> 1) << 4) + (<usize>(k & 1) << 1), <i16>q);
        }
      }
      const m = (<usize>r * kBlocks + b) << 2;
      store<f32>(sa + m, scale);
      store<i32>(sums + m, sum);
    }
  }
}
