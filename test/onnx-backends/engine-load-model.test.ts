/** engine.loadModel: the engine's backend choice and runtime (WASM preference, GPU device manager) reach the model. */
import { afterAll, expect, it } from 'vitest';
import { createEngine } from '../../engine/index.js';
import { buildMlp, mlpInput } from './mlp-models.js';
import { loadOn, maxDiff } from './model-backends.js';

const engine = createEngine({ backend: 'wasm', workers: 0 });
afterAll(() => engine.dispose());

it("engine.loadModel runs on the engine's backend and agrees with the JS reference", async () => {
  const bytes = buildMlp('fp32');
  const model = await engine.loadModel(bytes, { probe: false });
  expect(model.backend).toBe('wasm');
  const feeds = { x: { data: mlpInput(9), dims: [9, 64] } };
  const ref = await (await loadOn(bytes, 'js')).run(feeds);
  expect(maxDiff((await model.run(feeds)).y, ref.y).diff).toBeLessThan(1e-5);
});

it('a per-call backend overrides the engine default', async () => {
  const model = await engine.loadModel(buildMlp('q8'), { backend: 'js' });
  expect(model.backend).toBe('js');
});
