/** The WebGPU grouped kernel equals groupedPercentileReference bit for bit. */
import { expect, it } from 'vitest';
import fc from 'fast-check';
import { groupedPercentileKernel, type GroupedPercentileArgs } from '../../engine/kernels/percentile/grouped-percentile.contract.js';
import { PERCENTILE_METHODS } from '../../engine/kernels/percentile/positions.js';
import { groupedPercentileCases } from '../kernels/cases/percentile.cases.js';
import { lognormal } from '../support/seeded.js';
import { describeGpu } from '../support/gpu.js';
import { gpuGroupedPercentile, useGpu } from './gpu-kernel-harness.js';

function check(out: unknown, args: GroupedPercentileArgs): void {
  expect(groupedPercentileKernel.compare(out as never, groupedPercentileKernel.reference(args), args, 'webgpu')).toBeNull();
}

describeGpu('groupedPercentile on WebGPU equals the reference', () => {
  const gpu = useGpu();

  for (const c of groupedPercentileCases) {
    it(c.name, async () => check((await gpuGroupedPercentile(gpu(), c.args)).out, c.args));
  }

  it('f32 and f64 with NaN-only, singleton and large groups; keys ascending', async () => {
    const n = 120_000;
    const base = lognormal(n, 9, 0, 2);
    const groups = Uint32Array.from({ length: n }, (_, i) => (i < 100_000 ? 0xffffffff : (i % 500) * 0x01000193));
    for (let i = 100_000; i < n; i += 500) base[i] = NaN; // group 0: all NaN
    for (const values of [Float32Array.from(base), Float64Array.from(base)]) {
      for (const method of PERCENTILE_METHODS) {
        const args = { values, groups, q: Float64Array.of(0, 0.3, 0.5, 0.999, 1), method };
        const { out } = await gpuGroupedPercentile(gpu(), args);
        check(out, args);
        expect(Array.from(out.keys)).toEqual([...new Set(groups)].sort((a, b) => a - b));
      }
    }
  });

  it('many small groups are read back straight from the group-sorted keys', async () => {
    const n = 200_000;
    const values = Float32Array.from(lognormal(n, 3));
    const groups = Uint32Array.from({ length: n }, (_, i) => (i * 7919) % 20_000);
    const args = { values, groups, q: Float64Array.of(0.5, 0.9, 0.99), method: 'linear' as const };
    const { out, telemetry } = await gpuGroupedPercentile(gpu(), args);
    check(out, args);
    expect(telemetry.stages.map((s) => s.stage)).toContain('scatter');
  });

  it('matches on random keys (fast-check)', async () => {
    const value = fc.oneof(fc.double(), fc.integer({ min: -2, max: 2 }), fc.constantFrom(NaN, -0, 0, Infinity, -Infinity, 5e-324));
    await fc.assert(
      fc.asyncProperty(
        fc.array(value, { maxLength: 3000 }),
        fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.constantFrom(...PERCENTILE_METHODS),
        async (data, keyPool, f32, method) => {
          const groups = Uint32Array.from(data, (_, i) => keyPool[(i * 2654435761) % keyPool.length]);
          const values = f32 ? Float32Array.from(data) : Float64Array.from(data);
          const args = { values, groups, q: Float64Array.of(0, 0.25, 0.5, 0.95, 1), method };
          check((await gpuGroupedPercentile(gpu(), args)).out, args);
        },
      ),
      { numRuns: 15, seed: 99 },
    );
  });
});
