// 4-bit block-quantized weights × int8-quantized activations (MatMulNBits accuracy_level 4, as onnxruntime
// does it): A is quantized per row and K block to symmetric int8 (scale = max|a| / 127), then
//   Y[r][n] = Σ_blocks sA[r,b] · sW[n,b] · (Σ_{k∈b} aq[r][k] · code[n][k] − zp[n,b] · Σ_{k∈b} aq[r][k])
// The inner product is exact in i32 (dot_i16x8_s on nibbles unpacked in registers); the zero point is a
// per-block correction, so codes stay unsigned 0..15.
// Weight layout, per panel of 8 columns, per block: sW[8] f32 · zp[8] i32 · blockSize/2 pairs of k ×
// 8 bytes, byte j: low nibble (column j>>1, k parity j&1), high nibble (column 4 + (j>>1), same k), so
// masking and shifting the 8 bytes then widening gives exactly the two i16 B vectors gemmI16 uses.
// A: packed i16 (gemm-pack-a.ts), K padded to whole blocks with zeros; per (row, block): scale f32 and
// Σ aq i32, rows padded to a multiple of 4 (gemm-quant-blocks.ts writes both).
import { finishRow8 } from './gemm-epilogue';
import { i16PairAt } from './gemm-pack-a';

@inline function dot(a: v128, b: v128, c: v128): v128 {
  return i32x4.add(c, i32x4.dot_i16x8_s(a, b));
}

/** Block of one row: (acc − zp·Σaq) · sW · sA added into the f32 partial sums at p (8 columns). */
@inline function flush(p: usize, c0: v128, c1: v128, hdr: usize, sA: f32, sum: i32, first: bool): void {
  const s = i32x4.splat(sum);
  const f = f32x4.splat(sA);
  const y0 = f32x4.mul(f32x4.convert_i32x4_s(i32x4.sub(c0, i32x4.mul(v128.load(hdr, 32), s))), f32x4.mul(v128.load(hdr), f));
  const y1 = f32x4.mul(f32x4.convert_i32x4_s(i32x4.sub(c1, i32x4.mul(v128.load(hdr, 48), s))), f32x4.mul(v128.load(hdr, 16), f));
  v128.store(p, first ? y0 : f32x4.add(v128.load(p), y0));
  v128.store(p, first ? y1 : f32x4.add(v128.load(p, 16), y1), 16);
}

/**
 * One tile (R = 4 rows, or R = 1 with a pointing at the row's lane) over all blocks. part: 4 rows × 8 f32
 * scratch for the running sums; sa/sums: this tile's first row of per-(row, block) scales and Σaq.
 */
// Nibble mask kept in memory: a v128.const inside the loop is rebuilt by V8 on every iteration.
const NIBBLES = memory.data<u8>([15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15]);

function tile(R: i32, a: usize, panel: usize, kBlocks: i32, pairs: i32, sa: usize, sums: usize, part: usize): void {
  const blockBytes: usize = 64 + (<usize>pairs << 3);
  let w = panel;
  for (let b = 0; b < kBlocks; b++) {
    let c00 = i32x4.splat(0), c01 = i32x4.splat(0), c10 = i32x4.splat(0), c11 = i32x4.splat(0);
    let c20 = i32x4.splat(0), c21 = i32x4.splat(0), c30 = i32x4.splat(0), c31 = i32x4.splat(0);
    let g = w + 64;
    const end = g + (<usize>pairs << 3);
    const mask = v128.load(NIBBLES);
    while (g < end) {
      const v = v128.load64_zero(g);
      const b0 = i16x8.extend_low_i8x16_u(v128.and(v, mask));
      // 16-bit shift then mask: cheaper than an 8-bit shift on x64, same bytes.
      const b1 = i16x8.extend_low_i8x16_u(v128.and(i16x8.shr_u(v, 4), mask));
      let x = v128.load32_splat(a);
      c00 = dot(x, b0, c00);
      c01 = dot(x, b1, c01);
      if (R > 1) {
        x = v128.load32_splat(a, 4);
        c10 = dot(x, b0, c10);
        c11 = dot(x, b1, c11);
        x = v128.load32_splat(a, 8);
        c20 = dot(x, b0, c20);
        c21 = dot(x, b1, c21);
        x = v128.load32_splat(a, 12);
        c30 = dot(x, b0, c30);
        c31 = dot(x, b1, c31);
      }
      g += 8;
      a += 16;
    }
    const q = <usize>b << 2;
    const first = b == 0;
    flush(part, c00, c01, w, load<f32>(sa + q), load<i32>(sums + q), first);
    if (R > 1) {
      const rs = <usize>kBlocks << 2;
      flush(part + 32, c10, c11, w, load<f32>(sa + rs + q), load<i32>(sums + rs + q), first);
      flush(part + 64, c20, c21, w, load<f32>(sa + 2 * rs + q), load<i32>(sums + 2 * rs + q), first);
      flush(part + 96, c30, c31, w, load<f32>(sa + 3 * rs + q), load<i32>(sums + 3 * rs + q), first);
    }
    w += blockBytes;
  }
}

/**
 * Y = A · Wᵀ for 4-bit W with int8 activations. ap: packed i16 A (kBlocks·blockSize/2 pairs); sa, sums:
 * [M4][kBlocks] f32 scales and i32 Σaq from quantizeBlocksI8; w: packed panels; out: M rows of ldc bytes;
 * part: 128 bytes of scratch. Epilogue as set by gemmEpilogue.
 */
export function gemmQ4I8(ap: usize, M: i32, kBlocks: i32, blockSize: i32, sa: usize, sums: usize, w: usize, N: i32, out: usize, ldc: usize, part: usize): void {
  const panels = (N + 7) >> 3;
  const pairs = blockSize >> 1;
  const panelBytes = <usize>kBlocks * (64 + (<usize>pairs << 3));
  const Kp = kBlocks * pairs;
  const aBlock = <usize>Kp << 4;
  const rowsPerPass = max(4, <i32>(<usize>16384 / aBlock) << 2);
  for (let m0 = 0; m0 < M; m0 += rowsPerPass) {
    const mEnd = min(M, m0 + rowsPerPass);
    for (let p = 0; p < panels; p++) {
      const panel = w + <usize>p * panelBytes;
      const colByte = <usize>p << 5;
      const cols = N - (p << 3);
      for (let i = m0; i < mEnd; i += 4) {
        const rows = min(4, M - i);
        const meta = <usize>i * kBlocks << 2;
        if (rows >= 3) tile(4, i16PairAt(ap, Kp, i, 0), panel, kBlocks, pairs, sa + meta, sums + meta, part);
        else {
          for (let r = 0; r < rows; r++) {
            const m = <usize>(i + r) * kBlocks << 2;
            tile(1, i16PairAt(ap, Kp, i + r, 0), panel, kBlocks, pairs, sa + m, sums + m, part + (<usize>r << 5));
          }
        }
        const o = out + <usize>i * ldc + colByte;
        for (let r = 0; r < rows; r++) finishRow8(o + <usize>r * ldc, v128.load(part + (<usize>r << 5)), v128.load(part + (<usize>r << 5), 16), colByte, cols);
      }
    }
  }
}
