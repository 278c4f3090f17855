/** What the GPU step compilers share: the planner's context, uniform packing, and the JS escape hatch. */
import type { GraphNode } from '../../graph.js';
import type { Tensor } from '../../tensor.js';
import type { GraphIndex } from '../graph-index.js';
import type { StepIO } from '../types.js';
import type { GpuTensor, WebgpuDevice } from './gpu-device.js';

export interface GpuContextLike {
  ix: GraphIndex;
  dev: WebgpuDevice;
  packedDot: boolean;
}

export const TRANS_B = 1;
export const BIAS = 2;

/** Runs the node on the JS reference for a shape the GPU kernel does not take. */
export async function onHost(node: GraphNode, io: StepIO<GpuTensor>): Promise<Tensor[]> {
  const ins = await Promise.all(node.inputs.map((_, i) => (io.has(i) ? io.tensor(i) : undefined)));
  return node.op.run({ inputs: ins, attrs: node.attrs, opset: node.opset, outputCount: node.outputs.length });
}

/** A 32-byte uniform block: u32 fields, optionally one f32 at index f32At[0]. */
export function params(u32: number[], f32At?: [number, number]): ArrayBuffer {
  const buf = new ArrayBuffer(32);
  new Uint32Array(buf).set(u32);
  if (f32At) new Float32Array(buf)[f32At[0]] = f32At[1];
  return buf;
}

/** The step fields every single-node GPU step has. */
export function base(ctx: GpuContextLike, node: GraphNode) {
  return { labels: [node.label], backend: 'webgpu' as const, inputs: node.inputs.map((n) => ctx.ix.slot(n)), outputs: node.outputs.map((n) => ctx.ix.slot(n)) };
}

