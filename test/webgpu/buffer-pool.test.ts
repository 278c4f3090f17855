import { expect, it } from 'vitest';
import { BufferPool, sizeClass } from '../../engine/backends/webgpu/buffer-pool.js';
import { GpulseError } from '../../engine/errors.js';
import { uniform } from '../support/seeded.js';
import { describeGpu } from '../support/gpu.js';
import { gpuPercentile, useGpu } from './gpu-kernel-harness.js';

const usage = () => GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST;

describeGpu('buffer pool', () => {
  const gpu = useGpu();

  it('rounds sizes up to power-of-two classes (256 B minimum)', () => {
    expect([1, 256, 257, 1000, 4096, 4097].map(sizeClass)).toEqual([256, 256, 512, 1024, 4096, 8192]);
  });

  it('reuses a released buffer of the same class and usage', () => {
    const pool = new BufferPool(gpu().device, 1 << 20);
    const a = pool.acquire(1000, usage());
    expect(a.size).toBe(1024);
    pool.release(a);
    expect(pool.idleBytes).toBe(1024);
    const b = pool.acquire(900, usage());
    expect(b).toBe(a);
    expect([pool.created, pool.reused, pool.idleBytes, pool.liveBytes]).toEqual([1, 1, 0, 1024]);
    const c = pool.acquire(900, usage() | GPUBufferUsage.COPY_SRC);
    expect(c).not.toBe(a);
    pool.release(b);
    pool.release(c);
    pool.clear();
    expect(pool.idleBytes).toBe(0);
  });

  it('keeps at most capBytes idle and destroys the rest', () => {
    const pool = new BufferPool(gpu().device, 4096);
    const bufs = [pool.acquire(2048, usage()), pool.acquire(2048, usage()), pool.acquire(2048, usage())];
    for (const b of bufs) pool.release(b);
    expect(pool.idleBytes).toBe(4096);
    expect(pool.liveBytes).toBe(0);
    expect(pool.acquire(2048, usage())).toBe(bufs[1]); // the third went over the cap and was destroyed
    expect(pool.acquire(2048, usage())).toBe(bufs[0]);
    expect(pool.created).toBe(3);
  });

  it('every pooled buffer of a kernel call is released at its end, and reused by the next call', async () => {
    const pool = gpu().buffers;
    const values = Float32Array.from(uniform(200_000, 3));
    const args = { values, q: Float64Array.of(0.5, 0.9), method: 'linear' as const };
    await gpuPercentile(gpu(), args);
    expect(pool.liveBytes).toBe(0);
    const created = pool.created;
    await gpuPercentile(gpu(), args);
    expect(pool.liveBytes).toBe(0);
    expect(pool.created).toBe(created);
    expect(pool.reused).toBeGreaterThan(0);
  });

  it('releases them on error too (aborted call)', async () => {
    const pool = gpu().buffers;
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    const values = Float64Array.from(uniform(100_000, 4));
    const error = await gpuPercentile(gpu(), { values, q: Float64Array.of(0.5), method: 'linear' }, controller.signal).catch((e) => e);
    expect(error).toBeInstanceOf(GpulseError);
    expect((error as GpulseError).code).toBe('ABORTED');
    expect(pool.liveBytes).toBe(0);
  });
});
