/** GPU steps for MatMulNBits / QuantizedMatMul: 4- or 8-bit weights dequantized in registers (gemm-q4.wgsl). */
import { attrFloat } from '../../attributes.js';
import type { GraphNode } from '../../graph.js';
import { kBlocksOf, type BlockQuantWeight } from '../../ops/block-quant.js';
import { numel } from '../../tensor.js';
import { codeReader } from '../../../kernels/gemm/pack-q.js';
import { isRowVector } from '../graph-index.js';
import { nbitsWeight } from '../wasm/nbits-weight.js';
import type { CompiledStep } from '../types.js';
import type { GpuTensor, WebgpuDevice } from './gpu-device.js';
import { gemmQPipeline } from './gpu-pipelines.js';
import { base, BIAS, params, type GpuContextLike } from './gpu-step.js';

/** A block-quantized weight on the GPU: codes as stored, scales and per-block zero points as f32, bias. */
export interface GpuBlockWeight {
  w: BlockQuantWeight;
  codes: GPUBuffer;
  scales: GPUBuffer;
  zps: GPUBuffer;
  bias?: GPUBuffer;
}

export function prepareBlockWeight(dev: WebgpuDevice, w: BlockQuantWeight, bias?: Float32Array): GpuBlockWeight {
  const kb = kBlocksOf(w);
  const r = codeReader(w);
  const zpf = Float32Array.from({ length: w.N * kb }, (_, i) => r.zp(Math.floor(i / kb), i % kb));
  return {
    w,
    codes: dev.persistData(w.codes as Uint8Array).buffer,
    scales: dev.persistData(Float32Array.from(w.scales)).buffer,
    zps: dev.persistData(zpf).buffer,
    bias: bias && dev.persistData(bias).buffer,
  };
}

/** Y [..., N] = A [..., K] · dequant(W)ᵀ (+ bias). */
export function runBlockQuantGpu(dev: WebgpuDevice, a: GpuTensor, g: GpuBlockWeight): GpuTensor {
  const { w } = g;
  if (a.dims.length === 0 || a.dims[a.dims.length - 1] !== w.K) throw new Error(`A [${a.dims.join(', ')}] must end in K=${w.K}`);
  const M = w.K === 0 ? 0 : numel(a.dims) / w.K;
  const out = dev.alloc('float32', [...a.dims.slice(0, -1), w.N]);
  const groups: [number, number, number] = [Math.ceil(w.N / 64), Math.ceil(M / 4), 1];
  if (groups[1] > dev.gpu.caps.limits.maxComputeWorkgroupsPerDimension) throw new Error(`${M} rows exceed one dispatch`);
  if (M * w.N === 0) return out;
  const u = dev.uniform(params([M, w.N, w.K, kBlocksOf(w), w.blockSize, (w.blockSize * w.bits) / 8, g.bias ? BIAS : 0]));
  dev.dispatch(gemmQPipeline(dev.gpu, w.bits), [u, a.buffer, g.codes, g.scales, g.zps, g.bias ?? dev.empty, out.buffer], groups, [u]);
  return out;
}

/** MatMulNBits / QuantizedMatMul with constant 4- or 8-bit weights, dequantized in registers. */
export function compileGpuBlockQuant(ctx: GpuContextLike, node: GraphNode): CompiledStep<GpuTensor> | string | undefined {
  const { dev, ix } = ctx;
  const nbits = node.op.opType === 'MatMulNBits' && node.op.domain === 'com.microsoft';
  const ours = node.op.opType === 'QuantizedMatMul' && node.op.domain === 'ai.gpulse';
  if (!nbits && !ours) return undefined;
  if (ix.type(node.inputs[0]) !== 'float32') return `${node.op.opType} with ${ix.type(node.inputs[0])} A (the WebGPU kernel takes float32)`;
  const w = nbitsWeight(ix, node, nbits);
  if (!w || (w.bits !== 4 && w.bits !== 8)) return 'weights that are not constant 4- or 8-bit';
  let bias: Float32Array | undefined;
  const biasName = nbits ? node.inputs[5] : node.inputs[3];
  const beta = ours ? attrFloat(node.attrs, 'beta', 1) : 1;
  if (biasName && beta !== 0) {
    const b = ix.constant(biasName);
    if (!b || b.type !== 'float32' || !isRowVector(b, w.N)) return 'a bias that is not a constant row vector';
    const bv = b.data as Float32Array;
    bias = Float32Array.from({ length: w.N }, (_, j) => Math.fround(beta * bv[bv.length === 1 ? 0 : j]));
  }
  const g = prepareBlockWeight(dev, w, bias);
  return { ...base(ctx, node), run: (io) => [runBlockQuantGpu(dev, io.device(0), g)] };
}
