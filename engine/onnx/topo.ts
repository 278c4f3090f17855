/**
 * Topological sort (Kahn, keeping file order among ready nodes) and dtype inference over the sorted
 * nodes. Refuses undefined inputs, values defined twice and cycles.
 */
import { invalidArgument } from '../errors.js';
import type { DType } from './dtype.js';
import { at } from './errors.js';
import type { GraphNode, ValueInfo } from './graph.js';
import type { Tensor } from './tensor.js';

export function sortAndType(
  nodes: readonly GraphNode[],
  inputs: readonly ValueInfo[],
  initializers: ReadonlyMap<string, Tensor>,
): { sorted: GraphNode[]; types: Map<string, DType> } {
  const types = new Map<string, DType>();
  for (const [name, t] of initializers) types.set(name, t.type);
  for (const v of inputs) {
    if (types.has(v.name)) throw invalidArgument(`graph input '${v.name}' is declared twice`);
    types.set(v.name, v.type);
  }
  const producer = new Map<string, number>();
  nodes.forEach((n, i) => {
    for (const o of n.outputs) {
      if (!o) continue;
      if (types.has(o) || producer.has(o)) throw invalidArgument(`${n.label}: output '${o}' is already defined`);
      producer.set(o, i);
    }
  });
  // Edges producer -> consumer; pending counts producers not yet emitted.
  const pending = new Array<number>(nodes.length).fill(0);
  const consumers = nodes.map(() => [] as number[]);
  nodes.forEach((n, i) => {
    for (const name of new Set(n.inputs.filter(Boolean))) {
      const p = producer.get(name);
      if (p !== undefined) {
        pending[i]++;
        consumers[p].push(i);
      } else if (!types.has(name)) {
        throw invalidArgument(`${n.label}: input '${name}' is not a graph input, initializer or node output`);
      }
    }
  });
  const ready = nodes.map((_, i) => i).filter((i) => pending[i] === 0);
  const order: number[] = [];
  while (ready.length > 0) {
    // Smallest index first keeps the file's order where dependencies allow.
    ready.sort((a, b) => a - b);
    const i = ready.shift()!;
    order.push(i);
    for (const c of consumers[i]) if (--pending[c] === 0) ready.push(c);
  }
  if (order.length !== nodes.length) {
    const stuck = nodes.filter((_, i) => pending[i] > 0).map((n) => n.label);
    throw invalidArgument(`the graph has a cycle through ${stuck.slice(0, 3).join(', ')}`);
  }
  const sorted = order.map((i) => nodes[i]);
  for (const n of sorted) inferNode(n, types);
  return { sorted, types };
}

export function inferNode(n: GraphNode, types: Map<string, DType>): void {
  at(n.label, () => {
    const inputTypes = n.inputs.map((name) => (name ? types.get(name) : undefined));
    const out = n.op.infer({ inputTypes, attrs: n.attrs, opset: n.opset, outputCount: n.outputs.length });
    n.outputs.forEach((name, i) => {
      if (!name) return;
      if (out[i] === undefined) throw invalidArgument(`output ${i} is not produced`);
      types.set(name, out[i]);
    });
  });
}
