/**
 * Placing a WASM call's buffers in module memory (after its static data): sequential 64-byte-aligned
 * regions, the FFT caches first (fftArena), and series grouped into cache-sized chunks.
 */
import type { FftCacheExports } from './rfft-wasm-exports.js';

const align = (x: number): number => (x + 63) & ~63;

const arenas = new WeakMap<object, { tables: number; window: number }>();

/**
 * The FFT tables and the window cache live first in module memory, in regions that only grow: while their
 * size stays the same no other buffer of any call overlaps them, so the module's caches stay valid across
 * calls (twiddles are made once per n, not once per call). Growing them moves everything after, so the
 * caches are reset. Returns offsets relative to the module's base.
 */
export function fftArena(h: { exports: FftCacheExports }, L: WasmLayout, n: number): { tw: number; win: number } {
  const e = h.exports;
  let a = arenas.get(h);
  const tables = align(e.fftTableBytes(n));
  const window = align(e.windowBytes(n));
  if (!a || a.tables < tables || a.window < window) {
    a = { tables: Math.max(a?.tables ?? 0, tables), window: Math.max(a?.window ?? 0, window) };
    arenas.set(h, a);
    e.fftResetCaches();
  }
  return { tw: L.take(a.tables), win: L.take(a.window) };
}

/** Sequential placement of a call's buffers after the module's static data. */
export class WasmLayout {
  bytes = 0;
  take(bytes: number): number {
    const at = this.bytes;
    this.bytes = align(at + bytes);
    return at;
  }
}

/** Groups consecutive series into chunks of about `targetBytes` of input, so copies stay cache-sized. */
export function seriesChunks(lengths: Uint32Array, cap: number, targetBytes: number, maxSeries: number): [number, number][] {
  const chunks: [number, number][] = [];
  let from = 0;
  let bytes = 0;
  for (let i = 0; i < lengths.length; i++) {
    bytes += 4 * Math.min(lengths[i], cap);
    if (bytes >= targetBytes || i + 1 - from >= maxSeries) {
      chunks.push([from, i + 1]);
      from = i + 1;
      bytes = 0;
    }
  }
  if (from < lengths.length) chunks.push([from, lengths.length]);
  return chunks;
}

/** The values a chunk of series reads (each series capped at `cap` points): [lo, hi). */
export function chunkSpan(starts: Uint32Array, lengths: Uint32Array, from: number, to: number, cap: number): [number, number] {
  let lo = Infinity;
  let hi = 0;
  for (let i = from; i < to; i++) {
    const use = Math.min(lengths[i], cap);
    if (use === 0) continue;
    lo = Math.min(lo, starts[i]);
    hi = Math.max(hi, starts[i] + use);
  }
  return lo === Infinity ? [0, 0] : [lo, hi];
}
