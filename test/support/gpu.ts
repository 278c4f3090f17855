/**
 * The one GPU skip policy for tests. Without a WebGPU adapter, GPU tests are reported as skipped with the
 * reason "skipped: no adapter" — except under CI=true, where a missing adapter fails the run, so a broken
 * driver install can never turn the GPU suite silently green.
 */
import { describe, it } from 'vitest';
import { GpuDeviceManager } from '../../engine/backends/webgpu/device.js';

export const NO_ADAPTER = 'skipped: no adapter';

let probe: Promise<boolean> | undefined;

/** True when an adapter exists; false (skip) without one; throws under CI=true without one. Probed once. */
export function gpuAvailable(): Promise<boolean> {
  probe ??= (async () => {
    const manager = new GpuDeviceManager();
    const caps = await manager.capabilities();
    manager.dispose();
    if (caps) return true;
    if (process.env.CI === 'true') {
      throw new Error('CI=true: the WebGPU tests need an adapter and none was found (install Mesa lavapipe, GUIDE §1)');
    }
    return false;
  })();
  return probe;
}

/** Same as gpuAvailable, under the name the brief uses at call sites that gate on it. */
export const requireGpu = gpuAvailable;

/** A describe block that runs only with an adapter, else reports one skipped test named NO_ADAPTER. */
export function describeGpu(title: string, body: () => void): void {
  describe(title, async () => {
    if (!(await gpuAvailable())) {
      it.skip(NO_ADAPTER, () => {});
      return;
    }
    body();
  });
}
