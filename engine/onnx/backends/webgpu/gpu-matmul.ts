/** GPU steps for f32 MatMul and Gemm: 32×32 tiles through workgroup memory (shaders/gemm/gemm-f32.wgsl). */
import { attrFlag, attrFloat } from '../../attributes.js';
import type { GraphNode } from '../../graph.js';
import { matmulShape } from '../../ops/matmul-shape.js';
import { numel } from '../../tensor.js';
import { isRowVector } from '../graph-index.js';
import type { CompiledStep } from '../types.js';
import type { GpuTensor, WebgpuDevice } from './gpu-device.js';
import { gemmF32Pipeline } from './gpu-pipelines.js';
import { base, BIAS, onHost, params, TRANS_B, type GpuContextLike } from './gpu-step.js';

export function f32Gemm(dev: WebgpuDevice, a: GpuTensor, b: GpuTensor, bias: GPUBuffer | undefined, M: number, N: number, K: number, offs: number[], flags: number, alpha: number, out: GpuTensor): void {
  const batches = offs.length / 3;
  const lim = dev.gpu.caps.limits.maxComputeWorkgroupsPerDimension;
  const groups: [number, number, number] = [Math.ceil(N / 32), Math.ceil(M / 32), batches];
  if (groups.some((g) => g > lim)) throw new Error(`GEMM grid ${groups.join('×')} exceeds ${lim} workgroups per dimension`);
  const u = dev.uniform(params([M, N, K, flags | (bias ? BIAS : 0)], [4, alpha]));
  const o = dev.small(new Uint32Array(offs));
  dev.dispatch(gemmF32Pipeline(dev.gpu), [u, a.buffer, b.buffer, bias ?? dev.empty, o, out.buffer], groups, [u, o]);
}

export function compileGpuMatMul(ctx: GpuContextLike, node: GraphNode): CompiledStep<GpuTensor> | string | undefined {
  const { dev, ix } = ctx;
  if (node.op.domain !== '' || (node.op.opType !== 'MatMul' && node.op.opType !== 'Gemm')) return undefined;
  if (ix.type(node.inputs[0]) !== 'float32') return `${node.op.opType} of ${ix.type(node.inputs[0])} (the WebGPU kernel takes float32)`;
  if (node.op.opType === 'MatMul') {
    return {
      ...base(ctx, node),
      run(io) {
        const a = io.device(0);
        const b = io.device(1);
        const s = matmulShape(a.dims, b.dims);
        const out = dev.alloc('float32', s.outDims);
        const offs: number[] = [];
        s.aBatch.forEach((ab, i) => offs.push(ab * s.M * s.K, s.bBatch[i] * s.K * s.N, i * s.M * s.N));
        if (numel(s.outDims) > 0) f32Gemm(dev, a, b, undefined, s.M, s.N, s.K, offs, 0, 1, out);
        return [out];
      },
    };
  }
  if (attrFlag(node.attrs, 'transA', 0)) return 'Gemm with transA = 1';
  const transB = attrFlag(node.attrs, 'transB', 0);
  const alpha = attrFloat(node.attrs, 'alpha', 1);
  const beta = attrFloat(node.attrs, 'beta', 1);
  const c = node.inputs[2] ? ix.constant(node.inputs[2]) : undefined;
  const b = ix.constant(node.inputs[1]);
  const N = b ? (transB ? b.dims[0] : b.dims[1]) : undefined;
  // A constant row-vector C becomes the bias (beta folded in at load); any other C runs the node on JS.
  let bias: GPUBuffer | undefined;
  if (node.inputs[2] && beta !== 0) {
    if (!c || N === undefined || c.type !== 'float32' || !isRowVector(c, N)) return 'Gemm with a C that is not a constant row vector';
    const v = new Float32Array(N);
    const cv = c.data as Float32Array;
    for (let j = 0; j < N; j++) v[j] = Math.fround(beta * cv[cv.length === 1 ? 0 : j]);
    bias = dev.persistData(v).buffer;
  }
  return {
    ...base(ctx, node),
    async run(io) {
      const a = io.device(0);
      const bt = io.device(1);
      if (a.dims.length !== 2 || bt.dims.length !== 2) return onHost(node, io);
      const [M, K] = a.dims;
      const [Kb, Nb] = transB ? [bt.dims[1], bt.dims[0]] : [bt.dims[0], bt.dims[1]];
      if (K !== Kb) return onHost(node, io);
      const out = dev.alloc('float32', [M, Nb]);
      if (M * Nb > 0) f32Gemm(dev, a, bt, bias, M, Nb, K, [0, 0, 0], transB ? TRANS_B : 0, alpha, out);
      return [out];
    },
  };
}

