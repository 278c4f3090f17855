/**
 * Single-node WASM steps for the 8-bit ops: DynamicQuantizeLinear, MatMulInteger, QLinearMatMul
 * (integer-matmul.ts) and per-tensor QuantizeLinear / DequantizeLinear. Integer results are exact (same bytes as the reference);
 * shapes the kernels do not cover (batched B, per-axis quantization, …) run that call on the JS reference.
 */
import { attrInt } from '../../attributes.js';
import type { GraphNode } from '../../graph.js';
import { quantRange } from '../../ops/quant-common.js';
import { fromNumbers, numel } from '../../tensor.js';
import type { CompiledStep } from '../types.js';
import type { FuseContext } from './fused-steps.js';
import { dqlParams, minMaxOf } from './linear-run.js';
import type { WasmTensor } from './wasm-device.js';
import { onHost, scalarOf, step } from './step-util.js';
import { compileQLinear, integerProduct, packConstB } from './integer-matmul.js';




const Q8 = new Set(['uint8', 'int8']);

export function compileInt8(ctx: FuseContext, node: GraphNode): CompiledStep<WasmTensor> | string | undefined {
  if (node.op.domain !== '') return undefined;
  const { dev, ix } = ctx;
  const e = dev.arena.e;
  switch (node.op.opType) {
    case 'DynamicQuantizeLinear':
      return step(ctx, node, (io) => {
        const x = io.device(0);
        const [lo, hi] = minMaxOf(dev, x, ctx.misc);
        const { scale, zp } = dqlParams(lo, hi);
        const y = dev.alloc('uint8', x.dims);
        e.quantize8(x.ptr, numel(x.dims), scale, zp, 0, 255, 0, y.ptr);
        return [y, fromNumbers('float32', [], [scale]), fromNumbers('uint8', [], [zp])];
      });
    case 'MatMulInteger': {
      const b = packConstB(ctx, node.inputs[1], node.inputs[3]);
      return step(ctx, node, async (io) => {
        const r = await integerProduct(dev, io, b);
        return r ? [r.out] : onHost(node, io);
      });
    }
    case 'QLinearMatMul':
      return compileQLinear(ctx, node);
    case 'QuantizeLinear': {
      const scale = ix.constant(node.inputs[1]);
      const zp = node.inputs[2] ? ix.constant(node.inputs[2]) : undefined;
      const outType = ix.type(node.outputs[0])!;
      if (ix.type(node.inputs[0]) !== 'float32' || !scale || scale.type !== 'float32' || scale.data.length !== 1) return 'QuantizeLinear that is not per-tensor float32';
      if ((node.inputs[2] && !zp) || !Q8.has(outType) || attrInt(node.attrs, 'block_size', 0) || attrInt(node.attrs, 'precision', 0)) return 'QuantizeLinear with a non-constant zero point, block size, precision or a non-8-bit output';
      const [lo, hi] = quantRange(outType);
      const s = scalarOf(scale);
      const z = scalarOf(zp);
      return step(ctx, node, (io) => {
        const x = io.device(0);
        const y = dev.alloc(outType, x.dims);
        e.quantize8(x.ptr, numel(x.dims), s, z, lo, hi, 1, y.ptr);
        return [y];
      });
    }
    case 'DequantizeLinear': {
      const scale = ix.constant(node.inputs[1]);
      const zp = node.inputs[2] ? ix.constant(node.inputs[2]) : undefined;
      const inType = ix.type(node.inputs[0])!;
      if (!Q8.has(inType) || !scale || scale.type !== 'float32' || scale.data.length !== 1 || (node.inputs[2] && !zp) || ix.type(node.outputs[0]) !== 'float32') {
        return 'DequantizeLinear that is not per-tensor 8-bit → float32';
      }
      const s = scalarOf(scale);
      const z = scalarOf(zp);
      return step(ctx, node, (io) => {
        const x = io.device(0);
        const y = dev.alloc('float32', x.dims);
        e.dequantize8(x.ptr, numel(x.dims), inType === 'int8' ? 1 : 0, z, s, y.ptr);
        return [y];
      });
    }
    default:
      return undefined;
  }
}

