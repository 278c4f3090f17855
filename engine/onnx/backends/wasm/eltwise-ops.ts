/**
 * Single-node WASM steps for the elementwise ops between GEMMs: Add/Sub/Mul/Div of f32 (same shape, a
 * scalar, or a row vector along the last axis), Relu, Sigmoid, Cast int32 → float32. A broadcast the kernel
 * does not cover runs that one call on the JS reference instead (the result is still correct).
 */
import { attrInt } from '../../attributes.js';
import type { GraphNode } from '../../graph.js';
import { broadcastDims } from '../../ops/broadcast.js';
import { numel, sameDims } from '../../tensor.js';
import type { CompiledStep } from '../types.js';
import type { FuseContext } from './fused-steps.js';
import type { WasmTensor } from './wasm-device.js';
import { onHost, step } from './step-util.js';

const BINARY: Record<string, number> = { Add: 0, Sub: 1, Mul: 2, Div: 3 };
const COMMUTES = new Set(['Add', 'Mul']);


/** The broadcast period of y against x (x has the output's dims), or 0 when the kernel cannot do it. */
function period(x: readonly number[], y: readonly number[]): number {
  const n = numel(y);
  if (sameDims(x, y)) return n;
  if (n === 1) return 1;
  const last = x[x.length - 1];
  const lead = y.slice(0, -1);
  return y.length <= x.length && y[y.length - 1] === last && lead.every((d) => d === 1) ? last : 0;
}


export function compileEltwise(ctx: FuseContext, node: GraphNode): CompiledStep<WasmTensor> | string | undefined {
  if (node.op.domain !== '') return undefined;
  const { dev, ix } = ctx;
  const op = node.op.opType;
  const t = ix.type(node.inputs[0]);
  if (op in BINARY) {
    if (t !== 'float32' || ix.type(node.inputs[1]) !== 'float32') return `${op} of ${t} (the WASM kernel takes float32)`;
    return step(ctx, node, (io) => {
      let x = io.device(0);
      let y = io.device(1);
      const dims = broadcastDims(x.dims, y.dims);
      if (!sameDims(x.dims, dims) && COMMUTES.has(op)) [x, y] = [y, x];
      const p = sameDims(x.dims, dims) ? period(x.dims, y.dims) : 0;
      if (p === 0) return onHost(node, io);
      const out = dev.alloc('float32', dims);
      dev.arena.e.binaryF32(BINARY[op], x.ptr, numel(dims), y.ptr, p, out.ptr);
      return [out];
    });
  }
  if (op === 'Relu' || op === 'Sigmoid') {
    if (t !== 'float32') return `${op} of ${t} (the WASM kernel takes float32)`;
    return step(ctx, node, (io) => {
      const x = io.device(0);
      const out = dev.alloc('float32', x.dims);
      (op === 'Relu' ? dev.arena.e.reluF32 : dev.arena.e.sigmoidF32)(x.ptr, numel(x.dims), out.ptr);
      return [out];
    });
  }
  if (op === 'Cast') {
    if (t !== 'int32' || attrInt(node.attrs, 'to', 0) !== 1) return 'Cast other than int32 → float32';
    return step(ctx, node, (io) => {
      const x = io.device(0);
      const out = dev.alloc('float32', x.dims);
      dev.arena.e.castI32F32(x.ptr, numel(x.dims), out.ptr);
      return [out];
    });
  }
  return undefined;
}
