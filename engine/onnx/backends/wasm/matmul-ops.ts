/**
 * MatMul and Gemm whose B is not a load-time constant (or is batched): B is packed per run on the host and
 * copied in, A goes through the same f32 kernel as the fused path. Gemm's C is added by the epilogue when
 * it is a row vector, by the broadcast kernel when it has the output's shape or is a column, else on JS.
 */
import { attrFlag, attrFloat } from '../../attributes.js';
import type { GraphNode } from '../../graph.js';
import { packF32, padColumns } from '../../../kernels/gemm/pack-f32.js';
import { matmulShape } from '../../ops/matmul-shape.js';
import { numel, numericView, sameDims } from '../../tensor.js';
import type { CompiledStep } from '../types.js';
import type { FuseContext } from './fused-steps.js';
import type { WasmDevice, WasmTensor } from './wasm-device.js';
import { onHost } from './step-util.js';


function copyIn(dev: WasmDevice, data: Float32Array): { ptr: number; bytes: number } {
  const ptr = dev.scratch(data.byteLength);
  dev.f32(ptr, data.length).set(data);
  return { ptr, bytes: data.byteLength };
}

/** out (ldc = N) = A(M×K at aPtr, row-major) · packed B, epilogue bias (0 = none). */
function gemmRows(dev: WasmDevice, aPtr: number, M: number, K: number, b: Float32Array, N: number, outPtr: number, bias: number): void {
  const e = dev.arena.e;
  const apBytes = e.packedBytes(M, K);
  const ap = dev.scratch(apBytes);
  e.packRowsF32(aPtr, K * 4, M, K, ap);
  const bp = copyIn(dev, b);
  e.gemmEpilogue(0, 1, bias, 0);
  e.gemmF32(ap, M, K, bp.ptr, N, outPtr, N * 4);
  dev.scratchDone(ap, apBytes);
  dev.scratchDone(bp.ptr, bp.bytes);
}

export function compileMatMulGeneral(ctx: FuseContext, node: GraphNode): CompiledStep<WasmTensor> | string | undefined {
  if (node.op.domain !== '' || (node.op.opType !== 'MatMul' && node.op.opType !== 'Gemm')) return undefined;
  const { dev, ix } = ctx;
  if (ix.type(node.inputs[0]) !== 'float32') return `${node.op.opType} of ${ix.type(node.inputs[0])} (the WASM kernel takes float32)`;
  const base = { labels: [node.label], backend: 'wasm' as const, inputs: node.inputs.map((n) => ix.slot(n)), outputs: [ix.slot(node.outputs[0])] };
  if (node.op.opType === 'MatMul') {
    return {
      ...base,
      async run(io) {
        const a = io.device(0);
        const b = await io.tensor(1);
        const s = matmulShape(a.dims, b.dims);
        const out = dev.alloc('float32', s.outDims);
        const bv = b.data as Float32Array;
        for (let i = 0; i < s.aBatch.length; i++) {
          const bSlice = bv.subarray(s.bBatch[i] * s.K * s.N, (s.bBatch[i] + 1) * s.K * s.N);
          gemmRows(dev, a.ptr + s.aBatch[i] * s.M * s.K * 4, s.M, s.K, packF32(bSlice, s.K, s.N), s.N, out.ptr + i * s.M * s.N * 4, 0);
        }
        return [out];
      },
    };
  }
  const transA = attrFlag(node.attrs, 'transA', 0);
  const transB = attrFlag(node.attrs, 'transB', 0);
  const alpha = attrFloat(node.attrs, 'alpha', 1);
  const beta = attrFloat(node.attrs, 'beta', 1);
  if (transA) return 'Gemm with transA = 1';
  return {
    ...base,
    async run(io) {
      const a = io.device(0);
      const b = await io.tensor(1);
      if (a.dims.length !== 2 || b.dims.length !== 2) return onHost(node, io);
      const [M, K] = a.dims;
      const [Kb, N] = transB ? [b.dims[1], b.dims[0]] : [b.dims[0], b.dims[1]];
      if (K !== Kb) return onHost(node, io);
      const c = io.has(2) && beta !== 0 ? await io.tensor(2) : undefined;
      const cv = c ? numericView(c) : undefined;
      const row = c && (cv!.length === 1 || (cv!.length === N && c.dims[c.dims.length - 1] === N));
      const full = c && sameDims(c.dims, [M, N]);
      if (c && !row && !full) return onHost(node, io);
      let bias = 0;
      let biasBytes = 0;
      if (row) {
        const padded = padColumns(cv!, N).map((v) => Math.fround(beta * v));
        ({ ptr: bias, bytes: biasBytes } = copyIn(dev, padded));
      }
      const out = dev.alloc('float32', [M, N]);
      gemmRows(dev, a.ptr, M, K, packF32(b.data as Float32Array, K, N, transB, alpha), N, out.ptr, bias);
      if (biasBytes) dev.scratchDone(bias, biasBytes);
      if (full) {
        const scaled = Float32Array.from(cv!, (v) => beta * v);
        const cp = copyIn(dev, scaled);
        dev.arena.e.binaryF32(0, out.ptr, numel(out.dims), cp.ptr, numel(out.dims), out.ptr);
        dev.scratchDone(cp.ptr, cp.bytes);
      }
      return [out];
    },
  };
}
