/** The WebGPU percentile kernel equals percentileReference bit for bit (f32 and f64, every method). */
import { expect, it } from 'vitest';
import fc from 'fast-check';
import { percentileKernel, type PercentileArgs } from '../../engine/kernels/percentile/percentile.contract.js';
import { PERCENTILE_METHODS } from '../../engine/kernels/percentile/positions.js';
import { lognormal, uniform } from '../support/seeded.js';
import { describeGpu } from '../support/gpu.js';
import { gpuPercentile, useGpu } from './gpu-kernel-harness.js';

const Q = Float64Array.of(0, 0.001, 0.01, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1);
const SUB32 = 1.401298464324817e-45;

const cases: Record<string, ArrayLike<number>> = {
  'size 0': [],
  'size 1': [-3.5],
  'size 2': [2, -2],
  'signed zeros': [0, -0, -0, 0, 0, -0],
  infinities: [Infinity, -Infinity, 1, Infinity, -Infinity, -1, 0],
  'f64 subnormals': [5e-324, -5e-324, 1e-310, -1e-310, 0, -0, 2.2250738585072014e-308],
  'f32 subnormals': [SUB32, -SUB32, 3 * SUB32, 1e-40, -1e-40, 0, -0, 1.1754943508222875e-38],
  'NaN only': [NaN, NaN],
  'NaN mixed': Array.from({ length: 3001 }, (_, i) => (i % 5 === 0 ? NaN : Math.cos(i) * 1e3)),
  'NaN with infinities': [NaN, Infinity, -Infinity, NaN, Infinity, 3],
  ties: Array.from({ length: 10_000 }, (_, i) => i % 4),
  'all equal': new Array(70_000).fill(-1.25),
  extremes: [Number.MAX_VALUE, -Number.MAX_VALUE, 3.4028234663852886e38, -3.4028234663852886e38, 1, -1],
  lognormal: lognormal(100_000, 11, 0, 3),
};

function check(out: unknown, args: PercentileArgs): void {
  expect(percentileKernel.compare(out as never, percentileKernel.reference(args), args, 'webgpu')).toBeNull();
}

describeGpu('percentile on WebGPU equals the reference', () => {
  const gpu = useGpu();

  for (const [name, data] of Object.entries(cases)) {
    it(`${name} (f32, f64; every method)`, async () => {
      for (const values of [Float32Array.from(data), Float64Array.from(data)]) {
        for (const method of PERCENTILE_METHODS) {
          const args = { values, q: Q, method };
          check((await gpuPercentile(gpu(), args)).out, args);
        }
      }
    });
  }

  it('1e6 values, f32 and f64, records upload/histogram/compact/readback telemetry', async () => {
    const data = uniform(1_000_000, 5, -1e6, 1e6);
    for (let i = 0; i < data.length; i += 1009) data[i] = NaN;
    for (const values of [Float32Array.from(data), Float64Array.from(data)]) {
      const args = { values, q: Q, method: 'linear' as const };
      const { out, telemetry } = await gpuPercentile(gpu(), args);
      check(out, args);
      const stages = new Set(telemetry.stages.map((s) => s.stage));
      for (const s of ['upload', 'histogram', 'compact', 'readback']) expect(stages).toContain(s);
      expect(telemetry.bytesUploaded).toBeGreaterThanOrEqual(values.byteLength);
      expect(telemetry.bytesReadBack).toBeGreaterThan(0);
    }
  });

  it('matches on random inputs (fast-check: NaN, ±0, ±Inf, subnormals, ties)', async () => {
    const special = fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 5e-324, -5e-324, SUB32, -SUB32, Number.MAX_VALUE);
    const value = fc.oneof({ weight: 4, arbitrary: fc.double() }, { weight: 2, arbitrary: fc.integer({ min: -3, max: 3 }) }, { weight: 1, arbitrary: special });
    await fc.assert(
      fc.asyncProperty(
        fc.array(value, { maxLength: 5000 }),
        fc.boolean(),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...PERCENTILE_METHODS),
        async (data, f32, q, method) => {
          const args = { values: f32 ? Float32Array.from(data) : Float64Array.from(data), q: Float64Array.from(q), method };
          check((await gpuPercentile(gpu(), args)).out, args);
        },
      ),
      { numRuns: 25, seed: 4242 },
    );
  });

  it('narrows a heavily concentrated input over several rounds (keys differing only in low bits)', async () => {
    // 200k distinct f64 values in [1, 1 + 2^-30): the top 34 key bits are equal, so selection needs many digits.
    const values = Float64Array.from({ length: 200_000 }, (_, i) => 1 + ((i * 7919) % 200_000) * 2 ** -48);
    const args = { values, q: Float64Array.of(0.1, 0.5, 0.9), method: 'nearest' as const };
    check((await gpuPercentile(gpu(), args)).out, args);
  });
});
