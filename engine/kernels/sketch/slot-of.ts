/**
 * The bin slot of one float from its bits through the bin table: the scalar form of what the WASM
 * (wasm/assembly/lib/sketch-slot.ts) and WGSL (shaders/sketch/slot.wgsl) kernels compute.
 */
import { E_MIN, SLOT_INF, SLOT_NAN, SLOT_SLOW, SLOT_ZERO, type BinTable } from './bin-table.js';

export function slotOfF32(t: BinTable, bits: number): number {
  const shift = 23 - t.k;
  const key = bits >>> shift;
  return t.base[key] + ((bits & ((1 << shift) - 1)) >>> 0 >= t.thr32[key] ? 1 : 0);
}

/** hi / lo: the float64's upper and lower 32-bit words. */
export function slotOfF64(t: BinTable, hi: number, lo: number): number {
  const biased = (hi >>> 20) & 0x7ff;
  const e = biased - 1023;
  if (e >= E_MIN && e <= 127) {
    const k = t.k;
    const lowBits = 20 - k;
    const key = ((hi >>> 31) << (8 + k)) | ((e + 127) << k) | ((hi >>> lowBits) & ((1 << k) - 1));
    const rem = (hi & ((1 << lowBits) - 1)) * 2 ** 32 + (lo >>> 0);
    return t.base[key] + (rem >= t.thr64[key] ? 1 : 0);
  }
  const mantissa = (hi & 0xfffff) | lo;
  if (biased === 0x7ff) return mantissa !== 0 ? SLOT_NAN : SLOT_INF;
  return biased === 0 && mantissa === 0 ? SLOT_ZERO : SLOT_SLOW;
}

/** Little-endian 32-bit words of a float array (every platform gpulse runs on is little-endian). */
export function wordsOf(values: Float32Array | Float64Array): Uint32Array {
  return new Uint32Array(values.buffer, values.byteOffset, values.byteLength >>> 2);
}

/** Calls fn(i) for every value the table leaves to the host (slot SLOW). */
export function forEachSlow(t: BinTable, values: Float32Array | Float64Array, fn: (i: number) => void): void {
  const w = wordsOf(values);
  if (values instanceof Float32Array) {
    for (let i = 0; i < values.length; i++) if (slotOfF32(t, w[i]) === SLOT_SLOW) fn(i);
  } else {
    for (let i = 0; i < values.length; i++) if (slotOfF64(t, w[2 * i + 1], w[2 * i]) === SLOT_SLOW) fn(i);
  }
}
