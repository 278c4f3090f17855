/**
 * The WASM backend of the GEMM kernels, as standalone calls: inputs copied into the engine's gemm module,
 * weights packed as the model runtime packs them, the same kernel routines (engine/onnx/backends/wasm/),
 * result copied out. The arena is per call (calls are synchronous, so they never interleave).
 */
import type { KernelImpl, RunContext } from '../contract.js';
import { WasmArena } from '../../onnx/backends/wasm/arena.js';
import type { GemmExports } from '../../onnx/backends/wasm/gemm-exports.js';
import { dqlParams, minMaxOf, runLinear } from '../../onnx/backends/wasm/linear-run.js';
import { columns, weightF32, weightQ, weightQ4I8 } from '../../onnx/backends/wasm/linear-weights.js';
import { WasmDevice } from '../../onnx/backends/wasm/wasm-device.js';
import type { Tensor } from '../../onnx/tensor.js';
import { packI16, pairsOf } from './pack-i16.js';
import { packQUnsupported } from './pack-q.js';
import { packQ4I8Unsupported } from './pack-q4i8.js';
import type { BlockQuantArgs } from './block-quant.contract.js';
import type { DqlArgs, DqlOut } from './dql.contract.js';
import type { GemmF32Args, GemmInt8Args } from './gemm.contract.js';

async function device(ctx: RunContext) {
  const h = await ctx.wasm!.module<GemmExports>('gemm');
  const arena = new WasmArena(h.loaded);
  const dev = new WasmDevice(arena);
  const misc = { minMax: arena.persistent(64), part: arena.persistent(128) };
  return { dev, arena, misc };
}

const f32 = (dims: number[], data: Float32Array): Tensor => ({ type: 'float32', dims, data });
const noEpilogue = { bias: 0, colScale: 0, relu: false, track: false };

export const gemmF32Wasm: KernelImpl<GemmF32Args, Float32Array> = {
  backend: 'wasm',
  async run(args, ctx) {
    const { dev, arena, misc } = await device(ctx);
    const w = weightF32(arena, args.b, args.K, args.N);
    const bias = columns(arena, args.bias, args.N);
    const y = runLinear(dev, w, dev.upload(f32([args.M, args.K], args.a)), { ...noEpilogue, bias, relu: !!args.relu }, misc);
    return dev.download(y).data as Float32Array;
  },
};

export const gemmInt8Wasm: KernelImpl<GemmInt8Args, Int32Array> = {
  backend: 'wasm',
  supports: ({ K }) => K <= 33024,
  async run({ M, K, N, a, b, aZp, bZp }, ctx) {
    const { dev, arena } = await device(ctx);
    const e = arena.e;
    const bp = arena.persistBytes(packI16(b, K, N, (c) => (typeof bZp === 'number' ? bZp : bZp[c])));
    const src = dev.upload({ type: a instanceof Int8Array ? 'int8' : 'uint8', dims: [M, K], data: a });
    const zpRows = typeof aZp === 'number' ? 0 : dev.upload({ type: 'int32', dims: [M], data: aZp }).ptr;
    const Kp = pairsOf(K);
    const ap = dev.scratch(e.packedBytes(M, Kp));
    e.widenRowsI16(src.ptr, M, K, a instanceof Int8Array ? 1 : 0, zpRows, typeof aZp === 'number' ? aZp : 0, ap);
    const out = dev.alloc('int32', [M, N]);
    e.gemmI16(ap, M, Kp, bp, N, out.ptr, N * 4, 1);
    return dev.download(out).data as Int32Array;
  },
};

export const gemmBlockQuantWasm: KernelImpl<BlockQuantArgs, Float32Array> = {
  backend: 'wasm',
  supports: ({ w }) => !packQUnsupported(w),
  async run({ M, a, w, bias }, ctx) {
    const { dev, arena, misc } = await device(ctx);
    const packed = weightQ(arena, w);
    const b = columns(arena, bias, w.N);
    const y = runLinear(dev, packed, dev.upload(f32([M, w.K], a)), { ...noEpilogue, bias: b }, misc);
    return dev.download(y).data as Float32Array;
  },
};

export const gemmQ4Int8Wasm: KernelImpl<BlockQuantArgs, Float32Array> = {
  backend: 'wasm',
  supports: ({ w }) => !packQ4I8Unsupported(w),
  async run({ M, a, w, bias }, ctx) {
    const { dev, arena, misc } = await device(ctx);
    const packed = weightQ4I8(arena, w);
    const b = columns(arena, bias, w.N);
    const y = runLinear(dev, packed, dev.upload(f32([M, w.K], a)), { ...noEpilogue, bias: b }, misc);
    return dev.download(y).data as Float32Array;
  },
};

export const dqlWasm: KernelImpl<DqlArgs, DqlOut> = {
  backend: 'wasm',
  async run({ x }, ctx) {
    const { dev, misc } = await device(ctx);
    const src = dev.upload(f32([x.length], x));
    const [lo, hi] = minMaxOf(dev, src, misc);
    const { scale, zp } = dqlParams(lo, hi);
    const y = dev.alloc('uint8', [x.length]);
    dev.arena.e.quantize8(src.ptr, x.length, scale, zp, 0, 255, 0, y.ptr);
    return { y: dev.download(y).data as Uint8Array, scale, zp };
  },
};
