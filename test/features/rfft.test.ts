/** Kernel `rfft`: the declared cases and random batches on every backend against the O(n²) DFT, and engine.rfft's API. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeOnEveryBackend, kernelCases, runOn } from '../kernels/run-kernel-cases.js';
import { batchOf, rfftCases } from '../kernels/cases/features.cases.js';
import { rfftKernel, type RfftArgs } from '../../engine/kernels/features/rfft/rfft.contract.js';
import { createEngine } from '../../engine/index.js';

kernelCases('rfft', rfftCases);

const series = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { maxLength: 300 });
const argsArb = fc.record({
  series: fc.array(series, { minLength: 1, maxLength: 6 }),
  f32: fc.boolean(),
  // undefined: the next power of two ≥ the longest series; else possibly shorter (truncation).
  logN: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
  window: fc.constantFrom('none' as const, 'hann' as const),
  output: fc.constantFrom('magnitude' as const, 'complex' as const),
});

describeOnEveryBackend('rfft properties', (backend, engine) => {
  it('agrees with the O(n²) DFT within ε·max|X|·log2 n on random ragged batches', async () => {
    await fc.assert(
      fc.asyncProperty(argsArb, async (r) => {
        const longest = Math.max(1, ...r.series.map((s) => s.length));
        const n = r.logN === undefined ? 2 ** Math.ceil(Math.log2(longest)) : 2 ** r.logN;
        const args: RfftArgs = { ...batchOf(r.series, r.f32), n, window: r.window, output: r.output };
        const out = await runOn(engine(), 'rfft', args, backend);
        expect(rfftKernel.compare(out, rfftKernel.reference(args), args, backend)).toBeNull();
      }),
      { numRuns: backend === 'webgpu' ? 15 : 60, seed: 20261124 },
    );
  });
});

describe('engine.rfft', () => {
  const engine = createEngine({ backend: 'js', workers: 0 });

  it('pads to the next power of two of the longest series by default: bins = n/2 + 1', async () => {
    const r = await engine.rfft({ values: new Float64Array(10).fill(1), offsets: Uint32Array.of(0, 3, 10) });
    expect(r.n).toBe(8);
    expect(r.bins).toBe(5);
    expect(r.count).toBe(2);
    expect(r.values).toBeInstanceOf(Float64Array);
    expect(r.values.length).toBe(10);
    // A 7-point box of ones has DC magnitude 7.
    expect(r.values[5]).toBeCloseTo(7, 12);
  });

  it('keeps the input precision: Float32Array in, Float32Array out', async () => {
    const r = await engine.rfft({ values: new Float32Array(64), length: 16 }, { output: 'complex' });
    expect(r.values).toBeInstanceOf(Float32Array);
    expect(r.values.length).toBe(4 * 2 * 9);
  });

  it('truncates series longer than an explicit n', async () => {
    const x = Float64Array.from({ length: 32 }, (_, i) => i);
    const a = await engine.rfft({ values: x }, { n: 8 });
    const b = await engine.rfft({ values: x.subarray(0, 8) }, { n: 8 });
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
  });

  it('rejects n that is not a power of two, and unknown window/output, naming the option', async () => {
    await expect(engine.rfft({ values: [1, 2, 3] }, { n: 12 })).rejects.toThrow(/^n: 12/);
    await expect(engine.rfft({ values: [1, 2, 3] }, { window: 'hamming' as never })).rejects.toThrow(/window/);
    await expect(engine.rfft({ values: [1, 2, 3] }, { output: 'phase' as never })).rejects.toThrow(/output/);
  });
});
