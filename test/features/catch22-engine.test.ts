/** catch22Set through the engine: every backend equals the reference (the kernel contract), workers included. */
import { describe, expect, it } from 'vitest';
import { kernelCases } from '../kernels/run-kernel-cases.js';
import { catch22Kernel, type Catch22Args } from '../../engine/kernels/features/catch22/catch22-set.contract.js';
import { createEngine } from '../../engine/index.js';
import { lognormal, uniform } from '../support/seeded.js';

function batch(series: Float64Array[], catch24: boolean): Catch22Args {
  const lengths = Uint32Array.from(series, (s) => s.length);
  const starts = new Uint32Array(series.length);
  for (let i = 1; i < series.length; i++) starts[i] = starts[i - 1] + lengths[i - 1];
  const values = new Float64Array(starts.at(-1)! + lengths.at(-1)!);
  series.forEach((s, i) => values.set(s, starts[i]));
  return { values, starts, lengths, catch24 };
}

const walk = (n: number, seed: number) => {
  const u = uniform(n, seed, -1, 1);
  for (let i = 1; i < n; i++) u[i] += u[i - 1];
  return u;
};

kernelCases('catch22Set', [
  { name: 'mixed lengths catch24', args: batch([uniform(1024, 1), walk(300, 2), lognormal(50, 3), new Float64Array(5), Float64Array.of(NaN, ...uniform(40, 4))], true) },
  { name: 'catch22 columns', args: batch([walk(500, 5), uniform(2000, 6)], false) },
  { name: 'constant and too short', args: batch([new Float64Array(100).fill(3), uniform(9, 7)], true) },
]);

describe('catch24 over many series uses the worker pool and keeps row order', () => {
  it('splits across workers and equals the reference', async () => {
    const series = Array.from({ length: 300 }, (_, i) => (i % 2 ? walk(1024, i) : uniform(1024, i)));
    const args = batch(series, true);
    const engine = createEngine({ backend: 'wasm', workers: 2 });
    try {
      const r = await engine.features({ values: args.values, offsets: Uint32Array.of(...args.starts, args.values.length) }, { set: 'catch24' });
      expect(r.backend).toBe('wasm');
      expect(r.telemetry.stages.some((s) => s.stage.includes('workers'))).toBe(true);
      const expected = catch22Kernel.reference(args);
      expect(catch22Kernel.compare({ values: r.values, status: r.status }, expected, args, 'wasm')).toBeNull();
    } finally {
      engine.dispose();
    }
  });
});
