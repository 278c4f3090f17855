// Block-quantized weights × f32 activations with dequantization in registers (MatMulNBits, and the
// weights quantize-on-load produces): Y = A · Wᵀ, W(n, k) = (code − zp) · scale per (n, block of K).
// Nothing is dequantized in memory: each group of codes is unpacked to f32 right before its FMAs.
// Packed layout, per panel of 8 output columns, per K block:
//   32 B scale[8] f32 · 32 B zp[8] f32 · blockSize/2 pairs of k (even, odd) × 8 columns of codes:
//   4-bit: 8 B per pair, byte c = column c, low nibble k even, high nibble k odd;
//   8-bit: 16 B per pair, bytes 0–7 k even, 8–15 k odd.
// Padded columns carry scale 0, so they compute exact zeros. Tile: 4 rows × 8 columns, or 1 row.
import { finishRow8 } from './gemm-epilogue';

@inline function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

/** Byte size of one panel's block: header + codes. */
@inline export function blockBytes(blockSize: i32, bits: i32): usize {
  return 64 + (<usize>blockSize << (bits == 4 ? 2 : 3));
}

/** Low 8 bytes of x (u8 codes of 8 columns) → (code − zp) · scale as two f32x4. */
@inline function dq(x: v128, zp: v128, s: v128): v128 {
  return f32x4.mul(f32x4.sub(f32x4.convert_i32x4_s(x), zp), s);
}

// Nibble mask kept in memory: a v128.const inside the loop is rebuilt by V8 on every iteration.
const NIBBLES = memory.data<u8>([15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15]);

/** One 4×8 (R = 4) or 1×8 (R = 1) output tile over all of K. */
@inline function tileQ(R: i32, bits: i32, a: usize, panel: usize, K: i32, blockSize: i32, out: usize, ldc: usize, rows: i32, colByte: usize, cols: i32): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0), c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0), c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  const bb = blockBytes(blockSize, bits);
  let blk = panel;
  for (let k0 = 0; k0 < K; k0 += blockSize) {
    const s0 = v128.load(blk), s1 = v128.load(blk, 16);
    const z0 = v128.load(blk, 32), z1 = v128.load(blk, 48);
    let g = blk + 64;
    const mask = v128.load(NIBBLES);
    const kEnd = min(K, k0 + blockSize);
    for (let k = k0; k < kEnd; k += 2) {
      // Codes of k (even) and k + 1 (odd) for 8 columns, as u16x8.
      let ue: v128, uo: v128;
      if (bits == 4) {
        const v = v128.load64_zero(g);
        g += 8;
        ue = i16x8.extend_low_i8x16_u(v128.and(v, mask));
        uo = i16x8.extend_low_i8x16_u(v128.and(i16x8.shr_u(v, 4), mask));
      } else {
        const v = v128.load(g);
        g += 16;
        ue = i16x8.extend_low_i8x16_u(v);
        uo = i16x8.extend_high_i8x16_u(v);
      }
      for (let j = 0; j < 2; j++) {
        if (j == 1 && k + 1 >= kEnd) break;
        const u = j == 0 ? ue : uo;
        const w0 = dq(i32x4.extend_low_i16x8_u(u), z0, s0);
        const w1 = dq(i32x4.extend_high_i16x8_u(u), z1, s1);
        const ak = a + (<usize>(k + j) << 4);
        let x = v128.load32_splat(ak);
        c00 = madd(x, w0, c00);
        c01 = madd(x, w1, c01);
        if (R > 1) {
          x = v128.load32_splat(ak, 4);
          c10 = madd(x, w0, c10);
          c11 = madd(x, w1, c11);
          x = v128.load32_splat(ak, 8);
          c20 = madd(x, w0, c20);
          c21 = madd(x, w1, c21);
          x = v128.load32_splat(ak, 12);
          c30 = madd(x, w0, c30);
          c31 = madd(x, w1, c31);
        }
      }
    }
    blk += bb;
  }
  finishRow8(out, c00, c01, colByte, cols);
  if (R > 1) {
    if (rows > 1) finishRow8(out + ldc, c10, c11, colByte, cols);
    if (rows > 2) finishRow8(out + 2 * ldc, c20, c21, colByte, cols);
    if (rows > 3) finishRow8(out + 3 * ldc, c30, c31, colByte, cols);
  }
}

/**
 * Y = A · Wᵀ. ap: A packed in blocks of 4 rows (packRowsF32); w: packed panels (kBlocks · blockBytes
 * each); out: M rows of ldc bytes, N columns. bits 4 or 8; blockSize even.
 */
export function gemmQ(ap: usize, M: i32, K: i32, w: usize, N: i32, blockSize: i32, bits: i32, out: usize, ldc: usize): void {
  const panels = (N + 7) >> 3;
  const panelBytes = <usize>((K + blockSize - 1) / blockSize) * blockBytes(blockSize, bits);
  const aBlock = <usize>K << 4;
  const rowsPerPass = max(4, <i32>(<usize>16384 / aBlock) << 2);
  for (let m0 = 0; m0 < M; m0 += rowsPerPass) {
    const mEnd = min(M, m0 + rowsPerPass);
    for (let p = 0; p < panels; p++) {
      const panel = w + <usize>p * panelBytes;
      const colByte = <usize>p << 5;
      const cols = N - (p << 3);
      for (let i = m0; i < mEnd; i += 4) {
        const a = ap + <usize>(i >> 2) * aBlock;
        const rows = min(4, M - i);
        const o = out + <usize>i * ldc + colByte;
        if (rows >= 3) {
          if (bits == 4) tileQ(4, 4, a, panel, K, blockSize, o, ldc, rows, colByte, cols);
          else tileQ(4, 8, a, panel, K, blockSize, o, ldc, rows, colByte, cols);
        } else {
          // One or two rows: a 1-row tile per row does not pay for two rows it would throw away.
          for (let r = 0; r < rows; r++) {
            if (bits == 4) tileQ(1, 4, a + (<usize>r << 2), panel, K, blockSize, o + <usize>r * ldc, ldc, 1, colByte, cols);
            else tileQ(1, 8, a + (<usize>r << 2), panel, K, blockSize, o + <usize>r * ldc, ldc, 1, colByte, cols);
          }
        }
      }
    }
  }
}
