/**
 * Read-only questions the backend planners ask about a plan: who reads a value, is it a graph output, is
 * it a constant, which slot holds it. Fusion may only swallow a value nobody else can see.
 */
import type { GraphNode } from '../graph.js';
import type { Plan } from '../plan.js';
import type { Tensor } from '../tensor.js';

export class GraphIndex {
  private readonly readers = new Map<string, GraphNode[]>();
  private readonly slots = new Map<string, number>();
  private readonly outputs: Set<string>;

  constructor(readonly plan: Plan) {
    for (const st of plan.steps) {
      st.node.inputs.forEach((n, i) => n && this.slots.set(n, st.inputs[i]));
      st.node.outputs.forEach((n, i) => n && this.slots.set(n, st.outputs[i]));
      for (const n of new Set(st.node.inputs)) if (n) this.readers.set(n, [...(this.readers.get(n) ?? []), st.node]);
    }
    plan.graph.inputs.forEach((v, i) => this.slots.set(v.name, plan.inputSlots[i]));
    plan.graph.outputs.forEach((v, i) => this.slots.set(v.name, plan.outputSlots[i]));
    this.outputs = new Set(plan.graph.outputs.map((o) => o.name));
  }

  slot(name: string): number {
    return name ? (this.slots.get(name) ?? -1) : -1;
  }

  constant(name: string | undefined): Tensor | undefined {
    return name ? this.plan.graph.initializers.get(name) : undefined;
  }

  readersOf(name: string): GraphNode[] {
    return this.readers.get(name) ?? [];
  }

  /** The one node reading `name`, when nothing else (no other node, no graph output) sees it. */
  soleReader(name: string): GraphNode | undefined {
    const r = this.readersOf(name);
    return r.length === 1 && !this.outputs.has(name) ? r[0] : undefined;
  }

  isOutput(name: string): boolean {
    return this.outputs.has(name);
  }

  type(name: string) {
    return this.plan.graph.types.get(name);
  }
}

/** A constant broadcast along the last axis of an [..., N] result: scalar, [N], [1, …, 1, N]. */
export function isRowVector(t: Tensor | undefined, N: number): boolean {
  if (!t) return false;
  const n = t.data.length;
  if (n === 1) return true;
  return n === N && t.dims[t.dims.length - 1] === N;
}

export const opKey = (n: GraphNode): string => (n.op.domain ? `${n.op.domain}.${n.op.opType}` : n.op.opType);
