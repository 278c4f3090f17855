/**
 * openWakeWord's hello_deepa.onnx (Flatten, Gemm ×3, LayerNorm from ReduceMean/Sub/Pow/Sqrt/Div, Relu,
 * Sigmoid) on the WASM and WebGPU backends against onnxruntime-node (one thread) in float: the output
 * within 1e-5 on 16 seeded inputs, as on the JS reference.
 */
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { beforeAll, expect, it } from 'vitest';
import { seededNormal } from '../../engine/onnx/probe.js';
import { helloDeepaPath } from '../onnx/helpers.js';
import { describeModelBackends, loadOn } from './model-backends.js';

const INPUT = 'onnx::Flatten_0';
const DIMS = [1, 25, 96];
const SAMPLES = 16;
const bytes = readFileSync(helloDeepaPath);
const inputs = Array.from({ length: SAMPLES }, (_, s) => Float32Array.from(seededNormal(2400, 1000 + s)));
let reference: number[] = [];

beforeAll(async () => {
  const session = await ort.InferenceSession.create(helloDeepaPath, { intraOpNumThreads: 1 });
  reference = [];
  for (const x of inputs) reference.push(((await session.run({ [INPUT]: new ort.Tensor('float32', x, DIMS) }))['39'].data as Float32Array)[0]);
  await session.release();
});

describeModelBackends('hello_deepa.onnx vs onnxruntime-node', (backend) => {
  it('float output within 1e-5 of onnxruntime-node', async () => {
    const model = await loadOn(bytes, backend);
    let worst = 0;
    for (let s = 0; s < SAMPLES; s++) {
      const out = await model.run({ [INPUT]: { data: inputs[s], dims: DIMS } });
      worst = Math.max(worst, Math.abs((out['39'].data as Float32Array)[0] - reference[s]));
    }
    const nodes = model.summary().nodes;
    console.log(`hello_deepa [${backend}]: max |gpulse − ort| = ${worst.toExponential(2)}; ${nodes.filter((n) => n.backend === backend).length}/${nodes.length} nodes on ${backend}`);
    expect(worst).toBeLessThan(1e-5);
    expect(nodes.filter((n) => n.op === 'Gemm').every((n) => n.backend === backend)).toBe(true);
  });

  it.each(['int8', 'int4'] as const)('%s quantize-on-load agrees with the JS backend', async (mode) => {
    const [js, dev] = await Promise.all([loadOn(bytes, 'js', { quantize: mode }), loadOn(bytes, backend, { quantize: mode })]);
    for (const x of inputs.slice(0, 4)) {
      const feeds = { [INPUT]: { data: x, dims: DIMS } };
      const a = ((await dev.run(feeds))['39'].data as Float32Array)[0];
      const b = ((await js.run(feeds))['39'].data as Float32Array)[0];
      expect(Math.abs(a - b)).toBeLessThan(1e-5);
    }
  });
});
