/**
 * Symmetric block quantization of a float weight into MatMulNBits layout; per (output channel, block):
 *  - 8 bits: scale = max|w| / 127, q ∈ [−127, 127] (the usual symmetric int8; nothing clips);
 *  - 4/2 bits: scale = m / −2^(bits−1), m the weight of largest magnitude (MLAS's BlkQ4Sym rule): m lands
 *    on the lowest code, so all 16 levels are used; a weight of −m would clip to 7, an acceptable trade
 *    in a 32-weight block, unlike in int8's per-channel block spanning all of K.
 * q = clamp(round_half_even(w / scale)) is stored as q + 2^(bits−1), the MatMulNBits default zero point.
 */
import { roundHalfEven } from './ops/elementwise.js';
import type { BlockQuantWeight } from './ops/block-quant.js';

/** w is N-major: w[n·K + k] is the weight from input k to output n. `alpha` is folded into the scales. */
export function quantizeSymmetric(
  w: ArrayLike<number>,
  N: number,
  K: number,
  bits: number,
  blockSize: number,
  alpha = 1,
): BlockQuantWeight & { codes: Uint8Array; scales: Float32Array } {
  const kBlocks = Math.ceil(K / blockSize);
  const blob = (blockSize * bits) / 8;
  const perByte = 8 / bits;
  const zero = 1 << (bits - 1);
  const qmax = zero - 1;
  const codes = new Uint8Array(N * kBlocks * blob);
  const scales = new Float32Array(N * kBlocks);
  for (let n = 0; n < N; n++) {
    for (let b = 0; b < kBlocks; b++) {
      const start = n * K + b * blockSize;
      const len = Math.min(blockSize, K - b * blockSize);
      let m = 0;
      for (let j = 0; j < len; j++) if (Math.abs(w[start + j]) > Math.abs(m)) m = w[start + j];
      // The 4-bit scale may be negative: dequantization (code − zero) · scale undoes the sign.
      const scale = Math.fround(bits === 8 ? Math.abs(m) / qmax : m / -zero);
      scales[n * kBlocks + b] = scale * alpha;
      const base = (n * kBlocks + b) * blob;
      // Padding past K (last partial block) keeps the zero code, so it contributes nothing.
      for (let j = 0; j < blockSize; j++) {
        const q = j < len && scale !== 0 ? Math.max(-zero, Math.min(qmax, roundHalfEven(w[start + j] / scale))) : 0;
        codes[base + Math.floor(j / perByte)] |= (q + zero) << ((j % perByte) * bits);
      }
    }
  }
  return { N, K, bits, blockSize, codes, scales };
}

/** Transposes a row-major K×N matrix into N-major order. */
export function toNMajor(b: ArrayLike<number>, K: number, N: number): Float32Array {
  const out = new Float32Array(N * K);
  for (let k = 0; k < K; k++) for (let n = 0; n < N; n++) out[n * K + k] = b[k * N + n];
  return out;
}
