/**
 * Memory of one model's WASM instance: packed weights and constants at the bottom (placed at load, kept
 * until dispose), activations above them from a per-run allocator. Freed blocks go to a free list by
 * size and are reused within the run; every run starts from the same empty state, so after the first run
 * the memory never grows again for the same input shapes.
 */
import type { LoadedWasm } from '../../../backends/wasm/loader.js';
import type { GemmExports } from './gemm-exports.js';

const ALIGN = 64;
const round = (n: number): number => Math.ceil(Math.max(n, 1) / ALIGN) * ALIGN;

export class WasmArena {
  private persistentTop: number;
  private top: number;
  private readonly free = new Map<number, number[]>();
  private running = false;
  /** Bytes in the persistent region (weights, constants). */
  persistentBytes = 0;

  constructor(readonly wasm: LoadedWasm<GemmExports>) {
    const hb = wasm.exports.__heap_base;
    this.persistentTop = round(hb ? Number(hb.value) : 65536);
    this.top = this.persistentTop;
  }

  get e(): GemmExports {
    return this.wasm.exports;
  }

  get buffer(): ArrayBuffer {
    return this.wasm.memory.buffer;
  }

  private ensure(end: number): void {
    const mem = this.wasm.memory;
    if (end > mem.buffer.byteLength) mem.grow(Math.ceil((end - mem.buffer.byteLength) / 65536));
  }

  /** Load-time allocation that lives as long as the model. Not allowed during a run. */
  persistent(bytes: number): number {
    // Persistent blocks sit below the per-run region: placing one while run blocks exist would overlap them.
    if (this.running || this.top !== this.persistentTop) throw new Error('persistent allocation after per-run allocations');
    const p = this.persistentTop;
    this.persistentTop += round(bytes);
    this.persistentBytes += round(bytes);
    this.top = this.persistentTop;
    this.ensure(this.persistentTop);
    return p;
  }

  /** Copies bytes into a new persistent block. */
  persistBytes(src: ArrayBufferView): number {
    const p = this.persistent(src.byteLength);
    new Uint8Array(this.buffer, p, src.byteLength).set(new Uint8Array(src.buffer, src.byteOffset, src.byteLength));
    return p;
  }

  alloc(bytes: number): number {
    const size = round(bytes);
    const p = this.free.get(size)?.pop();
    if (p !== undefined) return p;
    const at = this.top;
    this.top += size;
    this.ensure(this.top);
    return at;
  }

  release(ptr: number, bytes: number): void {
    const size = round(bytes);
    let list = this.free.get(size);
    if (!list) this.free.set(size, (list = []));
    list.push(ptr);
  }

  beginRun(): void {
    this.running = true;
  }

  endRun(): void {
    this.running = false;
    this.free.clear();
    this.top = this.persistentTop;
  }

  /** Bytes the instance holds (weights + the largest run's activations). */
  get bytesHeld(): number {
    return this.buffer.byteLength;
  }
}
