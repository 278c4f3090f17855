/**
 * Kernels `gemmF32` and `gemmInt8`: the two dense GEMMs under the model runtime's MatMul/Gemm and
 * MatMulInteger (the WASM and WebGPU backends run exactly these routines inside models).
 *   gemmF32:  Y = A·B (+ bias[col]) (then relu), f32 in and out. The reference accumulates in float64;
 *             a backend accumulating in f32 must stay inside the classic bound |Δ| ≤ 2K·u·Σ_k|a·b| (u = 2^-24).
 *   gemmInt8: Y = (A − a_zp)(B − b_zp), 8-bit in, int32 out, exact. a_zp per tensor or per row, b_zp per
 *             tensor or per column.
 */
import type { KernelDef } from '../contract.js';
import { gemmF64, gemmInt } from '../../onnx/ops/gemm-core.js';

export interface GemmF32Args {
  M: number;
  K: number;
  N: number;
  /** M×K row-major. */
  a: Float32Array;
  /** K×N row-major. */
  b: Float32Array;
  /** N values (optional). */
  bias?: Float32Array;
  relu?: boolean;
}

export interface GemmInt8Args {
  M: number;
  K: number;
  N: number;
  a: Uint8Array | Int8Array;
  b: Uint8Array | Int8Array;
  /** Per tensor, or one per row of A. */
  aZp: number | Int32Array;
  /** Per tensor, or one per column of B. */
  bZp: number | Int32Array;
}

const U = 2 ** -24;

export function gemmF32Reference({ M, K, N, a, b, bias, relu }: GemmF32Args): Float32Array {
  const acc = new Float64Array(M * N);
  gemmF64(M, N, K, a, 0, false, b, 0, false, 1, acc, 0);
  const out = new Float32Array(M * N);
  for (let i = 0; i < acc.length; i++) {
    const v = acc[i] + (bias ? bias[i % N] : 0);
    out[i] = relu && v < 0 ? 0 : v;
  }
  return out;
}

/** Σ_k |a_ik·b_kj| (+ |bias|) per output: the scale of the rounding error an f32 GEMM may make. */
export function magnitudes(M: number, K: number, N: number, a: ArrayLike<number>, b: ArrayLike<number>, bias?: ArrayLike<number>): Float64Array {
  const mag = new Float64Array(M * N);
  gemmF64(M, N, K, Float64Array.from(a, Math.abs), 0, false, Float64Array.from(b, Math.abs), 0, false, 1, mag, 0);
  if (bias) for (let i = 0; i < mag.length; i++) mag[i] += Math.abs(bias[i % N]);
  return mag;
}

/** null when every |actual − expected| ≤ 2(K + 2)·u·mag + tiny. */
export function withinGemmBound(actual: ArrayLike<number>, expected: ArrayLike<number>, mag: ArrayLike<number>, K: number): string | null {
  if (actual.length !== expected.length) return `length ${actual.length} ≠ ${expected.length}`;
  const gamma = 2 * (K + 2) * U;
  for (let i = 0; i < expected.length; i++) {
    const d = Math.abs(actual[i] - expected[i]);
    if (!(d <= gamma * mag[i] + 1e-30)) return `y[${i}]: ${actual[i]} vs ${expected[i]} (|Δ| ${d.toExponential(2)} > ${(gamma * mag[i]).toExponential(2)})`;
  }
  return null;
}

const BOUND = { kind: 'custom', why: 'f32 accumulation: |Δ| ≤ 2(K+2)·2^-24·Σ|a·b|' } as const;

export const gemmF32Kernel: KernelDef<GemmF32Args, Float32Array> = {
  name: 'gemmF32',
  summary: 'Dense f32 GEMM with optional bias and ReLU epilogue (MatMul / Gemm).',
  inputs: { a: 'Float32Array M×K', b: 'Float32Array K×N' },
  attributes: { bias: 'Float32Array N (optional)', relu: 'boolean' },
  outputs: { y: 'Float32Array M×N' },
  reference: gemmF32Reference,
  tolerance: { js: { kind: 'exact' }, wasm: BOUND, webgpu: BOUND },
  compare: (actual, expected, args) => withinGemmBound(actual, expected, magnitudes(args.M, args.K, args.N, args.a, args.b, args.bias), args.K),
};

const zpAt = (zp: number | Int32Array, i: number): number => (typeof zp === 'number' ? zp : zp[i]);

export function gemmInt8Reference({ M, K, N, a, b, aZp, bZp }: GemmInt8Args): Int32Array {
  const acc = new Float64Array(M * N);
  gemmInt(M, N, K, a, 0, (r) => zpAt(aZp, r), b, 0, (c) => zpAt(bZp, c), acc, 0);
  return Int32Array.from(acc);
}

export const gemmInt8Kernel: KernelDef<GemmInt8Args, Int32Array> = {
  name: 'gemmInt8',
  summary: 'Integer GEMM of 8-bit operands with zero points, int32 result (MatMulInteger).',
  inputs: { a: 'Uint8Array | Int8Array M×K', b: 'Uint8Array | Int8Array K×N' },
  attributes: { aZp: 'number or Int32Array per row', bZp: 'number or Int32Array per column' },
  outputs: { y: 'Int32Array M×N' },
  reference: gemmInt8Reference,
  tolerance: { js: { kind: 'exact' }, wasm: { kind: 'exact' }, webgpu: { kind: 'exact' } },
  compare(actual, expected) {
    if (actual.length !== expected.length) return `length ${actual.length} ≠ ${expected.length}`;
    for (let i = 0; i < expected.length; i++) if (actual[i] !== expected[i]) return `y[${i}]: ${actual[i]} ≠ ${expected[i]}`;
    return null;
  },
};
