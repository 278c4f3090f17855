import { expect, it } from 'vitest';
import { selectPipeline } from '../../engine/kernels/percentile/gpu-pipelines.js';
import { uniform } from '../support/seeded.js';
import { describeGpu } from '../support/gpu.js';
import { gpuPercentile, useGpu } from './gpu-kernel-harness.js';

describeGpu('pipeline cache', () => {
  const gpu = useGpu();

  it('returns the same pipeline object for the same kernel and compile-time hint', () => {
    const a = selectPipeline(gpu(), 'histogram', true, false);
    const b = selectPipeline(gpu(), 'histogram', true, false);
    expect(b).toBe(a);
    expect(selectPipeline(gpu(), 'histogram', true, true)).not.toBe(a);
    expect(selectPipeline(gpu(), 'histogram', false, false)).not.toBe(a);
  });

  it('builds no pipeline for a new input size: sizes travel in buffers, not in the key', async () => {
    const q = Float64Array.of(0.1, 0.5, 0.99);
    for (const F of [Float32Array, Float64Array]) {
      await gpuPercentile(gpu(), { values: F.from(uniform(300_000, 1)), q, method: 'linear' });
      const { size, misses } = gpu().pipelines;
      for (const n of [3_000, 150_000, 400_000]) {
        await gpuPercentile(gpu(), { values: F.from(uniform(n, n)), q, method: 'linear' });
      }
      expect(gpu().pipelines.size).toBe(size);
      expect(gpu().pipelines.misses).toBe(misses);
    }
    expect(gpu().pipelines.hits).toBeGreaterThan(0);
  });
});
