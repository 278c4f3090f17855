/** The load-time plan: topological order regardless of file order, and every intermediate released at its last use. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeModel } from '../../engine/onnx/decode.js';
import { foldConstants } from '../../engine/onnx/fold.js';
import { buildGraph } from '../../engine/onnx/graph.js';
import { loadModel } from '../../engine/onnx/model.js';
import { makePlan } from '../../engine/onnx/plan.js';
import { buildModel, f32 } from './build-model.js';
import { helloDeepaPath } from './helpers.js';

const planOf = (bytes: Uint8Array) => makePlan(foldConstants(buildGraph(decodeModel(bytes), {})).graph);

describe('plan', () => {
  it('releases each intermediate exactly once, after its last reader', () => {
    const plan = planOf(readFileSync(helloDeepaPath));
    const kept = new Set([...plan.outputSlots, ...plan.constants.flatMap((t, s) => (t ? [s] : []))]);
    const lastUse = new Map<number, number>();
    plan.steps.forEach((step, i) => [...step.inputs, ...step.outputs].forEach((s) => s >= 0 && lastUse.set(s, i)));
    const released = plan.steps.flatMap((step, i) => step.release.map((s) => [s, i] as const));
    expect(released.length).toBe([...lastUse.keys()].filter((s) => !kept.has(s)).length);
    for (const [slot, at] of released) {
      expect(kept.has(slot)).toBe(false);
      expect(lastUse.get(slot)).toBe(at);
    }
    // Constants were folded: no Constant step remains.
    expect(plan.steps.some((s) => s.node.op.opType === 'Constant')).toBe(false);
  });

  it('runs nodes listed out of order in dependency order', async () => {
    const m = await loadModel(
      buildModel({
        nodes: [
          { op: 'Mul', name: 'last', inputs: ['b', 'two'], outputs: ['y'] },
          { op: 'Relu', name: 'first', inputs: ['x'], outputs: ['a'] },
          { op: 'Add', name: 'middle', inputs: ['a', 'two'], outputs: ['b'] },
        ],
        inputs: [{ name: 'x', type: 'float32', dims: [3] }],
        outputs: [{ name: 'y', type: 'float32', dims: [3] }],
        initializers: { two: f32([1], [2]) },
      }),
    );
    expect(m.summary().nodes.map((n) => n.label)).toEqual(["node 'first' (Relu)", "node 'middle' (Add)", "node 'last' (Mul)"]);
    const y = await m.run({ x: { data: Float32Array.from([-1, 0, 3]), dims: [3] } });
    expect([...(y.y.data as Float32Array)]).toEqual([4, 4, 10]);
  });
});
