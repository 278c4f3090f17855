/**
 * Input upload for the GPU percentile kernels. Values go up as raw IEEE bits (keys are made in WGSL), split
 * into chunks no larger than one storage binding (and one buffer) so any input size can be bound.
 */
import type { RunContext } from '../contract.js';
import type { NumericArray } from '../../types.js';
import type { GpuContext } from '../../backends/webgpu/context.js';
import type { BufferLease } from '../../backends/webgpu/buffer-lease.js';
import { withErrorScopes } from '../../backends/webgpu/errors.js';
import type { SelectSource } from './gpu-work-lists.js';
import type { Piece } from './gpu-targets.js';

/** Bytes one buffer may hold and still be bound whole. */
export function maxBindingBytes(gpu: GpuContext): number {
  const l = gpu.caps.limits;
  return Math.min(l.maxStorageBufferBindingSize, l.maxBufferSize);
}

export async function uploadValues(
  gpu: GpuContext,
  lease: BufferLease,
  run: RunContext,
  values: NumericArray,
): Promise<{ sources: SelectSource[]; pieces: Piece[] }> {
  const bpe = values.BYTES_PER_ELEMENT;
  const perChunk = Math.max(1, Math.floor(maxBindingBytes(gpu) / bpe));
  const sources: SelectSource[] = [];
  const pieces: Piece[] = [];
  const { errors } = run.telemetry.stage('upload', () =>
    withErrorScopes(gpu.device, () => {
      for (let start = 0; start < values.length; start += perChunk) {
        const length = Math.min(perChunk, values.length - start);
        const buffer = lease.acquire(length * bpe, GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST, 'gpulse-input');
        gpu.device.queue.writeBuffer(buffer, 0, values.buffer, values.byteOffset + start * bpe, length * bpe);
        pieces.push({ source: sources.length, start: 0, end: length });
        sources.push({ buffer, raw: true, length });
      }
    }),
  );
  run.telemetry.bytesUploaded += values.byteLength;
  await errors;
  return { sources, pieces };
}

/** A small u32 array as a storage buffer (group ids, cursors). */
export function uploadU32(gpu: GpuContext, lease: BufferLease, run: RunContext, data: Uint32Array, label: string): GPUBuffer {
  const buffer = lease.acquire(Math.max(4, data.byteLength), GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST, label);
  gpu.device.queue.writeBuffer(buffer, 0, data.buffer, data.byteOffset, data.byteLength);
  run.telemetry.bytesUploaded += data.byteLength;
  return buffer;
}
