/** fast-check: every backend equals the sort-based reference bit for bit on random inputs. */
import { it, expect } from 'vitest';
import fc from 'fast-check';
import { describeOnEveryBackend, runOn } from './run-kernel-cases.js';
import { percentileKernel, type PercentileArgs } from '../../engine/kernels/percentile/percentile.contract.js';
import { groupedPercentileKernel } from '../../engine/kernels/percentile/grouped-percentile.contract.js';
import { PERCENTILE_METHODS } from '../../engine/kernels/percentile/positions.js';

const special = fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 5e-324, -5e-324, 1.1754943508222875e-38, Number.MAX_VALUE);
const value = fc.oneof(
  { weight: 5, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 3 }) },
  { weight: 1, arbitrary: special },
);
const maxLength = 3000;
const argsArb = fc.record({
  data: fc.array(value, { maxLength }),
  f32: fc.boolean(),
  q: fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.5, 1)), { minLength: 1, maxLength: 6 }),
  method: fc.constantFrom(...PERCENTILE_METHODS),
});

function toArgs(r: { data: number[]; f32: boolean; q: number[]; method: PercentileArgs['method'] }): PercentileArgs {
  return { values: r.f32 ? Float32Array.from(r.data) : Float64Array.from(r.data), q: Float64Array.from(r.q), method: r.method };
}

describeOnEveryBackend('percentile properties', (backend, engine) => {
  const numRuns = backend === 'webgpu' ? 20 : 150;
  it('equals the reference on random inputs (f32 and f64, ties, NaN, ±0, ±Inf, subnormals)', async () => {
    await fc.assert(
      fc.asyncProperty(argsArb, async (r) => {
        const args = toArgs(r);
        const out = await runOn(engine(), 'percentile', args, backend);
        expect(percentileKernel.compare(out, percentileKernel.reference(args), args, backend)).toBeNull();
      }),
      { numRuns, seed: 20261123 },
    );
  });

  it('grouped equals the reference on random keys', async () => {
    await fc.assert(
      fc.asyncProperty(argsArb, fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { minLength: 1, maxLength: 8 }), async (r, keyPool) => {
        const base = toArgs(r);
        const groups = Uint32Array.from(r.data, (_, i) => keyPool[(i * 2654435761) % keyPool.length]);
        const args = { ...base, groups };
        const out = await runOn(engine(), 'groupedPercentile', args, backend);
        expect(groupedPercentileKernel.compare(out, groupedPercentileKernel.reference(args), args, backend)).toBeNull();
      }),
      { numRuns: Math.ceil(numRuns / 3), seed: 7 },
    );
  });
});
