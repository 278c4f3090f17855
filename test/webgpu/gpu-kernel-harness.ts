/** Runs the WebGPU kernels directly on a context (no engine, no fallback), for the tests in this folder. */
import { afterAll, beforeAll } from 'vitest';
import { GpuDeviceManager, type GpuDeviceOptions } from '../../engine/backends/webgpu/device.js';
import type { GpuContext } from '../../engine/backends/webgpu/context.js';
import { TelemetryRecorder } from '../../engine/telemetry.js';
import { percentileWebgpu } from '../../engine/kernels/percentile/percentile.webgpu.js';
import { groupedPercentileWebgpu } from '../../engine/kernels/percentile/grouped-percentile.webgpu.js';
import type { PercentileArgs } from '../../engine/kernels/percentile/percentile.contract.js';
import type { GroupedPercentileArgs } from '../../engine/kernels/percentile/grouped-percentile.contract.js';

/** One device for the enclosing describe block; `gpu()` returns its live context. */
export function useGpu(options: GpuDeviceOptions = {}): () => GpuContext {
  let manager: GpuDeviceManager;
  let ctx: GpuContext;
  beforeAll(async () => {
    manager = new GpuDeviceManager(options);
    ctx = (await manager.acquire())!;
  });
  afterAll(() => manager.dispose());
  return () => ctx;
}

export async function gpuPercentile(gpu: GpuContext, args: PercentileArgs, signal?: AbortSignal) {
  const telemetry = new TelemetryRecorder();
  const out = await percentileWebgpu.run(args, { telemetry, gpu, signal });
  return { out, telemetry };
}

export async function gpuGroupedPercentile(gpu: GpuContext, args: GroupedPercentileArgs) {
  const telemetry = new TelemetryRecorder();
  const out = await groupedPercentileWebgpu.run(args, { telemetry, gpu });
  return { out, telemetry };
}
