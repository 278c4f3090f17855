/**
 * GPU buffers pooled by (size class, usage): sizes round up to a power of two (min 256 B) so buffers are
 * reused across calls of different sizes; the pool keeps at most `capBytes` of idle buffers and destroys
 * the rest. Counters feed telemetry and tests.
 */
const MIN_CLASS = 256;

export function sizeClass(bytes: number): number {
  let c = MIN_CLASS;
  while (c < bytes) c *= 2;
  return c;
}

export class BufferPool {
  private readonly idle = new Map<string, GPUBuffer[]>();
  private disposed = false;
  idleBytes = 0;
  liveBytes = 0;
  created = 0;
  reused = 0;

  constructor(
    readonly device: GPUDevice,
    readonly capBytes = 256 * 1024 * 1024,
  ) {}

  /** A buffer of at least `bytes` with exactly `usage`; release() it when the call is done. */
  acquire(bytes: number, usage: GPUBufferUsageFlags, label = 'gpulse'): GPUBuffer {
    let size = sizeClass(bytes);
    // Near the device's ceiling a power of two may not exist: such buffers are sized exactly and rarely reused.
    if (size > this.device.limits.maxBufferSize) size = Math.ceil(bytes / 4) * 4;
    const list = this.idle.get(`${size}:${usage}`);
    const reused = list?.pop();
    if (reused) {
      this.idleBytes -= size;
      this.liveBytes += size;
      this.reused++;
      return reused;
    }
    const buffer = this.device.createBuffer({ size, usage, label });
    this.liveBytes += size;
    this.created++;
    return buffer;
  }

  release(buffer: GPUBuffer): void {
    const size = buffer.size;
    this.liveBytes -= size;
    if (this.disposed || buffer.mapState !== 'unmapped' || this.idleBytes + size > this.capBytes) {
      buffer.destroy();
      return;
    }
    const key = `${size}:${buffer.usage}`;
    let list = this.idle.get(key);
    if (!list) this.idle.set(key, (list = []));
    list.push(buffer);
    this.idleBytes += size;
  }

  /** Destroys every idle buffer (device loss, dispose). */
  clear(): void {
    for (const list of this.idle.values()) for (const b of list) b.destroy();
    this.idle.clear();
    this.idleBytes = 0;
  }

  /** Clears, and from now on destroys released buffers instead of keeping them (the device is gone). */
  dispose(): void {
    this.disposed = true;
    this.clear();
  }
}
