/**
 * The pooled buffers one kernel call holds. Everything acquired through the lease goes back to the pool in
 * releaseAll(), which kernels call in `finally`, so an error or abort never leaks GPU memory.
 */
import type { BufferPool } from './buffer-pool.js';

export class BufferLease {
  private readonly held = new Set<GPUBuffer>();

  constructor(private readonly pool: BufferPool) {}

  acquire(bytes: number, usage: GPUBufferUsageFlags, label?: string): GPUBuffer {
    const b = this.pool.acquire(bytes, usage, label);
    this.held.add(b);
    return b;
  }

  /** Returns one buffer early (work already submitted may still use it: the queue orders later writes after it). */
  release(buffer: GPUBuffer): void {
    if (this.held.delete(buffer)) this.pool.release(buffer);
  }

  releaseAll(): void {
    for (const b of this.held) this.pool.release(b);
    this.held.clear();
  }
}
