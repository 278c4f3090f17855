/**
 * Kernels over block-quantized weights (MatMulNBits layout, 4 or 8 bits):
 *   gemmBlockQuant: Y = A · dequant(W)ᵀ (+ bias) with f32 activations — the reference dequantizes exactly
 *                   in float64; f32 backends stay inside the GEMM rounding bound over |a|·|w|.
 *   gemmQ4Int8:     MatMulNBits accuracy_level 4 — A quantized per row and block to symmetric int8
 *                   (scale = max|a|/127, codes round half to even of a/scale in f32), exact integer block
 *                   sums, then Σ_blocks (acc − zp·Σaq)·(sA·sW); backends sum the blocks in f32.
 */
import type { KernelDef } from '../contract.js';
import { blockQuantMatmul, dequantizeChannel, kBlocksOf, type BlockQuantWeight } from '../../onnx/ops/block-quant.js';
import { roundHalfEven } from '../../onnx/ops/elementwise.js';
import { codeReader } from './pack-q.js';
import { withinGemmBound } from './gemm.contract.js';

export interface BlockQuantArgs {
  M: number;
  /** M×K row-major. */
  a: Float32Array;
  w: BlockQuantWeight;
  bias?: Float32Array;
}

export function blockQuantReference({ M, a, w, bias }: BlockQuantArgs): Float32Array {
  const acc = new Float64Array(M * w.N);
  blockQuantMatmul(a, M, w, acc);
  return Float32Array.from(acc, (v, i) => v + (bias ? bias[i % w.N] : 0));
}

/** Σ_k |a|·|w| per output (+|bias|). */
function blockMagnitudes({ M, a, w, bias }: BlockQuantArgs): Float64Array {
  const mag = new Float64Array(M * w.N);
  const row = new Float64Array(w.K);
  for (let n = 0; n < w.N; n++) {
    dequantizeChannel(w, n, row);
    for (let r = 0; r < M; r++) {
      let s = bias ? Math.abs(bias[n]) : 0;
      for (let k = 0; k < w.K; k++) s += Math.abs(a[r * w.K + k] * row[k]);
      mag[r * w.N + n] = s;
    }
  }
  return mag;
}

const BOUND = { kind: 'custom', why: 'f32 accumulation of dequantized weights: |Δ| ≤ 2(K+2)·2^-24·Σ|a·w|' } as const;

export const gemmBlockQuantKernel: KernelDef<BlockQuantArgs, Float32Array> = {
  name: 'gemmBlockQuant',
  summary: '4/8-bit block-quantized weights × f32 activations, dequantized in registers (MatMulNBits, quantize-on-load).',
  inputs: { a: 'Float32Array M×K', w: 'BlockQuantWeight (MatMulNBits layout)' },
  attributes: { bias: 'Float32Array N (optional)' },
  outputs: { y: 'Float32Array M×N' },
  reference: blockQuantReference,
  tolerance: { js: { kind: 'exact' }, wasm: BOUND, webgpu: BOUND },
  compare: (actual, expected, args) => withinGemmBound(actual, expected, blockMagnitudes(args), args.w.K),
};

const f = Math.fround;

/** Per row and block: symmetric int8 codes of A, their scale and their sum. */
export function quantizeBlocks(a: ArrayLike<number>, M: number, K: number, blockSize: number) {
  const kb = Math.ceil(K / blockSize);
  const q = new Int32Array(M * K);
  const scale = new Float32Array(M * kb);
  const sum = new Int32Array(M * kb);
  for (let r = 0; r < M; r++) {
    for (let b = 0; b < kb; b++) {
      const k0 = b * blockSize;
      const k1 = Math.min(K, k0 + blockSize);
      let m = 0;
      for (let k = k0; k < k1; k++) m = Math.max(m, Math.abs(a[r * K + k]));
      const s = f(m / 127);
      scale[r * kb + b] = s;
      for (let k = k0; k < k1; k++) {
        const v = s > 0 ? roundHalfEven(f(a[r * K + k] / s)) : 0;
        q[r * K + k] = v;
        sum[r * kb + b] += v;
      }
    }
  }
  return { q, scale, sum, kb };
}

export function q4Int8Reference({ M, a, w, bias }: BlockQuantArgs): Float32Array {
  const { K, N, blockSize } = w;
  const { q, scale, sum, kb } = quantizeBlocks(a, M, K, blockSize);
  const r = codeReader(w);
  const out = new Float32Array(M * N);
  for (let i = 0; i < M; i++) {
    for (let n = 0; n < N; n++) {
      let y = 0;
      for (let b = 0; b < kb; b++) {
        let acc = 0;
        for (let k = b * blockSize; k < Math.min(K, (b + 1) * blockSize); k++) acc += q[i * K + k] * r.code(n, k);
        acc -= r.zp(n, b) * sum[i * kb + b];
        y += acc * f(w.scales[n * kb + b] * scale[i * kb + b]);
      }
      out[i * N + n] = y + (bias ? bias[n] : 0);
    }
  }
  return out;
}

export const gemmQ4Int8Kernel: KernelDef<BlockQuantArgs, Float32Array> = {
  name: 'gemmQ4Int8',
  summary: '4-bit weights × int8-quantized activations (MatMulNBits accuracy_level 4), exact integer block sums.',
  inputs: { a: 'Float32Array M×K', w: 'BlockQuantWeight, 4-bit, block a multiple of 8, no float zero points' },
  attributes: { bias: 'Float32Array N (optional)' },
  outputs: { y: 'Float32Array M×N' },
  reference: q4Int8Reference,
  tolerance: { js: { kind: 'exact' }, wasm: { kind: 'custom', why: 'block partial sums added in f32: |Δ| ≤ 2(blocks+2)·2^-24·Σ|block sums|' }, webgpu: { kind: 'exact' } },
  compare(actual, expected, args) {
    // Σ |per-block contribution| bounds the f32 rounding of the block sum; |expected| + Σ|a|·max|w| over-covers it.
    const kb = kBlocksOf(args.w);
    const { K } = args.w;
    const mag = new Float64Array(expected.length);
    const wmax = Math.max(...Array.from(args.w.scales, (s) => Math.abs(s) * 16));
    for (let i = 0; i < args.M; i++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += Math.abs(args.a[i * K + k]);
      for (let n = 0; n < args.w.N; n++) mag[i * args.w.N + n] = s * wmax + (args.bias ? Math.abs(args.bias[n]) : 0);
    }
    return withinGemmBound(actual, expected, mag, kb + 2);
  },
};
