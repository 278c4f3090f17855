/**
 * Real model: openWakeWord's hello_deepa.onnx (Flatten, Gemm, hand-written LayerNorm from ReduceMean/Sub/
 * Pow/Sqrt/Div, Relu, Sigmoid) against onnxruntime-node (one thread) on seeded random input.
 * Float: the output within 1e-5 absolute, and every intermediate value within 1e-5 + 1e-5·|x| (the model
 * is re-encoded with all node outputs exposed). int8/int4: drift against onnxruntime's float output,
 * printed for the report and bounded loosely.
 */
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { onnx } from '../../engine/onnx/decode.js';
import { loadModel, type Model } from '../../engine/onnx/model.js';
import { seededNormal } from '../../engine/onnx/probe.js';
import { helloDeepaPath } from './helpers.js';

const INPUT = 'onnx::Flatten_0';
const DIMS = [1, 25, 96];
const SAMPLES = 16;
const bytes = readFileSync(helloDeepaPath);
const inputs = Array.from({ length: SAMPLES }, (_, s) => Float32Array.from(seededNormal(2400, 1000 + s)));

/** The model with every node output also declared as a graph output. */
function exposeIntermediates(model: Uint8Array): Uint8Array {
  const proto = onnx.ModelProto.decode(model);
  const g = proto.graph!;
  const declared = new Set(g.output!.map((o) => o.name));
  for (const n of g.node!) {
    for (const o of n.output!) {
      if (!declared.has(o)) g.output!.push(onnx.ValueInfoProto.create({ name: o, type: { tensorType: { elemType: 1 } } }));
    }
  }
  return onnx.ModelProto.encode(proto).finish();
}

async function ortRun(session: ort.InferenceSession, x: Float32Array): Promise<Record<string, Float32Array>> {
  const r = await session.run({ [INPUT]: new ort.Tensor('float32', x, DIMS) });
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.data as Float32Array]));
}

describe('hello_deepa.onnx vs onnxruntime-node', () => {
  let session: ort.InferenceSession;
  let reference: Float32Array[];

  beforeAll(async () => {
    session = await ort.InferenceSession.create(helloDeepaPath, { intraOpNumThreads: 1 });
    reference = await Promise.all(inputs.map(async (x) => (await ortRun(session, x))['39']));
  });

  it('describes its inputs and outputs', async () => {
    const model = await loadModel(bytes);
    expect(model.inputs).toEqual([{ name: INPUT, type: 'float32', dims: [1, 25, 96] }]);
    expect(model.outputs).toEqual([{ name: '39', type: 'float32', dims: [1, 1] }]);
    const s = model.summary();
    expect(s.ops).toMatchObject({ Gemm: 3, ReduceMean: 4, Sigmoid: 1 });
    expect(s.foldedAtLoad).toEqual({ Constant: 4 });
    expect(s.nodes.every((n) => n.backend === 'js')).toBe(true);
  });

  it('float output matches within 1e-5', async () => {
    const model = await loadModel(bytes);
    let worst = 0;
    for (let s = 0; s < SAMPLES; s++) {
      const out = await model.run({ [INPUT]: { data: inputs[s], dims: DIMS } });
      expect(out['39'].dims).toEqual([1, 1]);
      worst = Math.max(worst, Math.abs((out['39'].data as Float32Array)[0] - reference[s][0]));
    }
    console.log(`hello_deepa float: max |gpulse − ort| over ${SAMPLES} inputs = ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-5);
  });

  it('every intermediate value matches within 1e-5 + 1e-5·|x|', async () => {
    const all = exposeIntermediates(bytes);
    const model = await loadModel(all);
    const full = await ort.InferenceSession.create(all, { intraOpNumThreads: 1 });
    for (const x of inputs.slice(0, 4)) {
      const ours = await model.run({ [INPUT]: { data: x, dims: DIMS } });
      const theirs = await ortRun(full, x);
      for (const [name, expected] of Object.entries(theirs)) {
        const got = ours[name].data as Float32Array;
        expect(got.length, name).toBe(expected.length);
        expected.forEach((e, i) => expect(Math.abs(got[i] - e), `${name}[${i}]`).toBeLessThanOrEqual(1e-5 + 1e-5 * Math.abs(e)));
      }
    }
  });

  for (const [mode, bound] of [['int8', 2e-2], ['int4', 1.5e-1]] as const) {
    it(`${mode} weights: bounded drift from the float model, reported`, async () => {
      const model: Model = await loadModel(bytes, { quantize: mode });
      const s = model.summary();
      expect(s.quantization.weights.map((w) => w.weight)).toEqual(['layer1.weight', 'blocks.0.fcn_layer.weight', 'last_layer.weight']);
      expect(s.ops).toMatchObject({ 'ai.gpulse.QuantizedMatMul': 3 });
      expect(s.parameterBytes.afterQuantization).toBeLessThan(s.parameterBytes.beforeQuantization / (mode === 'int8' ? 3.5 : 6));
      let maxAbs = 0;
      let sq = 0;
      let ref2 = 0;
      for (let i = 0; i < SAMPLES; i++) {
        const out = (await model.run({ [INPUT]: { data: inputs[i], dims: DIMS } }))['39'].data as Float32Array;
        const d = out[0] - reference[i][0];
        maxAbs = Math.max(maxAbs, Math.abs(d));
        sq += d * d;
        ref2 += reference[i][0] ** 2;
      }
      const drift = s.quantization.drift;
      console.log(
        `hello_deepa ${mode}: params ${s.parameterBytes.beforeQuantization} -> ${s.parameterBytes.afterQuantization} B; ` +
          `vs ort float over ${SAMPLES} inputs: max |Δ| ${maxAbs.toExponential(2)}, rel L2 ${Math.sqrt(sq / ref2).toFixed(4)}; ` +
          `load probe: ${JSON.stringify(drift && 'outputs' in drift ? drift.outputs['39'] : drift)}`,
      );
      expect(drift && 'outputs' in drift).toBe(true);
      expect(maxAbs).toBeLessThan(bound);
    });
  }
});
