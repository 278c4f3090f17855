/**
 * The ONNX backend node tests (../shared/data/onnx-node-tests) on the WASM and WebGPU backends, with the
 * tolerances of test/onnx/node-tests.test.ts. A case the loader refuses (the listed skips there) is refused
 * here too; every other case must pass — on the device where it has a kernel, else through the per-node
 * JS fallback — and the count of cases that really ran on the device is printed for the report.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { GpulseError } from '../../engine/errors.js';
import { loadModel } from '../../engine/onnx/model.js';
import { compareTensor, nodeTestsDir, readTensorFile } from '../onnx/helpers.js';
import { describeModelBackends } from './model-backends.js';

const cases = existsSync(nodeTestsDir)
  ? readdirSync(nodeTestsDir).filter((d) => existsSync(path.join(nodeTestsDir, d, 'model.onnx'))).sort()
  : [];

function dataSets(dir: string) {
  return readdirSync(dir)
    .filter((d) => d.startsWith('test_data_set_'))
    .sort()
    .map((set) => {
      const files = readdirSync(path.join(dir, set));
      const read = (prefix: string) =>
        files
          .filter((f) => f.startsWith(prefix))
          .sort((a, b) => parseInt(a.slice(prefix.length), 10) - parseInt(b.slice(prefix.length), 10))
          .map((f) => readTensorFile(path.join(dir, set, f)));
      return { set, inputs: read('input_'), expected: read('output_') };
    });
}

describeModelBackends('ONNX node tests', (backend) => {
  const tally = { onDevice: 0, viaFallback: 0, refused: 0 };
  afterAll(() => console.log(`ONNX node tests [${backend}]: ${tally.onDevice} ran on ${backend}, ${tally.viaFallback} through JS fallback, ${tally.refused} refused at load (listed skips), of ${cases.length}`));

  it('finds the shared node tests', () => expect(cases.length).toBeGreaterThanOrEqual(100));

  for (const name of cases) {
    it(name, async () => {
      const dir = path.join(nodeTestsDir, name);
      const bytes = readFileSync(path.join(dir, 'model.onnx'));
      const model = await loadModel(bytes, { backend }).catch((e: unknown) => e);
      if (model instanceof GpulseError && model.code === 'INVALID_ARGUMENT') {
        tally.refused++;
        return;
      }
      if (model instanceof Error || !model || typeof model !== 'object') throw model;
      const m = model as Awaited<ReturnType<typeof loadModel>>;
      for (const { set, inputs, expected } of dataSets(dir)) {
        const outputs = await m.run(Object.fromEntries(m.inputs.map((io, i) => [io.name, inputs[i]])));
        m.outputs.forEach((io, i) => expect(compareTensor(outputs[io.name], expected[i]), `${set} output '${io.name}'`).toBeNull());
      }
      if (m.summary().nodes.some((n) => n.backend === backend)) tally.onDevice++;
      else tally.viaFallback++;
      m.dispose();
    });
  }
});
