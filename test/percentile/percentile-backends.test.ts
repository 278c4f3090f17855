/**
 * percentile on the JS and WASM backends equals the sort-based reference bit for bit: random inputs (fast-check),
 * adversarial layouts, f32 and f64, every numpy method; large inputs exercise the WASM sampled path.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { percentileJs } from '../../engine/kernels/percentile/percentile.js.js';
import { percentileWasm } from '../../engine/kernels/percentile/percentile.wasm.js';
import { percentileKernel, type PercentileArgs } from '../../engine/kernels/percentile/percentile.contract.js';
import { PERCENTILE_METHODS } from '../../engine/kernels/percentile/positions.js';
import type { KernelImpl, RunContext } from '../../engine/kernels/contract.js';
import type { PercentileOut } from '../../engine/kernels/percentile/percentile.contract.js';
import { adversarial, jsContext, qArb, valueArb, wasmContext } from './radix-helpers.js';
import { lognormal, uniform } from '../support/seeded.js';

const backends: [string, KernelImpl<PercentileArgs, PercentileOut>, () => RunContext][] = [
  ['js', percentileJs, jsContext],
  ['wasm', percentileWasm, wasmContext],
];

async function expectReference(impl: KernelImpl<PercentileArgs, PercentileOut>, ctx: RunContext, args: PercentileArgs): Promise<void> {
  const out = await impl.run(args, ctx);
  expect(percentileKernel.compare(out, percentileKernel.reference(args), args, impl.backend)).toBeNull();
}

const Q = Float64Array.from([0, 0.001, 0.25, 0.5, 0.9, 0.95, 0.99, 1]);

for (const [name, impl, ctx] of backends) {
  describe(`percentile [${name}] equals the reference`, () => {
    it('on random f32 and f64 inputs of any size (0, 1, …), with ties, NaN, ±0, ±Inf, subnormals', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(valueArb, { maxLength: 3000 }), fc.boolean(), qArb, fc.constantFrom(...PERCENTILE_METHODS), async (data, f32, q, method) => {
          const values = f32 ? Float32Array.from(data) : Float64Array.from(data);
          await expectReference(impl, ctx(), { values, q: Float64Array.from(q), method });
        }),
        { numRuns: 300, seed: 20251 },
      );
    });

    for (const { name: layout, values } of adversarial(20_000)) {
      it(`on adversarial input: ${layout}`, async () => {
        for (const method of PERCENTILE_METHODS) {
          await expectReference(impl, ctx(), { values, q: Q, method });
          await expectReference(impl, ctx(), { values: Float32Array.from(values), q: Q, method });
        }
      });
    }

    it('on 300k-value inputs (the WASM sampled path), uniform and lognormal, odd lengths', async () => {
      for (const n of [300_001, 262_147]) {
        for (const values of [Float32Array.from(uniform(n, 3)), lognormal(n, 4)]) {
          await expectReference(impl, ctx(), { values, q: Float64Array.from([0.5, 0.9, 0.95, 0.99]), method: 'linear' });
          await expectReference(impl, ctx(), { values, q: Q, method: 'nearest' });
        }
      }
    });

    for (const { name: layout, values } of adversarial(300_000, 9)) {
      it(`on 300k-value adversarial input: ${layout}`, async () => {
        await expectReference(impl, ctx(), { values: Float32Array.from(values), q: Float64Array.from([0.5, 0.9, 0.99]), method: 'linear' });
        await expectReference(impl, ctx(), { values, q: Float64Array.from([0, 0.5, 1]), method: 'midpoint' });
      });
    }

    it('counts NaN and leaves it out of every rank', async () => {
      const values = Float32Array.from([NaN, 3, NaN, 1, 2, NaN]);
      const out = await impl.run({ values, q: Float64Array.from([0, 0.5, 1]), method: 'linear' }, ctx());
      expect(out).toEqual({ values: Float64Array.from([1, 2, 3]), count: 3, nanCount: 3 });
    });
  });
}
