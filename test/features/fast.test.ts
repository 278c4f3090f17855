/** Kernel `fastFeatures`: the declared cases and fast-check series on every backend against the plain f64 reference. */
import { expect, it } from 'vitest';
import fc from 'fast-check';
import { describeOnEveryBackend, kernelCases, runOn } from '../kernels/run-kernel-cases.js';
import { batchOf, fastCases } from '../kernels/cases/features.cases.js';
import { fastFeaturesKernel, type FastArgs } from '../../engine/kernels/features/fast/fast.contract.js';
import { fastConfig } from '../../engine/kernels/features/fast/fast-layout.js';

kernelCases('fastFeatures', fastCases);

/** Series generators: noise around an offset, constant, NaN/Inf inside, a spike, small-integer ties. */
const seriesArb = (maxLength: number) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ offset: fc.double({ min: -1e4, max: 1e4, noNaN: true }), xs: fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { maxLength }) }).map((r) => r.xs.map((x) => x + r.offset)) },
    { weight: 1, arbitrary: fc.tuple(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.integer({ min: 0, max: 500 })).map(([v, n]) => new Array(n).fill(v)) },
    { weight: 1, arbitrary: fc.tuple(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 400 }), fc.nat(), fc.constantFrom(NaN, Infinity, -Infinity)).map(([xs, i, bad]) => { const ys = xs.slice(); ys[i % ys.length] = bad; return ys; }) },
    { weight: 1, arbitrary: fc.tuple(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 3, maxLength: 2000 }), fc.nat(), fc.double({ min: 1e2, max: 1e5, noNaN: true })).map(([xs, i, h]) => { const ys = xs.slice(); ys[i % ys.length] += h; return ys; }) },
    { weight: 2, arbitrary: fc.array(fc.integer({ min: -3, max: 3 }), { maxLength }) },
  );

const argsArb = (maxLength: number) =>
  fc.record({
    series: fc.array(seriesArb(maxLength), { minLength: 1, maxLength: 5 }),
    f32: fc.boolean(),
    lags: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 5 }), { nil: undefined }),
    bands: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
  });

/** Magnitudes below 1e-30 are outside the supported range (f32 subnormals, squares underflowing in f64). */
const tame = (x: number): number => (Math.abs(x) < 1e-30 ? 0 : x);

function toArgs(r: { series: number[][]; f32: boolean; lags?: number[]; bands?: number }): FastArgs {
  return { ...batchOf(r.series.map((s) => s.map(tame)), r.f32), ...fastConfig(r.lags, r.bands) };
}

describeOnEveryBackend('fastFeatures properties', (backend, engine) => {
  const numRuns = backend === 'webgpu' ? 12 : 50;
  const check = async (r: Parameters<typeof toArgs>[0]) => {
    const args = toArgs(r);
    const out = await runOn(engine(), 'fastFeatures', args, backend);
    expect(fastFeaturesKernel.compare(out, fastFeaturesKernel.reference(args), args, backend)).toBeNull();
  };

  it('agrees with the reference on random batches (noise, constant, NaN/Inf, spikes, integer ties)', async () => {
    await fc.assert(fc.asyncProperty(argsArb(1200), check), { numRuns, seed: 424242 });
  });

  it('agrees with the reference on long series (up to 10 000 points)', async () => {
    const long = fc.record({
      series: fc.array(fc.integer({ min: 1, max: 10_000 }).chain((n) => fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: n, maxLength: n })), { minLength: 1, maxLength: 2 }),
      f32: fc.boolean(),
    });
    await fc.assert(fc.asyncProperty(long, check), { numRuns: backend === 'webgpu' ? 3 : 6, seed: 77 });
  });
});
