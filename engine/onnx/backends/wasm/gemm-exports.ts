/** The exports of wasm/assembly/gemm.ts, typed. Pointers are byte offsets into the module's memory. */
import type { ScratchExports } from '../../../backends/wasm/runtime.js';

export interface GemmExports extends ScratchExports {
  gemmRelaxed(): number;
  gemmEpilogue(colScale: number, rowScale: number, bias: number, flags: number): void;
  gemmMinMax(out: number): void;
  packedBytes(M: number, steps: number): number;
  packRowsF32(src: number, lda: number, M: number, K: number, dst: number): void;
  gemmF32(ap: number, M: number, K: number, bp: number, N: number, out: number, ldc: number): void;
  gemmI16(ap: number, M: number, Kp: number, bp: number, N: number, out: number, ldc: number, raw: number): void;
  gemmQ(ap: number, M: number, K: number, w: number, N: number, blockSize: number, bits: number, out: number, ldc: number): void;
  gemmQ4I8(ap: number, M: number, kBlocks: number, blockSize: number, sa: number, sums: number, w: number, N: number, out: number, ldc: number, part: number): void;
  quantizeBlocksI8(x: number, ldx: number, M: number, K: number, blockSize: number, ap: number, sa: number, sums: number): void;
  minMaxF32(x: number, n: number): void;
  quantize8(x: number, n: number, scale: number, zp: number, lo: number, hi: number, nanToZp: number, out: number): void;
  dequantize8(x: number, n: number, signed: number, zp: number, scale: number, out: number): void;
  requantize8(acc: number, M: number, N: number, mult: number, zp: number, lo: number, hi: number, out: number): void;
  quantizeRowsI16(x: number, ldx: number, M: number, K: number, scale: number, zp: number, out: number, u8: number): void;
  widenRowsI16(src: number, M: number, K: number, signed: number, zpRows: number, zpScalar: number, out: number): void;
  binaryF32(op: number, x: number, n: number, y: number, period: number, out: number): void;
  reluF32(x: number, n: number, out: number): void;
  sigmoidF32(x: number, n: number, out: number): void;
  castI32F32(x: number, n: number, out: number): void;
}

/** Epilogue flags (gemm-epilogue.ts). */
export const RELU = 1;
export const TRACK_MIN_MAX = 2;
