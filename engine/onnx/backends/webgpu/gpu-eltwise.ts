/**
 * GPU steps for the element-wise ops between GEMMs (f32 Add/Sub/Mul/Div with broadcasting up to rank 6,
 * Relu, Sigmoid, Cast int32 → float32) and for DynamicQuantizeLinear, so a quantized chain stays resident.
 */
import { attrInt } from '../../attributes.js';
import type { GraphNode } from '../../graph.js';
import { broadcastDims } from '../../ops/broadcast.js';
import { numel } from '../../tensor.js';
import type { CompiledStep } from '../types.js';
import type { GpuContextLike } from './gpu-step.js';
import type { GpuTensor } from './gpu-device.js';
import { dqlPipeline, eltwisePipeline } from './gpu-pipelines.js';

const OPS: Record<string, number> = { Add: 0, Sub: 1, Mul: 2, Div: 3, Relu: 10, Sigmoid: 11, Cast: 12 };
const MAX_RANK = 6;

/** Out dims and per-input strides (0 where broadcast), right-aligned to the output rank. */
function shapeBuffer(out: readonly number[], a: readonly number[], b: readonly number[]): Uint32Array {
  const s = new Uint32Array(3 * MAX_RANK);
  const strides = (dims: readonly number[], at: number) => {
    let st = 1;
    for (let i = dims.length - 1; i >= 0; i--) {
      const axis = out.length - dims.length + i;
      s[at + axis] = dims[i] === 1 ? 0 : st;
      st *= dims[i];
    }
  };
  out.forEach((d, i) => (s[i] = d));
  strides(a, MAX_RANK);
  strides(b, 2 * MAX_RANK);
  return s;
}

export function compileGpuEltwise(ctx: GpuContextLike, node: GraphNode): CompiledStep<GpuTensor> | string | undefined {
  if (node.op.domain !== '' || !(node.op.opType in OPS || node.op.opType === 'DynamicQuantizeLinear')) return undefined;
  const { dev, ix } = ctx;
  const op = node.op.opType;
  const base = { labels: [node.label], backend: 'webgpu' as const, inputs: node.inputs.map((n) => ix.slot(n)), outputs: node.outputs.map((n) => ix.slot(n)) };
  const t = ix.type(node.inputs[0]);
  if (op === 'DynamicQuantizeLinear') {
    if (t !== 'float32') return 'DynamicQuantizeLinear of non-float32';
    return {
      ...base,
      run(io) {
        const x = io.device(0);
        const n = numel(x.dims);
        const y = dev.alloc('uint8', x.dims);
        const scale = dev.alloc('float32', []);
        const zp = dev.alloc('uint8', []);
        const u = dev.uniform(new Uint32Array([n, 0, 0, 0]).buffer);
        const bufs = [u, x.buffer, scale.buffer, zp.buffer, y.buffer];
        // minmax does not use the codes binding, so its auto layout has four entries.
        dev.dispatch(dqlPipeline(dev.gpu, 'minmax'), bufs.slice(0, 4), [1, 1, 1]);
        dev.dispatch(dqlPipeline(dev.gpu, 'quantize'), bufs, dev.grid(Math.ceil(n / 1024)), [u]);
        return [y, scale, zp];
      },
    };
  }
  if (op === 'Cast') {
    if (t !== 'int32' || attrInt(node.attrs, 'to', 0) !== 1) return 'Cast other than int32 → float32';
  } else if (t !== 'float32' || (node.inputs[1] && ix.type(node.inputs[1]) !== 'float32')) {
    return `${op} of ${t} (the WebGPU kernel takes float32)`;
  }
  const unary = OPS[op] >= 10;
  return {
    ...base,
    run(io) {
      const a = io.device(0);
      const b = unary ? a : io.device(1);
      const dims = unary ? [...a.dims] : broadcastDims(a.dims, b.dims);
      if (dims.length > MAX_RANK) throw new Error(`rank ${dims.length} > ${MAX_RANK}`);
      const n = numel(dims);
      const out = dev.alloc('float32', dims);
      const u = dev.uniform(new Uint32Array([n, dims.length, OPS[op], 0]).buffer);
      const shape = dev.small(shapeBuffer(dims, a.dims, b.dims));
      dev.dispatch(eltwisePipeline(dev.gpu), [u, shape, a.buffer, b.buffer, out.buffer], dev.grid(Math.ceil(n / 256)), [u, shape]);
      return [out];
    },
  };
}
