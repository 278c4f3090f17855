/** Kernel `groupedSketch` on every backend against per-group addValue sketches cut to the shared window. */
import { expect, it } from 'vitest';
import fc from 'fast-check';
import { groupedSketchKernel, type GroupedSketchArgs } from '../../engine/kernels/sketch/grouped-sketch.contract.js';
import { groupedSketchJs } from '../../engine/kernels/sketch/grouped-sketch.js.js';
import { groupedSketchWasm } from '../../engine/kernels/sketch/grouped-sketch.wasm.js';
import { groupedSketchWebgpu } from '../../engine/kernels/sketch/grouped-sketch.webgpu.js';
import { lognormal, rng } from '../support/seeded.js';
import { describeBackends } from './backends.js';

const impls = { js: groupedSketchJs, wasm: groupedSketchWasm, webgpu: groupedSketchWebgpu };

function args(values: ArrayLike<number>, keyOf: (i: number) => number, f32: boolean, maxBins = 2048): GroupedSketchArgs {
  const v = f32 ? Float32Array.from(values) : Float64Array.from(values);
  return { values: v, groups: Uint32Array.from(v, (_, i) => keyOf(i)), relativeAccuracy: 0.01, maxBins };
}

const data = lognormal(50_000, 3, 0, 2).map((v, i) => (i % 4 === 0 ? -v : v));
const r = rng(5);
const CASES: Array<{ name: string; args: GroupedSketchArgs }> = [];
for (const f32 of [true, false]) {
  const t = f32 ? 'f32' : 'f64';
  CASES.push(
    { name: `${t}: empty`, args: args([], () => 0, f32) },
    { name: `${t}: dense keys 0..6`, args: args(data, (i) => i % 7, f32) },
    { name: `${t}: sparse keys near 2^32`, args: args(data, (i) => 2 ** 32 - 1 - (i % 5) * 1e9, f32) },
    { name: `${t}: 1000 groups, scaled per group`, args: args(data.map((v, i) => v * 10 ** ((i % 1000) / 100)), (i) => i % 1000, f32) },
    { name: `${t}: shared window collapsed to 50 bins`, args: args(data, (i) => Math.floor(r() * 30), f32, 50) },
    { name: `${t}: NaN, ±∞, zeros and subnormals per group`, args: args([NaN, 0, Infinity, -0, 1e-40, 1e-310, -Infinity, 2, 1e300, NaN], (i) => i % 3, f32) },
  );
}

const special = fc.constantFrom(NaN, Infinity, 0, -0, 1e-40, 1e300);
const valueArb = fc.oneof({ weight: 6, arbitrary: fc.double() }, { weight: 1, arbitrary: special });

describeBackends('kernel groupedSketch', (backend, run) => {
  for (const c of CASES) {
    it(c.name, async () => {
      const out = await run(impls, c.args);
      expect(groupedSketchKernel.compare(out, groupedSketchKernel.reference(c.args), c.args, backend)).toBeNull();
    });
  }

  it('equals the reference on random inputs and keys', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(valueArb, { maxLength: 2000 }),
        fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { minLength: 1, maxLength: 9 }),
        fc.boolean(),
        fc.constantFrom(2048, 20),
        async (values, keyPool, f32, maxBins) => {
          const a = args(values, (i) => keyPool[(i * 2654435761) % keyPool.length], f32, maxBins);
          const out = await run(impls, a);
          expect(groupedSketchKernel.compare(out, groupedSketchKernel.reference(a), a, backend)).toBeNull();
        },
      ),
      { numRuns: backend === 'webgpu' ? 20 : 100, seed: 99 },
    );
  });
});
