/**
 * The WebGPU backend of the GEMM kernels, as standalone calls over the routines the model runtime uses
 * (engine/onnx/backends/webgpu/): upload, one or two dispatches, read back. Buffers come from the engine's
 * pool and go back to it; weights live for the call only.
 */
import type { KernelImpl, RunContext } from '../contract.js';
import { liveContext } from '../../backends/webgpu/errors.js';
import { WebgpuDevice } from '../../onnx/backends/webgpu/gpu-device.js';
import { prepareBlockWeight, runBlockQuantGpu } from '../../onnx/backends/webgpu/gpu-block-quant.js';
import { f32Gemm } from '../../onnx/backends/webgpu/gpu-matmul.js';
import { int8Mode, packInt8Weight, runMatMulIntegerGpu } from '../../onnx/backends/webgpu/gpu-matmul-integer.js';
import { dqlPipeline, hasPackedDot } from '../../onnx/backends/webgpu/gpu-pipelines.js';
import type { Tensor } from '../../onnx/tensor.js';
import type { BlockQuantArgs } from './block-quant.contract.js';
import type { DqlArgs, DqlOut } from './dql.contract.js';
import type { GemmF32Args, GemmInt8Args } from './gemm.contract.js';

async function withDevice<T>(ctx: RunContext, fn: (dev: WebgpuDevice) => Promise<T>): Promise<T> {
  const dev = new WebgpuDevice(liveContext(ctx.gpu));
  try {
    return await fn(dev);
  } finally {
    dev.dispose();
  }
}

export const gemmF32Webgpu: KernelImpl<GemmF32Args, Float32Array> = {
  backend: 'webgpu',
  run: (args, ctx) =>
    withDevice(ctx, async (dev) => {
      const { M, K, N } = args;
      const a = dev.upload({ type: 'float32', dims: [M, K], data: args.a });
      const b = dev.upload({ type: 'float32', dims: [K, N], data: args.b });
      const out = dev.alloc('float32', [M, N]);
      const bias = args.bias ? dev.persistData(args.bias).buffer : undefined;
      if (M * N > 0) f32Gemm(dev, a, b, bias, M, N, K, [0, 0, 0], args.relu ? 4 : 0, 1, out);
      const y = (await dev.download(out)).data as Float32Array;
      [a, b, out].forEach((t) => dev.free(t));
      return y;
    }),
};

export const gemmInt8Webgpu: KernelImpl<GemmInt8Args, Int32Array> = {
  backend: 'webgpu',
  run: (args, ctx) =>
    withDevice(ctx, async (dev) => {
      const { M, K, N } = args;
      const aType = args.a instanceof Int8Array ? 'int8' : 'uint8';
      const bType = args.b instanceof Int8Array ? 'int8' : 'uint8';
      const mode = int8Mode(aType === 'int8', bType === 'int8');
      const bzData = typeof args.bZp === 'number' ? Int32Array.of(args.bZp) : args.bZp;
      const bz: Tensor = { type: 'int32', dims: [bzData.length], data: bzData };
      const w = packInt8Weight(dev, { type: bType, dims: [K, N], data: args.b }, bz, mode.flipB, true);
      const a = dev.upload({ type: aType, dims: [M, K], data: args.a });
      const azData = typeof args.aZp === 'number' ? [args.aZp] : Array.from(args.aZp);
      const az = dev.upload({ type: aType, dims: [azData.length], data: aType === 'int8' ? Int8Array.from(azData) : Uint8Array.from(azData) });
      const out = runMatMulIntegerGpu(dev, await hasPackedDot(), mode, a, w, az);
      if (!out) throw new Error('gemmInt8: shape not supported on WebGPU');
      const y = (await dev.download(out)).data as Int32Array;
      [a, az, out].forEach((t) => dev.free(t));
      return y;
    }),
};

export const gemmBlockQuantWebgpu: KernelImpl<BlockQuantArgs, Float32Array> = {
  backend: 'webgpu',
  supports: ({ w }) => w.bits === 4 || w.bits === 8,
  run: (args, ctx) =>
    withDevice(ctx, async (dev) => {
      const g = prepareBlockWeight(dev, args.w, args.bias);
      const a = dev.upload({ type: 'float32', dims: [args.M, args.w.K], data: args.a });
      const out = runBlockQuantGpu(dev, a, g);
      const y = (await dev.download(out)).data as Float32Array;
      [a, out].forEach((t) => dev.free(t));
      return y;
    }),
};

export const dqlWebgpu: KernelImpl<DqlArgs, DqlOut> = {
  backend: 'webgpu',
  run: (args, ctx) =>
    withDevice(ctx, async (dev) => {
      const n = args.x.length;
      const x = dev.upload({ type: 'float32', dims: [n], data: args.x });
      const y = dev.alloc('uint8', [n]);
      const scale = dev.alloc('float32', []);
      const zp = dev.alloc('uint8', []);
      const u = dev.uniform(new Uint32Array([n, 0, 0, 0]).buffer);
      dev.dispatch(dqlPipeline(dev.gpu, 'minmax'), [u, x.buffer, scale.buffer, zp.buffer], [1, 1, 1]);
      dev.dispatch(dqlPipeline(dev.gpu, 'quantize'), [u, x.buffer, scale.buffer, zp.buffer, y.buffer], dev.grid(Math.ceil(n / 1024)), [u]);
      const out = {
        y: (await dev.download(y)).data as Uint8Array,
        scale: ((await dev.download(scale)).data as Float32Array)[0],
        zp: ((await dev.download(zp)).data as Uint8Array)[0],
      };
      [x, y, scale, zp].forEach((t) => dev.free(t));
      return out;
    }),
};
