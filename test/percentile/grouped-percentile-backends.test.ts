/**
 * groupedPercentile on the JS and WASM backends equals the reference: dense and sparse keys (any u32), few and
 * many groups (the WASM two-step scatter starts at 1024 slots), f32 and f64, NaN per group, every method.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupedPercentileJs } from '../../engine/kernels/percentile/grouped-percentile.js.js';
import { groupedPercentileWasm } from '../../engine/kernels/percentile/grouped-percentile.wasm.js';
import {
  groupedPercentileKernel,
  type GroupedPercentileArgs,
  type GroupedPercentileOut,
} from '../../engine/kernels/percentile/grouped-percentile.contract.js';
import { PERCENTILE_METHODS } from '../../engine/kernels/percentile/positions.js';
import type { KernelImpl, RunContext } from '../../engine/kernels/contract.js';
import { adversarial, jsContext, qArb, valueArb, wasmContext } from './radix-helpers.js';
import { rng } from '../support/seeded.js';

const backends: [string, KernelImpl<GroupedPercentileArgs, GroupedPercentileOut>, () => RunContext][] = [
  ['js', groupedPercentileJs, jsContext],
  ['wasm', groupedPercentileWasm, wasmContext],
];

async function expectReference(impl: KernelImpl<GroupedPercentileArgs, GroupedPercentileOut>, ctx: RunContext, args: GroupedPercentileArgs): Promise<void> {
  const out = await impl.run(args, ctx);
  expect(groupedPercentileKernel.compare(out, groupedPercentileKernel.reference(args), args, impl.backend)).toBeNull();
}

/** n values in G groups: dense keys (offset, stride 3) or sparse keys spread over all of u32. */
function grouped(n: number, G: number, sparse: boolean, f32: boolean, seed: number): GroupedPercentileArgs {
  const r = rng(seed);
  const values = f32 ? new Float32Array(n) : new Float64Array(n);
  const groups = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    values[i] = r() < 0.05 ? NaN : Math.exp(4 * r()) * (r() < 0.3 ? -1 : 1);
    const g = Math.floor(r() * G);
    groups[i] = sparse ? Math.imul(g, 2654435761) >>> 0 : 1000 + 3 * g;
  }
  return { values, groups, q: Float64Array.from([0, 0.5, 0.9, 0.95, 0.99, 1]), method: 'linear' };
}

for (const [name, impl, ctx] of backends) {
  describe(`groupedPercentile [${name}] equals the reference`, () => {
    it('on random inputs with random key pools (dense, sparse, any u32)', async () => {
      const keyPool = fc.oneof(
        fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom([0], [0xffffffff], [0, 0xffffffff]),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(valueArb, { maxLength: 2000 }), fc.boolean(), keyPool, qArb, fc.constantFrom(...PERCENTILE_METHODS), async (data, f32, pool, q, method) => {
          const values = f32 ? Float32Array.from(data) : Float64Array.from(data);
          const groups = Uint32Array.from(data, (_, i) => pool[(i * 7 + (i >> 3)) % pool.length]);
          await expectReference(impl, ctx(), { values, groups, q: Float64Array.from(q), method });
        }),
        { numRuns: 150, seed: 31 },
      );
    });

    for (const [n, G] of [
      [60_000, 5],
      [20_000, 50],
      [60_000, 3000],
      [100_000, 40_000],
    ]) {
      for (const sparse of [false, true]) {
        it(`on ${n} values in ${G} ${sparse ? 'sparse' : 'dense'} groups, f32 and f64`, async () => {
          await expectReference(impl, ctx(), grouped(n, G, sparse, true, n + G));
          await expectReference(impl, ctx(), grouped(n, G, sparse, false, n - G));
        });
      }
    }

    it('on heavily tied groups of ~1000 values (small groups fall back to full radix select)', async () => {
      const values = Float64Array.from({ length: 40_000 }, (_, i) => (i * 7) % 10);
      const groups = Uint32Array.from(values, (_, i) => i % 40);
      await expectReference(impl, ctx(), { values, groups, q: Float64Array.from([0.1, 0.5, 0.99]), method: 'linear' });
      await expectReference(impl, ctx(), { values: Float32Array.from(values), groups, q: Float64Array.from([0.5]), method: 'nearest' });
    });

    it('on adversarial values spread over 1500 groups', async () => {
      for (const { values } of adversarial(12_000, 5)) {
        const groups = Uint32Array.from(values, (_, i) => (i * 31) % 1500);
        for (const method of PERCENTILE_METHODS) {
          await expectReference(impl, ctx(), { values, groups, q: Float64Array.from([0, 0.3, 0.5, 1]), method });
        }
      }
    });

    it('reports groups whose values are all NaN (count 0, NaN results) and empty input', async () => {
      const args: GroupedPercentileArgs = {
        values: Float64Array.from([NaN, 1, NaN, 2]),
        groups: Uint32Array.from([9, 4, 9, 4]),
        q: Float64Array.from([0.5]),
        method: 'linear',
      };
      const out = await impl.run(args, ctx());
      expect(Array.from(out.keys)).toEqual([4, 9]);
      expect(Array.from(out.counts)).toEqual([2, 0]);
      expect(Array.from(out.nanCounts)).toEqual([0, 2]);
      expect(Array.from(out.values)).toEqual([1.5, NaN]);
      await expectReference(impl, ctx(), { ...args, values: new Float32Array(0), groups: new Uint32Array(0) });
    });
  });
}
