import { afterEach, expect, it } from 'vitest';
import { GpuDeviceManager } from '../../engine/backends/webgpu/device.js';
import { describeGpu } from '../support/gpu.js';

describeGpu('GpuDeviceManager (Node, Dawn)', () => {
  let manager: GpuDeviceManager | undefined;
  afterEach(() => manager?.dispose());

  it('probes the adapter once and reports its limits', async () => {
    manager = new GpuDeviceManager();
    const first = manager.capabilities();
    expect(manager.capabilities()).toBe(first);
    const caps = (await first)!;
    expect(caps.vendor.length + caps.description.length).toBeGreaterThan(0);
    expect(caps.limits.maxStorageBufferBindingSize).toBeGreaterThanOrEqual(128 * 1024 * 1024);
    expect(caps.limits.maxComputeWorkgroupsPerDimension).toBeGreaterThanOrEqual(65535);
  });

  it('acquires one live device and hands the same context out again', async () => {
    manager = new GpuDeviceManager();
    const a = (await manager.acquire())!;
    const [b, c] = await Promise.all([manager.acquire(), manager.acquire()]);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(a.isLost).toBe(false);
    // Requested at the adapter's maximum, not the WebGPU defaults.
    expect(a.device.limits.maxStorageBufferBindingSize).toBe(a.caps.limits.maxStorageBufferBindingSize);
  });

  it('notices device.lost and creates a new device on the next acquire', async () => {
    manager = new GpuDeviceManager();
    const a = (await manager.acquire())!;
    a.device.destroy();
    await a.lost;
    expect(a.isLost).toBe(true);
    const b = (await manager.acquire())!;
    expect(b).not.toBe(a);
    expect(b.device).not.toBe(a.device);
    expect(b.isLost).toBe(false);
  });

  it('markLost drops the device; dispose makes acquire return null', async () => {
    manager = new GpuDeviceManager();
    const a = (await manager.acquire())!;
    manager.markLost();
    expect(a.isLost).toBe(true);
    expect(await manager.acquire()).not.toBe(a);
    manager.dispose();
    expect(await manager.acquire()).toBeNull();
  });

  it('lowers planning limits on request (tests force chunking with it), never the device limits', async () => {
    manager = new GpuDeviceManager({ limits: { maxStorageBufferBindingSize: 4096, maxComputeWorkgroupsPerDimension: 3 } });
    const ctx = (await manager.acquire())!;
    expect(ctx.caps.limits.maxStorageBufferBindingSize).toBe(4096);
    expect(ctx.caps.limits.maxComputeWorkgroupsPerDimension).toBe(3);
    expect(ctx.device.limits.maxStorageBufferBindingSize).toBeGreaterThan(4096);
  });
});
