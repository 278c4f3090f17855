/**
 * Owns the engine's WebGPU device: probes the adapter once, creates the device on first use with the
 * adapter's full limits for the sizes kernels care about, and after a loss (device.lost, or the engine's
 * markLost when a kernel reported DEVICE_LOST) hands out a fresh device on the next acquire().
 * An adapter can create one device only, so every new device comes from a newly requested adapter.
 */
import { describeAdapter, type GpuCapabilities } from '../../capabilities.js';
import { LiveGpuContext, type GpuContext } from './context.js';
import { getGpu } from './gpu-entry.js';

type Limits = GpuCapabilities['limits'];

export interface GpuDeviceOptions {
  /** Cap on idle bytes kept in the buffer pool. */
  poolBytes?: number;
  /** Lowers the limits kernels plan with (never the device's own): tests use it to force chunking and 2-D dispatch. */
  limits?: Partial<Limits>;
}

/** Limits requested at the adapter's maximum: larger bindings mean fewer chunks and passes. */
const RAISED_LIMITS = [
  'maxStorageBufferBindingSize',
  'maxBufferSize',
  'maxComputeWorkgroupStorageSize',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupsPerDimension',
  'maxStorageBuffersPerShaderStage',
] as const;

async function requestAdapter(): Promise<GPUAdapter | null> {
  const gpu = await getGpu();
  if (!gpu) return null;
  try {
    return await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch {
    return null;
  }
}

async function describe(adapter: GPUAdapter): Promise<GpuCapabilities> {
  return describeAdapter(adapter, (await getGpu())?.wgslLanguageFeatures);
}

async function deviceCaps(adapter: GPUAdapter, device: GPUDevice, lower: Partial<Limits> = {}): Promise<GpuCapabilities> {
  const caps = await describe(adapter);
  const limits = { ...caps.limits };
  for (const k of Object.keys(limits) as (keyof Limits)[]) {
    limits[k] = Math.min(device.limits[k], lower[k] ?? Infinity);
  }
  return { ...caps, limits };
}

export class GpuDeviceManager {
  private caps: Promise<GpuCapabilities | null> | undefined;
  /** The adapter probed by capabilities(), kept for the first device. */
  private spare: GPUAdapter | null = null;
  private current: LiveGpuContext | null = null;
  private pending: Promise<GpuContext | null> | undefined;
  private disposed = false;

  constructor(private readonly opts: GpuDeviceOptions = {}) {}

  /** Adapter description (probed once, and again after a device loss); null when there is no adapter. */
  capabilities(): Promise<GpuCapabilities | null> {
    this.caps ??= requestAdapter().then((adapter) => {
      this.spare = adapter;
      return adapter ? describe(adapter) : null;
    });
    return this.caps;
  }

  /** The live context, creating a device when there is none (first call, or after a loss). */
  acquire(): Promise<GpuContext | null> {
    if (this.disposed) return Promise.resolve(null);
    if (this.current && !this.current.isLost) return Promise.resolve(this.current);
    this.pending ??= this.create().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async create(): Promise<GpuContext | null> {
    if (!(await this.capabilities())) return null;
    const adapter = this.spare ?? (await requestAdapter());
    this.spare = null;
    if (!adapter) return null;
    const requiredLimits: Record<string, number> = {};
    for (const k of RAISED_LIMITS) requiredLimits[k] = adapter.limits[k];
    let device: GPUDevice;
    try {
      device = await adapter.requestDevice({ label: 'gpulse', requiredLimits });
    } catch {
      this.caps = undefined; // probe again next time: the adapter may have gone away
      return null;
    }
    if (this.disposed) {
      device.destroy();
      return null;
    }
    const ctx = new LiveGpuContext(device, await deviceCaps(adapter, device, this.opts.limits), this.opts.poolBytes);
    void ctx.lost.then(() => this.forget(ctx));
    this.current = ctx;
    return ctx;
  }

  private forget(ctx: LiveGpuContext): void {
    if (this.current !== ctx) return;
    this.current = null;
    this.caps = undefined;
  }

  /**
   * Called by the engine when a kernel reported DEVICE_LOST on `lost` (default: the current device): drop it;
   * the next acquire() makes a new one. A late report about an older device leaves a newer one alone.
   */
  markLost(lost?: GpuContext): void {
    const ctx = this.current;
    if (!ctx || (lost && lost !== ctx)) return;
    this.forget(ctx);
    ctx.markLost();
  }

  dispose(): void {
    this.disposed = true;
    this.markLost();
  }
}
