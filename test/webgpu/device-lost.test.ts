/**
 * Device loss while a call is in flight: the kernel reports GpulseError('DEVICE_LOST'), the engine redoes
 * the call on WASM (same exact answer, telemetry.fallbackFrom = 'webgpu'), and a later call gets a new device.
 */
import { expect, it } from 'vitest';
import { GpuDeviceManager } from '../../engine/backends/webgpu/device.js';
import type { GpuContext } from '../../engine/backends/webgpu/context.js';
import { GpulseError } from '../../engine/errors.js';
import { percentileReference } from '../../engine/kernels/percentile/percentile.contract.js';
import { uniform } from '../support/seeded.js';
import { describeGpu } from '../support/gpu.js';
import { gpuPercentile } from './gpu-kernel-harness.js';

/** Destroys the device right after its first queue submission, i.e. with GPU work in flight. */
function destroyOnFirstSubmit(gpu: GpuContext): void {
  const queue = gpu.device.queue;
  const submit = queue.submit.bind(queue);
  queue.submit = (buffers: Iterable<GPUCommandBuffer>) => {
    submit(buffers);
    queue.submit = submit;
    gpu.device.destroy();
  };
}

const q = Float64Array.of(0.01, 0.5, 0.99);

describeGpu('device loss', () => {
  it('a kernel whose device is destroyed mid-run throws DEVICE_LOST and leaks no buffer', async () => {
    const manager = new GpuDeviceManager();
    const gpu = (await manager.acquire())!;
    destroyOnFirstSubmit(gpu);
    const values = Float32Array.from(uniform(300_000, 1));
    const error = await gpuPercentile(gpu, { values, q, method: 'linear' }).catch((e) => e);
    expect(error).toBeInstanceOf(GpulseError);
    expect((error as GpulseError).code).toBe('DEVICE_LOST');
    expect(gpu.isLost).toBe(true);
    expect(gpu.buffers.liveBytes).toBe(0);
    // A lost context refuses work up front.
    const again = await gpuPercentile(gpu, { values, q, method: 'linear' }).catch((e) => e);
    expect((again as GpulseError).code).toBe('DEVICE_LOST');
    manager.dispose();
  });

  it('the engine redoes the call on WASM, then reacquires a device for the next call', async () => {
    // Imported here so the kernel-level test above runs even while other backends are being written.
    const { createEngine } = await import('../../engine/index.js');
    const engine = createEngine({ backend: 'webgpu', workers: 0 });
    try {
      const values = Float64Array.from(uniform(300_000, 2, -10, 10));
      const expected = percentileReference({ values, q, method: 'linear' }).values;
      const first = (await engine.core.gpu.acquire())!;
      destroyOnFirstSubmit(first);

      const lost = await engine.percentiles(values, { q });
      expect(lost.backend).toBe('wasm');
      expect(lost.telemetry.fallbackFrom).toBe('webgpu');
      expect(Array.from(lost.values)).toEqual(Array.from(expected));

      const next = await engine.percentiles(values, { q });
      expect(next.backend).toBe('webgpu');
      expect(next.telemetry.fallbackFrom).toBeUndefined();
      expect(Array.from(next.values)).toEqual(Array.from(expected));
      const second = (await engine.core.gpu.acquire())!;
      expect(second).not.toBe(first);
      expect(second.isLost).toBe(false);
    } finally {
      engine.dispose();
    }
  });
});
