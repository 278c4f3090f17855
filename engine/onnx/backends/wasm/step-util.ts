/** Helpers the single-node WASM step compilers share. */
import type { GraphNode } from '../../graph.js';
import { numericView, type Tensor } from '../../tensor.js';
import type { CompiledStep, StepIO } from '../types.js';
import type { FuseContext } from './fused-steps.js';
import type { WasmTensor } from './wasm-device.js';

export type Run = (io: StepIO<WasmTensor>) => Promise<(Tensor | WasmTensor)[]> | (Tensor | WasmTensor)[];

/** A WASM step over one node's inputs and outputs. */
export function step(ctx: FuseContext, node: GraphNode, run: Run): CompiledStep<WasmTensor> {
  return { labels: [node.label], backend: 'wasm', inputs: node.inputs.map((n) => ctx.ix.slot(n)), outputs: node.outputs.map((n) => ctx.ix.slot(n)), run };
}

/** Runs the node on the JS reference, for a shape the WASM kernel does not take. */
export async function onHost(node: GraphNode, io: StepIO<WasmTensor>): Promise<Tensor[]> {
  const ins = await Promise.all(node.inputs.map((_, i) => (io.has(i) ? io.tensor(i) : undefined)));
  return node.op.run({ inputs: ins, attrs: node.attrs, opset: node.opset, outputCount: node.outputs.length });
}

export const scalarOf = (t: Tensor | undefined): number => (t ? numericView(t)[0] : 0);
