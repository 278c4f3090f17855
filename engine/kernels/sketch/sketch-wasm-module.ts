/**
 * The `sketch` WASM module (wasm/assembly/sketch.ts): its exports, and the bin table kept resident in its
 * memory. Layout from the scratch base: packed float32 entries (u32), float64 bases (i32), float64 thresholds
 * (f64), then whatever the call needs (from `end`). The table is copied in only when the mapping changes.
 */
import type { ScratchExports, WasmModuleHandle, WasmRuntime } from '../../backends/wasm/runtime.js';
import type { BinTable } from './bin-table.js';

export interface SketchExports extends ScratchExports {
  histF32(p: number, n: number, packed: number, shift: number, counts: number, stats: number): void;
  histF64(p: number, n: number, base: number, thr64: number, k: number, counts: number): void;
  statsF64(p: number, n: number, stats: number): void;
  rangeF32(p: number, n: number, packed: number, shift: number, posBase: number, out: number): void;
  rangeF64(p: number, n: number, base: number, thr64: number, k: number, posBase: number, out: number): void;
  scatterF32(p: number, gidx: number, n: number, packed: number, shift: number, colOf: number, w: number, matrix: number, gstats: number): void;
  scatterF64(p: number, gidx: number, n: number, base: number, thr64: number, k: number, colOf: number, w: number, matrix: number, gstats: number): void;
}

export type SketchModule = WasmModuleHandle<SketchExports>;

/** Values copied into WASM memory per kernel call: 64 Ki values keeps a chunk in L2 next to the table. */
export const WASM_CHUNK = 1 << 16;

const loaded = new WeakMap<SketchModule, BinTable>();

export function tableBytes(t: BinTable): number {
  return t.base.length * 16;
}

/** Pointers of the resident table; call after reserve() (it reads the current memory buffer). */
export function tablePointers(h: SketchModule, t: BinTable): { packed: number; base: number; thr64: number; end: number } {
  const size = t.base.length;
  const packed = h.base;
  const base = packed + size * 4;
  const thr64 = base + size * 4;
  if (loaded.get(h) !== t) {
    const buf = h.loaded.memory.buffer;
    new Uint32Array(buf, packed, size).set(t.packed!);
    new Int32Array(buf, base, size).set(t.base);
    new Float64Array(buf, thr64, size).set(t.thr64);
    loaded.set(h, t);
  }
  return { packed, base, thr64, end: thr64 + size * 8 };
}

/** The WASM kernels need the packed float32 table. */
export function wasmTableOk(t: BinTable): boolean {
  return t.packed !== null;
}

export function sketchModule(wasm: WasmRuntime | undefined): Promise<SketchModule> {
  if (!wasm) throw new Error('sketch: WASM kernel called without a WASM runtime');
  return wasm.module<SketchExports>('sketch');
}

/** Copies values[from, to) to ptr in WASM memory (same element type). */
export function copyIn(h: SketchModule, ptr: number, values: Float32Array | Float64Array, from: number, to: number): void {
  const buf = h.loaded.memory.buffer;
  if (values instanceof Float32Array) new Float32Array(buf, ptr, to - from).set(values.subarray(from, to));
  else new Float64Array(buf, ptr, to - from).set(values.subarray(from, to));
}
