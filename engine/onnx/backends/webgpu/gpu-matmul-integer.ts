/**
 * GPU steps for MatMulInteger on packed 4 × 8-bit words (shaders/gemm/gemm-i8.wgsl): B packed once at load
 * when constant, A repacked into whole-word rows on the GPU, zero points applied as sum corrections.
 */
import type { GraphNode } from '../../graph.js';
import { numel, numericView, type Tensor } from '../../tensor.js';
import { packI8Columns } from '../../../kernels/gemm/pack-i8-columns.js';
import type { CompiledStep } from '../types.js';
import type { GpuTensor, WebgpuDevice } from './gpu-device.js';
import { gemmI8Pipeline, packRowsPipeline } from './gpu-pipelines.js';
import { base, onHost, params, type GpuContextLike } from './gpu-step.js';

/** Zero point of each column (scalar broadcast), shifted like the data on the u8 path. */
function columnZp(zp: Tensor | undefined, N: number, flip: boolean): Int32Array {
  const v = zp ? numericView(zp) : [0];
  return Int32Array.from({ length: N }, (_, j) => v[v.length === 1 ? 0 : j] + (flip ? 128 : 0));
}

/** B of a MatMulInteger packed for gemm-i8.wgsl, on the host and in GPU buffers. */
export interface GpuInt8Weight {
  K: number;
  N: number;
  KW: number;
  cols: GPUBuffer;
  colSum: GPUBuffer;
  bz: GPUBuffer;
}

/** How the two 8-bit operands meet: both i8 → dot4I8Packed; else both u8, a signed side shifted by 128. */
export function int8Mode(aSigned: boolean, bSigned: boolean) {
  const signed = aSigned && bSigned;
  return { aSigned, signed, flipA: aSigned && !signed, flipB: bSigned && !signed };
}

export function packInt8Weight(dev: WebgpuDevice, b: Tensor, bz: Tensor | undefined, flipB: boolean, persist: boolean): GpuInt8Weight {
  const [K, N] = b.dims;
  const packed = packI8Columns(b.data as ArrayLike<number>, K, N, flipB);
  const put = (d: ArrayBufferView) => (persist ? dev.persistData(d).buffer : dev.small(d));
  return { K, N, KW: packed.KW, cols: put(packed.words), colSum: put(packed.colSum), bz: put(columnZp(bz, N, flipB)) };
}

/** i32 [..., N] = (A − a_zp)(B − b_zp) on the GPU; null when the shapes need the reference. */
export function runMatMulIntegerGpu(
  dev: WebgpuDevice, packedDot: boolean, mode: ReturnType<typeof int8Mode>, a: GpuTensor, w: GpuInt8Weight, az: GpuTensor | undefined,
): GpuTensor | null {
  const { K, N, KW } = w;
  const M = a.dims.length >= 2 && a.dims[a.dims.length - 1] === K ? numel(a.dims) / Math.max(K, 1) : -1;
  const azRows = az !== undefined && numel(az.dims) !== 1;
  if (M < 0 || (azRows && (a.dims.length !== 2 || numel(az!.dims) !== M))) return null;
  const lim = dev.gpu.caps.limits.maxComputeWorkgroupsPerDimension;
  const groups: [number, number, number] = [Math.ceil(N / 32), Math.ceil(M / 16), 1];
  if (groups[0] > lim || groups[1] > lim) return null;
  const out = dev.alloc('int32', [...a.dims.slice(0, -1), N]);
  if (M * N === 0) return out;
  const packedA = dev.alloc('uint8', [M * KW * 4]);
  const pu = dev.uniform(new Uint32Array([M, K, KW, mode.flipA ? 1 : 0]).buffer);
  dev.dispatch(packRowsPipeline(dev.gpu), [pu, a.buffer, packedA.buffer], dev.grid(Math.ceil((M * KW) / 256)), [pu]);
  const azFlags = (az ? 0 : 1) | (azRows ? 2 : 0) | (mode.aSigned ? 4 : 0) | (mode.flipA ? 8 : 0);
  const u = dev.uniform(params([M, N, KW, K, azFlags]));
  dev.dispatch(gemmI8Pipeline(dev.gpu, mode.signed, packedDot), [u, packedA.buffer, w.cols, w.colSum, w.bz, az?.buffer ?? dev.empty, out.buffer], groups, [u]);
  dev.free(packedA);
  return out;
}

export function compileGpuMatMulInteger(ctx: GpuContextLike, node: GraphNode): CompiledStep<GpuTensor> | string | undefined {
  const { dev, ix } = ctx;
  if (node.op.domain !== '' || node.op.opType !== 'MatMulInteger') return undefined;
  const mode = int8Mode(ix.type(node.inputs[0]) === 'int8', ix.type(node.inputs[1]) === 'int8');
  const bConst = ix.constant(node.inputs[1]);
  const zConst = node.inputs[3] ? ix.constant(node.inputs[3]) : undefined;
  const ok = (b: Tensor, z: Tensor | undefined) => b.dims.length === 2 && (!z || z.data.length === 1 || z.data.length === b.dims[1]);
  const fixed = bConst && (!node.inputs[3] || zConst) && ok(bConst, zConst) ? packInt8Weight(dev, bConst, zConst, mode.flipB, true) : undefined;
  return {
    ...base(ctx, node),
    async run(io) {
      let w = fixed;
      if (!w) {
        const b = await io.tensor(1);
        const z = io.has(3) ? await io.tensor(3) : undefined;
        if (!ok(b, z)) return onHost(node, io);
        w = packInt8Weight(dev, b, z, mode.flipB, false);
      }
      const out = runMatMulIntegerGpu(dev, ctx.packedDot, mode, io.device(0), w, io.has(2) ? io.device(2) : undefined);
      if (!fixed) for (const b of [w.cols, w.colSum, w.bz]) dev.gpu.buffers.release(b);
      return out ? [out] : onHost(node, io);
    },
  };
}

