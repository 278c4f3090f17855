/**
 * What a WebGPU kernel implementation gets: the device, its capabilities, and the per-device caches.
 * Created by GpuDeviceManager (device.ts); caches live in WeakMaps keyed by the device so a lost or
 * destroyed device takes them with it.
 */
import type { GpuCapabilities } from '../../capabilities.js';
import type { PipelineCache } from './pipeline-cache.js';
import type { BufferPool } from './buffer-pool.js';

export interface GpuContext {
  device: GPUDevice;
  caps: GpuCapabilities;
  pipelines: PipelineCache;
  buffers: BufferPool;
  /** True once device.lost resolved or the device was destroyed; kernels then throw GpulseError('DEVICE_LOST'). */
  readonly isLost: boolean;
}
