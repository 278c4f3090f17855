/**
 * The WASM device of one model: its own instance of the gemm module (weights live in that instance's
 * memory), the arena, and tensors as (pointer, dims, dtype) in linear memory. Upload/download copy
 * row-major typed data; nothing else is converted.
 */
import { storageCtor, type DType } from '../../dtype.js';
import { numel, type Tensor } from '../../tensor.js';
import type { Device, DeviceTensor } from '../types.js';
import type { WasmArena } from './arena.js';

export interface WasmTensor extends DeviceTensor {
  readonly ptr: number;
  readonly bytes: number;
  /** [min, max] of the values when the producing kernel tracked them (for DynamicQuantizeLinear). */
  minMax?: [number, number];
  /** Persistent (constant) tensors are never freed per run. */
  readonly persistent?: boolean;
}

const BYTES: Partial<Record<DType, number>> = { float32: 4, int32: 4, uint8: 1, int8: 1, int16: 2, uint16: 2, uint32: 4, float64: 8, float16: 2, int64: 8, uint64: 8, bool: 1, int4: 1, uint4: 1, int2: 1, uint2: 1 };

export function byteSizeOf(type: DType, dims: readonly number[]): number {
  return numel(dims) * (BYTES[type] ?? 8);
}

export class WasmDevice implements Device<WasmTensor> {
  readonly name = 'wasm' as const;

  constructor(readonly arena: WasmArena) {}

  /** A fresh tensor in the per-run region. */
  alloc(type: DType, dims: readonly number[]): WasmTensor {
    const bytes = byteSizeOf(type, dims);
    return { type, dims: [...dims], ptr: this.arena.alloc(bytes), bytes };
  }

  /** Scratch bytes for one step; give them back with scratchDone. */
  scratch(bytes: number): number {
    return this.arena.alloc(bytes);
  }

  scratchDone(ptr: number, bytes: number): void {
    this.arena.release(ptr, bytes);
  }

  upload(t: Tensor): WasmTensor {
    const d = this.alloc(t.type, t.dims);
    this.write(d.ptr, t);
    return d;
  }

  persist(t: Tensor): WasmTensor {
    const bytes = t.data.byteLength;
    const ptr = this.arena.persistBytes(t.data);
    return { type: t.type, dims: [...t.dims], ptr, bytes, persistent: true };
  }

  private write(ptr: number, t: Tensor): void {
    new Uint8Array(this.arena.buffer, ptr, t.data.byteLength).set(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
  }

  download(d: WasmTensor): Tensor {
    const Ctor = storageCtor(d.type);
    const n = numel(d.dims);
    const data = new Ctor(n);
    new Uint8Array(data.buffer).set(new Uint8Array(this.arena.buffer, d.ptr, n * Ctor.BYTES_PER_ELEMENT));
    return { type: d.type, dims: [...d.dims], data };
  }

  free(d: WasmTensor): void {
    if (!d.persistent) this.arena.release(d.ptr, d.bytes);
  }

  beginRun(): void {
    this.arena.beginRun();
  }

  endRun(): void {
    this.arena.endRun();
  }

  dispose(): void {}

  f32(ptr: number, n: number): Float32Array {
    return new Float32Array(this.arena.buffer, ptr, n);
  }
}
