/**
 * The int8 GEMM microbenchmark, 4096 × 256 × 256: the WASM kernel the model runtime calls (gemmI16 on
 * packed operands, raw i32 out), timed alone; also the int4 × int8 kernel and the f32 GEMM for context.
 * Run as a script with --child to print the numbers as JSON: the suite does that under
 * --experimental-wasm-relaxed-simd to time the relaxed-SIMD build, which Node 20 does not enable by default.
 */
import { instantiateWasm } from '../../../engine/backends/wasm/loader.js';
import type { GemmExports } from '../../../engine/onnx/backends/wasm/gemm-exports.js';
import { packF32 } from '../../../engine/kernels/gemm/pack-f32.js';
import { packI16 } from '../../../engine/kernels/gemm/pack-i16.js';
import { packQ4I8 } from '../../../engine/kernels/gemm/pack-q4i8.js';
import { quantizeSymmetric } from '../../../engine/onnx/weight-quant.js';
import { rng } from '../../../test/support/seeded.js';
import { measure, type Timing } from '../../harness/timer.js';

export const SHAPE = { M: 4096, K: 256, N: 256 };

export interface GopsResult {
  variant: string;
  kernel: string;
  ops: number;
  timing: Timing;
}

export async function measureGops(): Promise<GopsResult[]> {
  const { M, K, N } = SHAPE;
  const { exports: e, memory, variant } = await instantiateWasm<GemmExports>('gemm', true);
  let top = (Number(e.__heap_base!.value) + 63) & ~63;
  const alloc = (bytes: number) => {
    const p = top;
    top = (top + bytes + 63) & ~63;
    if (top > memory.buffer.byteLength) memory.grow(Math.ceil((top - memory.buffer.byteLength) / 65536));
    return p;
  };
  const put = (data: ArrayBufferView) => {
    const p = alloc(data.byteLength);
    new Uint8Array(memory.buffer, p, data.byteLength).set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    return p;
  };
  const r = rng(2024);
  const a = put(Float32Array.from({ length: M * K }, () => 2 * r() - 1));
  const wf = Float32Array.from({ length: K * N }, () => 2 * r() - 1);
  const b16 = put(packI16(Int8Array.from(wf, (v) => Math.round(127 * v)), K, N, () => 0));
  const bf = put(packF32(wf, K, N));
  const bq = put(packQ4I8(quantizeSymmetric(wf, N, K, 4, 32)));
  const ap = alloc(e.packedBytes(M, K));
  const ap16 = alloc(e.packedBytes(M, K / 2));
  const meta = alloc(M * (K / 32) * 4);
  const sums = alloc(M * (K / 32) * 4);
  const part = alloc(128);
  const out = alloc(M * N * 4);
  e.quantizeRowsI16(a, K * 4, M, K, 1 / 127, 0, ap16, 0);
  e.packRowsF32(a, K * 4, M, K, ap);
  e.gemmEpilogue(0, 1, 0, 0);
  const timer = { warmup: 2, minRuns: 15, minMs: 400, maxRuns: 60 };
  const ops = 2 * M * K * N;
  const results: GopsResult[] = [];
  const time = async (kernel: string, fn: () => void) => results.push({ variant, kernel, ops, timing: (await measure(fn, timer)).timing });
  await time('int8 GEMM (gemmI16: i16-widened operands, i32x4.dot_i16x8_s, 4×8 tile)', () => e.gemmI16(ap16, M, K / 2, b16, N, out, N * 4, 1));
  await time('int4 × int8 GEMM (gemmQ4I8 incl. per-block activation quantization)', () => {
    e.quantizeBlocksI8(a, K * 4, M, K, 32, ap16, meta, sums);
    e.gemmQ4I8(ap16, M, K / 32, 32, meta, sums, bq, N, out, N * 4, part);
  });
  await time(`f32 GEMM (gemmF32, ${variant === 'relaxed' ? 'relaxed_madd' : 'mul + add'})`, () => e.gemmF32(ap, M, K, bf, N, out, N * 4));
  return results;
}

if (process.argv.includes('--child')) {
  process.stdout.write(`${JSON.stringify(await measureGops())}\n`);
  process.exit(0);
}
