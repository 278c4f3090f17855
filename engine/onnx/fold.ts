/**
 * Constant folding at load: a node whose inputs are all initializers (Constant, DequantizeLinear of a
 * quantized weight, Reshape of a constant shape, …) runs once now and its outputs become initializers.
 * Initializers nothing reads any more (the int8 weight behind a folded DequantizeLinear) are dropped.
 */
import { at } from './errors.js';
import type { Graph, GraphNode } from './graph.js';
import type { Tensor } from './tensor.js';

export function foldConstants(graph: Graph): { graph: Graph; folded: Record<string, number> } {
  const initializers = new Map(graph.initializers);
  const folded: Record<string, number> = {};
  const nodes: GraphNode[] = [];
  for (const node of graph.nodes) {
    if (!node.inputs.every((n) => !n || initializers.has(n))) {
      nodes.push(node);
      continue;
    }
    const inputs = node.inputs.map((n) => (n ? initializers.get(n) : undefined));
    const outs = at(node.label, () =>
      node.op.run({ inputs, attrs: node.attrs, opset: node.opset, outputCount: node.outputs.length }),
    );
    node.outputs.forEach((name, i) => name && initializers.set(name, outs[i]));
    const key = node.op.domain ? `${node.op.domain}.${node.op.opType}` : node.op.opType;
    folded[key] = (folded[key] ?? 0) + 1;
  }
  return { graph: { ...graph, nodes, initializers: pruneInitializers(initializers, nodes, graph) }, folded };
}

/** Keeps only initializers some node or graph output reads. */
export function pruneInitializers(
  initializers: ReadonlyMap<string, Tensor>,
  nodes: readonly GraphNode[],
  graph: Pick<Graph, 'outputs'>,
): Map<string, Tensor> {
  const used = new Set<string>(graph.outputs.map((o) => o.name));
  for (const n of nodes) for (const i of n.inputs) used.add(i);
  return new Map([...initializers].filter(([name]) => used.has(name)));
}
