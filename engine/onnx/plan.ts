/**
 * The execution plan, made once at load: every value gets a slot; each step lists its node's input and
 * output slots and the slots whose last reader it is, so intermediates are dropped as soon as they are
 * dead (a pooled backend would return them to its pool at the same point).
 */
import { located } from './errors.js';
import type { Graph, GraphNode } from './graph.js';
import type { Tensor } from './tensor.js';

export interface Step {
  node: GraphNode;
  inputs: number[];
  outputs: number[];
  release: number[];
}

export interface Plan {
  graph: Graph;
  slotCount: number;
  /** Initial slot contents: initializers. */
  constants: (Tensor | undefined)[];
  inputSlots: number[];
  outputSlots: number[];
  steps: Step[];
}

export function makePlan(graph: Graph): Plan {
  const slots = new Map<string, number>();
  const slotOf = (name: string) => {
    let s = slots.get(name);
    if (s === undefined) slots.set(name, (s = slots.size));
    return s;
  };
  const constants: (Tensor | undefined)[] = [];
  for (const [name, t] of graph.initializers) constants[slotOf(name)] = t;
  const inputSlots = graph.inputs.map((v) => slotOf(v.name));
  const steps: Step[] = graph.nodes.map((node) => ({
    node,
    inputs: node.inputs.map((n) => (n ? slotOf(n) : -1)),
    outputs: node.outputs.map((n) => (n ? slotOf(n) : -1)),
    release: [],
  }));
  const outputSlots = graph.outputs.map((v) => slotOf(v.name));
  // Constants live as long as the model; outputs until returned.
  const keep = new Set<number>(outputSlots);
  constants.forEach((t, s) => t && keep.add(s));
  const lastUse = new Map<number, number>();
  steps.forEach((step, i) => {
    for (const s of [...step.inputs, ...step.outputs]) if (s >= 0) lastUse.set(s, i);
  });
  for (const [s, i] of lastUse) if (!keep.has(s)) steps[i].release.push(s);
  return { graph, slotCount: slots.size, constants, inputSlots, outputSlots, steps };
}

/** Runs the plan on already-validated input tensors (in graph input order); returns outputs in order. */
export function execute(plan: Plan, inputs: readonly Tensor[]): Tensor[] {
  const values: (Tensor | undefined)[] = plan.constants.slice();
  values.length = plan.slotCount;
  plan.inputSlots.forEach((s, i) => (values[s] = inputs[i]));
  for (const step of plan.steps) {
    const { node } = step;
    let outs: Tensor[];
    try {
      const ins = step.inputs.map((s) => (s >= 0 ? values[s] : undefined));
      outs = node.op.run({ inputs: ins, attrs: node.attrs, opset: node.opset, outputCount: node.outputs.length });
    } catch (error) {
      throw located(node.label, error);
    }
    step.outputs.forEach((s, i) => {
      if (s < 0) return;
      // A kernel that returns the wrong dtype is a bug; catch it here rather than three nodes later.
      const want = plan.graph.types.get(node.outputs[i]);
      if (outs[i]?.type !== want) throw located(node.label, new Error(`kernel produced ${outs[i]?.type} for output ${i}, expected ${want}`));
      values[s] = outs[i];
    });
    for (const s of step.release) values[s] = undefined;
  }
  return plan.outputSlots.map((s) => values[s]!);
}
