/** The WASM sampled path: window planning (radix-windows.ts) and which path a call takes. */
import { describe, expect, it } from 'vitest';
import { assignRanks, sampleWindows, valueWindows } from '../../engine/kernels/percentile/radix-windows.js';
import { radixPercentilesWasm } from '../../engine/kernels/percentile/radix-percentiles.wasm.js';
import { percentileKernel } from '../../engine/kernels/percentile/percentile.contract.js';
import { percentileModule } from './radix-helpers.js';
import { uniform } from '../support/seeded.js';

describe('rank windows from a sample', () => {
  it('centre each q in the sample, widen with the binomial spread, clamp to open ends', () => {
    const [w] = sampleWindows(Float64Array.from([0.5]), 10_000);
    expect(w.lo).toBeLessThan(5000);
    expect(w.hi).toBeGreaterThan(5000);
    expect(w.hi - w.lo).toBeLessThan(500);
    expect(sampleWindows(Float64Array.from([0]), 10_000)[0].lo).toBe(-1);
    expect(sampleWindows(Float64Array.from([1]), 10_000)[0].hi).toBe(10_000);
  });

  it('merge windows whose sample positions overlap, in ascending order', () => {
    const w = sampleWindows(Float64Array.from([0.99, 0.5, 0.501]), 10_000);
    expect(w).toHaveLength(2);
    expect(w[0].hi).toBeLessThan(w[1].lo);
  });

  it('merge value windows that touch, including −0 next to +0', () => {
    const values = [-1, -0, 0, 2];
    const w = valueWindows([{ lo: 0, hi: 1 }, { lo: 2, hi: 3 }], (p) => values[p], 4);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ lo: -1, hi: 2, span: { lo: 0, hi: 3 } });
  });

  it('assign each rank to the window holding it, or report a miss or an overflowed buffer', () => {
    const counts = [
      { below: 10, inside: 5, cap: 8 },
      { below: 40, inside: 3, cap: 8 },
    ];
    expect(assignRanks(Float64Array.from([10, 14, 41]), counts)).toEqual([
      { window: 0, rel: 0 },
      { window: 0, rel: 4 },
      { window: 1, rel: 1 },
    ]);
    expect(assignRanks(Float64Array.from([15]), counts)).toBeNull();
    expect(assignRanks(Float64Array.from([9]), counts)).toBeNull();
    expect(assignRanks(Float64Array.from([11]), [{ below: 10, inside: 9, cap: 8 }])).toBeNull();
  });
});

describe('radixPercentilesWasm takes the path the input calls for, with the same exact result', () => {
  const cases: [string, Float64Array | Float32Array, number[], string][] = [
    ['small input: exact', uniform(1000, 1), [0.5], 'exact'],
    ['large input, four q: sampled', Float32Array.from(uniform(400_000, 2)), [0.5, 0.9, 0.95, 0.99], 'sampled'],
    ['large f64 input: sampled', uniform(300_000, 3), [0.01, 0.5], 'sampled'],
    ['heavy ties: exact after the sample', Float64Array.from({ length: 300_000 }, (_, i) => (i % 3 ? 0 : i)), [0.5], 'exact after sample miss'],
    ['more than four windows: exact after the sample', uniform(300_000, 4), [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9], 'exact after sample miss'],
    ['all NaN: exact after the sample', new Float32Array(300_000).fill(NaN), [0.5], 'exact after sample miss'],
  ];
  for (const [name, values, q, path] of cases) {
    it(name, async () => {
      const h = await percentileModule();
      const args = { values, q: Float64Array.from(q), method: 'linear' as const };
      const run = radixPercentilesWasm(h, values, args.q, args.method);
      expect(run.path).toBe(path);
      expect(percentileKernel.compare(run.out, percentileKernel.reference(args), args, 'wasm')).toBeNull();
    });
  }
});
