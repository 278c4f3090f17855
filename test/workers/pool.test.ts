/** The kernel worker pool: calls issued together spread over the workers, and results equal the main thread's. */
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../engine/workers/pool.js';
import { catch22Kernel, type Catch22Args } from '../../engine/kernels/features/catch22/catch22-set.contract.js';
import { uniform } from '../support/seeded.js';

function args(seed: number): Catch22Args {
  const n = 20;
  const L = 500;
  return { values: uniform(n * L, seed), starts: Uint32Array.from({ length: n }, (_, i) => i * L), lengths: new Uint32Array(n).fill(L), catch24: true };
}

describe('WorkerPool', () => {
  const pool = new WorkerPool(2);
  afterAll(() => pool.terminate());

  it('puts two calls issued in the same tick on different workers', async () => {
    const a = args(1);
    const b = args(2);
    const expectedA = catch22Kernel.reference(a);
    const expectedB = catch22Kernel.reference(b);
    const calls = [pool.run('catch22Set', a), pool.run('catch22Set', b)];
    expect(pool.load()).toEqual([1, 1]);
    const [ra, rb] = await Promise.all(calls);
    expect(pool.load()).toEqual([0, 0]);
    expect(catch22Kernel.compare(ra, expectedA, a, 'wasm')).toBeNull();
    expect(catch22Kernel.compare(rb, expectedB, b, 'wasm')).toBeNull();
  });

  it('moves only the buffers it is told to: the rest stays usable by the caller', async () => {
    const a = args(3);
    const shared = a.lengths;
    await pool.run('catch22Set', a, [a.values.buffer as ArrayBuffer]);
    expect(a.values.byteLength).toBe(0); // moved
    expect(shared.length).toBe(20); // copied, still here
  });
});
