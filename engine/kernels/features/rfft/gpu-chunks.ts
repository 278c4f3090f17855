/**
 * Splitting a batch of series into GPU-sized chunks and uploading one chunk: every buffer a dispatch binds
 * (values span, output rows, scratch) must fit one storage binding, so consecutive series are grouped
 * until the next one would overflow any of them.
 */
import type { GpuContext } from '../../../backends/webgpu/context.js';
import type { BufferLease } from '../../../backends/webgpu/buffer-lease.js';
import type { NumericArray } from '../../../types.js';

export function bindingBytes(gpu: GpuContext): number {
  const l = gpu.caps.limits;
  return Math.min(l.maxStorageBufferBindingSize, l.maxBufferSize);
}

/** [from, to) ranges; perSeries(i) gives the bytes series i adds to each per-series buffer. */
export function gpuChunks(count: number, limit: number, inputBytes: (i: number) => number, perSeriesBytes: number): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  let input = 0;
  for (let i = 0; i < count; i++) {
    const add = inputBytes(i);
    if (i > from && (input + add > limit || (i + 1 - from) * perSeriesBytes > limit)) {
      out.push([from, i]);
      from = i;
      input = 0;
    }
    input += add;
  }
  if (from < count) out.push([from, count]);
  return out;
}

export function storageBuffer(gpu: GpuContext, lease: BufferLease, data: ArrayBufferView, label: string): GPUBuffer {
  const b = lease.acquire(Math.max(16, data.byteLength), GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST, label);
  gpu.device.queue.writeBuffer(b, 0, data.buffer, data.byteOffset, data.byteLength);
  return b;
}

/** values[lo, hi) as f32 in a storage buffer (f64 input is rounded to f32 here). */
export function uploadSpan(gpu: GpuContext, lease: BufferLease, values: NumericArray, lo: number, hi: number): GPUBuffer {
  const span = values.subarray(lo, hi);
  return storageBuffer(gpu, lease, span instanceof Float32Array ? span : Float32Array.from(span), 'gpulse-series');
}

/** Copies src (bytes) to a fresh MAP_READ buffer inside encoder; read it after submit with readF32. */
export function stageCopy(lease: BufferLease, encoder: GPUCommandEncoder, src: GPUBuffer, bytes: number): GPUBuffer {
  const staging = lease.acquire(Math.max(16, bytes), GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST, 'gpulse-staging');
  encoder.copyBufferToBuffer(src, 0, staging, 0, Math.ceil(bytes / 4) * 4);
  return staging;
}

export async function readF32(staging: GPUBuffer, bytes: number): Promise<Float32Array> {
  await staging.mapAsync(GPUMapMode.READ, 0, Math.max(16, Math.ceil(bytes / 4) * 4));
  const out = new Float32Array(staging.getMappedRange(0, Math.ceil(bytes / 4) * 4).slice(0));
  staging.unmap();
  return out;
}
