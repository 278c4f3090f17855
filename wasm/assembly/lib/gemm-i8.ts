// Integer GEMM for 8-bit operands widened to i16 with their zero points already subtracted:
//   acc[i][j] = Σ_k (a[i][k] − a_zp) · (b[k][j] − b_zp[j])      exact in i32 for K ≤ 33024
// via i32x4.dot_i16x8_s. Weights are widened once at load; activations by the pass that produces them
// (gemm-quant.ts), so the inner loop only loads, multiplies and adds.
// A: i16 in blocks of 4 rows per pair of k (gemm-pack-a.ts), K padded to even (Kp pairs). B panels of
// 8 columns: per k pair 8 columns × (k, k+1) of i16 (32 bytes), so one A-pair splat against two B vectors
// gives partial sums for 8 columns — 4 rows × 8 columns per tile, no horizontal reduction.
// Output: raw i32 (MatMulInteger) or f32 through the epilogue (fused Cast · scale + bias, relu, min/max).
import { finishRow8, storeRow8 } from './gemm-epilogue';

@inline function dot(a: v128, b: v128, c: v128): v128 {
  return i32x4.add(c, i32x4.dot_i16x8_s(a, b));
}

@inline function emit(p: usize, v0: v128, v1: v128, colByte: usize, cols: i32, raw: bool): void {
  if (raw) storeRow8(p, v0, v1, cols);
  else finishRow8(p, f32x4.convert_i32x4_s(v0), f32x4.convert_i32x4_s(v1), colByte, cols);
}

@inline function tile4x8(a: usize, bp: usize, panelBytes: usize, out: usize, ldc: usize, rows: i32, colByte: usize, cols: i32, raw: bool): void {
  let c00 = i32x4.splat(0), c01 = i32x4.splat(0), c10 = i32x4.splat(0), c11 = i32x4.splat(0);
  let c20 = i32x4.splat(0), c21 = i32x4.splat(0), c30 = i32x4.splat(0), c31 = i32x4.splat(0);
  const end = bp + panelBytes;
  while (bp < end) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    let x = v128.load32_splat(a);
    c00 = dot(x, b0, c00);
    c01 = dot(x, b1, c01);
    x = v128.load32_splat(a, 4);
    c10 = dot(x, b0, c10);
    c11 = dot(x, b1, c11);
    x = v128.load32_splat(a, 8);
    c20 = dot(x, b0, c20);
    c21 = dot(x, b1, c21);
    x = v128.load32_splat(a, 12);
    c30 = dot(x, b0, c30);
    c31 = dot(x, b1, c31);
    bp += 32;
    a += 16;
  }
  emit(out, c00, c01, colByte, cols, raw);
  if (rows > 1) emit(out + ldc, c10, c11, colByte, cols, raw);
  if (rows > 2) emit(out + 2 * ldc, c20, c21, colByte, cols, raw);
  if (rows > 3) emit(out + 3 * ldc, c30, c31, colByte, cols, raw);
}

@inline function row1x32(a: usize, bp: usize, panelBytes: usize, panels: i32, out: usize, colByte: usize, cols: i32, raw: bool): void {
  let c0 = i32x4.splat(0), c1 = i32x4.splat(0), c2 = i32x4.splat(0), c3 = i32x4.splat(0);
  let c4 = i32x4.splat(0), c5 = i32x4.splat(0), c6 = i32x4.splat(0), c7 = i32x4.splat(0);
  const p1 = bp + (panels > 1 ? panelBytes : 0);
  const p2 = bp + (panels > 2 ? 2 * panelBytes : 0);
  const p3 = bp + (panels > 3 ? 3 * panelBytes : 0);
  for (let o: usize = 0; o < panelBytes; o += 32) {
    const x = v128.load32_splat(a);
    c0 = dot(x, v128.load(bp + o), c0);
    c1 = dot(x, v128.load(bp + o, 16), c1);
    c2 = dot(x, v128.load(p1 + o), c2);
    c3 = dot(x, v128.load(p1 + o, 16), c3);
    c4 = dot(x, v128.load(p2 + o), c4);
    c5 = dot(x, v128.load(p2 + o, 16), c5);
    c6 = dot(x, v128.load(p3 + o), c6);
    c7 = dot(x, v128.load(p3 + o, 16), c7);
    a += 16;
  }
  emit(out, c0, c1, colByte, cols, raw);
  if (panels > 1) emit(out + 32, c2, c3, colByte + 32, cols - 8, raw);
  if (panels > 2) emit(out + 64, c4, c5, colByte + 64, cols - 16, raw);
  if (panels > 3) emit(out + 96, c6, c7, colByte + 96, cols - 24, raw);
}

/**
 * ap: packed i16 A (M rows, Kp pairs); bp: B panels (Kp·32 bytes each); out: M rows of ldc bytes, N
 * columns. raw ≠ 0 stores the i32 accumulators; else f32 through the epilogue.
 */
export function gemmI16(ap: usize, M: i32, Kp: i32, bp: usize, N: i32, out: usize, ldc: usize, raw: i32): void {
  const panels = (N + 7) >> 3;
  const panelBytes = <usize>Kp << 5;
  const blockBytes = <usize>Kp << 4;
  const isRaw = raw != 0;
  if (M < 3) {
    for (let i = 0; i < M; i++) {
      for (let p = 0; p < panels; p += 4) {
        const colByte = <usize>p << 5;
        row1x32(ap + (<usize>i << 2), bp + <usize>p * panelBytes, panelBytes, min(4, panels - p), out + <usize>i * ldc + colByte, colByte, N - (p << 3), isRaw);
      }
    }
    return;
  }
  const rowsPerPass = max(4, <i32>(<usize>16384 / blockBytes) << 2);
  for (let m0 = 0; m0 < M; m0 += rowsPerPass) {
    const mEnd = min(M, m0 + rowsPerPass);
    for (let p = 0; p < panels; p++) {
      const panel = bp + <usize>p * panelBytes;
      const colByte = <usize>p << 5;
      for (let i = m0; i < mEnd; i += 4) {
        tile4x8(ap + <usize>(i >> 2) * blockBytes, panel, panelBytes, out + <usize>i * ldc + colByte, ldc, min(4, M - i), colByte, N - (p << 3), isRaw);
      }
    }
  }
}
