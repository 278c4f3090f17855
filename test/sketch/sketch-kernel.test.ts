/** Kernel `sketch` on every backend against the addValue reference: bins exact, sums within the contract. */
import { expect, it } from 'vitest';
import fc from 'fast-check';
import { sketchKernel, type SketchArgs } from '../../engine/kernels/sketch/sketch.contract.js';
import { sketchJs } from '../../engine/kernels/sketch/sketch.js.js';
import { sketchWasm } from '../../engine/kernels/sketch/sketch.wasm.js';
import { sketchWebgpu } from '../../engine/kernels/sketch/sketch.webgpu.js';
import { lognormal } from '../support/seeded.js';
import { describeBackends } from './backends.js';
import { boundaryValues } from './data.js';

const impls = { js: sketchJs, wasm: sketchWasm, webgpu: sketchWebgpu };
const args = (values: number[] | Float32Array | Float64Array, f32: boolean, more: Partial<SketchArgs> = {}): SketchArgs => ({
  values: f32 ? Float32Array.from(values) : Float64Array.from(values),
  relativeAccuracy: 0.01,
  maxBins: 2048,
  ...more,
});

const boundaries = boundaryValues();
const heavy = lognormal(100_003, 7, 2, 3);
const CASES: Array<{ name: string; args: SketchArgs }> = [];
for (const f32 of [true, false]) {
  const t = f32 ? 'f32' : 'f64';
  CASES.push(
    { name: `${t}: empty`, args: args([], f32) },
    { name: `${t}: one value`, args: args([42], f32) },
    { name: `${t}: zeros, −0, negatives`, args: args([0, -0, -1, 1, -1e-3, 0, 5], f32) },
    { name: `${t}: NaN and ±∞ are counted, not binned`, args: args([NaN, 1, Infinity, -Infinity, NaN, -2], f32) },
    { name: `${t}: subnormals and extremes (binned on the host)`, args: args([1e-40, -3e-39, 1e-310, 5e-324, 1e300, -1e-300, 3.4e38, 1], f32) },
    { name: `${t}: every bin boundary, both signs`, args: { ...args([], f32), values: f32 ? boundaries.f32 : boundaries.f64 } },
    { name: `${t}: 100k lognormal (σ = 3), tiles not a multiple of the workgroup`, args: args(heavy, f32) },
    { name: `${t}: collapsing to 10 bins`, args: args(heavy, f32, { maxBins: 10 }) },
    { name: `${t}: collapsing to 1 bin`, args: args(heavy.subarray(0, 5000), f32, { maxBins: 1 }) },
    { name: `${t}: α = 0.001 (10-bit keys)`, args: args(heavy.subarray(0, 20_000), f32, { relativeAccuracy: 0.001 }) },
    { name: `${t}: α = 0.05`, args: args(heavy.subarray(0, 20_000), f32, { relativeAccuracy: 0.05, maxBins: 300 }) },
  );
}

const special = fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 5e-324, 1e-40, -1.1754943508222875e-38, 1e300, 3.4028234663852886e38);
const valueArb = fc.oneof({ weight: 6, arbitrary: fc.double() }, { weight: 2, arbitrary: fc.integer({ min: -5, max: 5 }) }, { weight: 1, arbitrary: special });

describeBackends('kernel sketch', (backend, run) => {
  for (const c of CASES) {
    it(c.name, async () => {
      const out = await run(impls, c.args);
      expect(sketchKernel.compare(out, sketchKernel.reference(c.args), c.args, backend)).toBeNull();
    });
  }

  it('equals the reference on random inputs (f32 and f64, specials, any maxBins)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(valueArb, { maxLength: 3000 }), fc.boolean(), fc.constantFrom(2048, 64, 3), async (data, f32, maxBins) => {
        const a = args(data, f32, { maxBins });
        const out = await run(impls, a);
        expect(sketchKernel.compare(out, sketchKernel.reference(a), a, backend)).toBeNull();
      }),
      { numRuns: backend === 'webgpu' ? 25 : 150, seed: 20261123 },
    );
  });
});
