/** Reading results back: copy into a pooled MAP_READ buffer inside the caller's encoder, then map it. */
import type { BufferLease } from './buffer-lease.js';

/** A staging buffer to copy results into before submit; read it with readU32 after. */
export function stagingBuffer(lease: BufferLease, bytes: number): GPUBuffer {
  return lease.acquire(bytes, GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST, 'gpulse-staging');
}

/** Maps a staging buffer, copies out `bytes`, unmaps it and returns it to the lease. */
export async function readU32(lease: BufferLease, staging: GPUBuffer, bytes: number): Promise<Uint32Array> {
  await staging.mapAsync(GPUMapMode.READ, 0, bytes);
  const out = new Uint32Array(staging.getMappedRange(0, bytes).slice(0));
  staging.unmap();
  lease.release(staging);
  return out;
}
