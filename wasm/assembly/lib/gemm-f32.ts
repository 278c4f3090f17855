// f32 GEMM: C[M×N] = A[M×K] · B[K×N], then the epilogue (gemm-epilogue.ts).
// A is packed in blocks of 4 rows (gemm-pack-a.ts); B at load into panels of 8 columns, each K rows of
// 8 f32 (32 bytes per k), N padded with zero columns. Register tile: 4 rows × 8 columns (8 accumulators,
// 2 B vectors, 1 A splat) — what fits V8's 16 x64 vector registers; measured here the 4×8 tile with
// interleaved A beat 6×8, 4×12 and unrolled variants. Fewer than 3 rows use a 1×32 kernel instead.
// The relaxed build fuses multiply-add (relaxed_madd); both accumulate in f32.
import { finishRow8 } from './gemm-epilogue';

@inline function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

@inline function tile4x8(a: usize, bp: usize, panelBytes: usize, out: usize, ldc: usize, rows: i32, colByte: usize, cols: i32): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0), c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0), c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  const end = bp + panelBytes;
  while (bp < end) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    let x = v128.load32_splat(a);
    c00 = madd(x, b0, c00);
    c01 = madd(x, b1, c01);
    x = v128.load32_splat(a, 4);
    c10 = madd(x, b0, c10);
    c11 = madd(x, b1, c11);
    x = v128.load32_splat(a, 8);
    c20 = madd(x, b0, c20);
    c21 = madd(x, b1, c21);
    x = v128.load32_splat(a, 12);
    c30 = madd(x, b0, c30);
    c31 = madd(x, b1, c31);
    bp += 32;
    a += 16;
  }
  finishRow8(out, c00, c01, colByte, cols);
  if (rows > 1) finishRow8(out + ldc, c10, c11, colByte, cols);
  if (rows > 2) finishRow8(out + 2 * ldc, c20, c21, colByte, cols);
  if (rows > 3) finishRow8(out + 3 * ldc, c30, c31, colByte, cols);
}

/** One row (a: its lane in a packed block, stride 16 bytes per k) against up to four panels (32 columns). */
@inline function row1x32(a: usize, bp: usize, panelBytes: usize, panels: i32, out: usize, colByte: usize, cols: i32): void {
  let c0 = f32x4.splat(0), c1 = f32x4.splat(0), c2 = f32x4.splat(0), c3 = f32x4.splat(0);
  let c4 = f32x4.splat(0), c5 = f32x4.splat(0), c6 = f32x4.splat(0), c7 = f32x4.splat(0);
  // Missing panels re-read panel 0; their sums are never stored.
  const p1 = bp + (panels > 1 ? panelBytes : 0);
  const p2 = bp + (panels > 2 ? 2 * panelBytes : 0);
  const p3 = bp + (panels > 3 ? 3 * panelBytes : 0);
  for (let o: usize = 0; o < panelBytes; o += 32) {
    const x = v128.load32_splat(a);
    c0 = madd(x, v128.load(bp + o), c0);
    c1 = madd(x, v128.load(bp + o, 16), c1);
    c2 = madd(x, v128.load(p1 + o), c2);
    c3 = madd(x, v128.load(p1 + o, 16), c3);
    c4 = madd(x, v128.load(p2 + o), c4);
    c5 = madd(x, v128.load(p2 + o, 16), c5);
    c6 = madd(x, v128.load(p3 + o), c6);
    c7 = madd(x, v128.load(p3 + o, 16), c7);
    a += 16;
  }
  finishRow8(out, c0, c1, colByte, cols);
  if (panels > 1) finishRow8(out + 32, c2, c3, colByte + 32, cols - 8);
  if (panels > 2) finishRow8(out + 64, c4, c5, colByte + 64, cols - 16);
  if (panels > 3) finishRow8(out + 96, c6, c7, colByte + 96, cols - 24);
}

/**
 * C = A · B. ap: A packed (packRowsF32); bp: B panels (K·32 bytes each); out: M rows of ldc bytes, N
 * columns written. Epilogue as set by gemmEpilogue.
 */
export function gemmF32(ap: usize, M: i32, K: i32, bp: usize, N: i32, out: usize, ldc: usize): void {
  const panels = (N + 7) >> 3;
  const panelBytes = <usize>K << 5;
  const blockBytes = <usize>K << 4;
  if (M < 3) {
    for (let i = 0; i < M; i++) {
      for (let p = 0; p < panels; p += 4) {
        const colByte = <usize>p << 5;
        row1x32(ap + (<usize>i << 2), bp + <usize>p * panelBytes, panelBytes, min(4, panels - p), out + <usize>i * ldc + colByte, colByte, N - (p << 3));
      }
    }
    return;
  }
  // Rows per pass over all panels: about 16 KiB of packed A stays in L1 while each panel streams by.
  const rowsPerPass = max(4, <i32>(<usize>16384 / blockBytes) << 2);
  for (let m0 = 0; m0 < M; m0 += rowsPerPass) {
    const mEnd = min(M, m0 + rowsPerPass);
    for (let p = 0; p < panels; p++) {
      const panel = bp + <usize>p * panelBytes;
      const colByte = <usize>p << 5;
      for (let i = m0; i < mEnd; i += 4) {
        tile4x8(ap + <usize>(i >> 2) * blockBytes, panel, panelBytes, out + <usize>i * ldc + colByte, ldc, min(4, M - i), colByte, N - (p << 3));
      }
    }
  }
}
