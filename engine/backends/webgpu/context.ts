/**
 * What a WebGPU kernel implementation gets: the device, its capabilities, and the per-device caches.
 * Created by GpuDeviceManager (device.ts); caches live in WeakMaps keyed by the device so a lost or
 * destroyed device takes them with it.
 */
import type { GpuCapabilities } from '../../capabilities.js';
import { PipelineCache } from './pipeline-cache.js';
import { BufferPool } from './buffer-pool.js';

export interface GpuContext {
  device: GPUDevice;
  /** Adapter description with the limits of this device (possibly lowered by GpuDeviceManager options). */
  caps: GpuCapabilities;
  pipelines: PipelineCache;
  buffers: BufferPool;
  /** True once device.lost resolved or the device was destroyed; kernels then throw GpulseError('DEVICE_LOST'). */
  readonly isLost: boolean;
  /** Settles when the device is lost; kernels race it after a failed GPU operation to tell loss from a bug. */
  readonly lost: Promise<void>;
}

/** The one GpuContext implementation: watches device.lost and empties the pool when it fires. */
export class LiveGpuContext implements GpuContext {
  readonly pipelines: PipelineCache;
  readonly buffers: BufferPool;
  readonly lost: Promise<void>;
  private lostFlag = false;

  constructor(
    readonly device: GPUDevice,
    readonly caps: GpuCapabilities,
    poolBytes?: number,
  ) {
    this.pipelines = new PipelineCache(device);
    this.buffers = new BufferPool(device, poolBytes);
    this.lost = device.lost.then(() => this.markLost());
  }

  get isLost(): boolean {
    return this.lostFlag;
  }

  /** Marks the context dead and frees what it holds; the device is destroyed so its memory goes back too. */
  markLost(): void {
    if (this.lostFlag) return;
    this.lostFlag = true;
    this.buffers.dispose();
    this.device.destroy();
  }
}
