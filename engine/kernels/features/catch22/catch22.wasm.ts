/**
 * catch22 / catch24 on the WASM backend (wasm/assembly/catch22.ts, f64 with f64x2 SIMD): a batch of ragged
 * series goes into module memory once and comes back as an nSeries × width matrix (width 24 with catch24,
 * else 22, the row catch22Series writes) plus a status byte per series (SeriesStatus, as the JS version).
 *
 * Module memory from `reserve`'s base: [tables][scratch][values][offsets][out][status]. The tables (FFT
 * twiddles, log k, k^{1/3}) are computed here with the host's Math, so they are bit-identical to what the JS
 * version uses, and written once per size: they stay at the base across calls, which only this wrapper uses.
 * Very large batches go through in chunks of about CHUNK_VALUES values, one crossing each.
 */
import { GpulseError, invalidArgument } from '../../../errors.js';
import type { ScratchExports, WasmModuleHandle, WasmRuntime } from '../../../backends/wasm/runtime.js';
import { nextPow2, PI_REF } from './fft.js';

export interface Catch22Exports extends ScratchExports {
  c22TableBytes(cap: number): number;
  c22ScratchBytes(maxLen: number): number;
  c22Batch(
    values: number, offsets: number, origin: number, nSeries: number, out: number, status: number,
    catch24: number, tw: number, cap: number, scratch: number, maxLen: number,
  ): void;
}

export interface Catch22BatchResult {
  /** Row-major nSeries × (catch24 ? 24 : 22). */
  values: Float64Array;
  /** SeriesStatus per series. */
  status: Uint8Array;
}

const CHUNK_VALUES = 1 << 21;
const CHUNK_SERIES = 1 << 15;
/** Addressable bytes of a wasm32 memory. */
const WASM32_BYTES = 2 ** 32;
/** Next multiple of 64 (arithmetic, not bit ops: offsets may pass 2^31). */
const align = (x: number): number => Math.ceil(x / 64) * 64;

/** Table capacity (largest real FFT size) for series up to maxLen points. */
function tableCap(maxLen: number): number {
  return Math.max(32, 2 * nextPow2(Math.max(1, maxLen)));
}

/** Writes twRe, twIm (cap each), log k and k^{1/3} (cap/2 + 1 each) into t: the f64 part of the layout in catch22.ts. */
function writeTables(t: Float64Array, cap: number): void {
  const half = cap / 2;
  // the JS FFT's table: exp(−i·PI·2j/S) at S/2 + j for every span S
  for (let span = 2; span <= cap; span <<= 1) {
    const h = span >> 1;
    for (let j = 0; j < h; j++) {
      const angle = (-PI_REF * (2 * j)) / span;
      t[h + j] = Math.cos(angle);
      t[cap + h + j] = Math.sin(angle);
    }
  }
  const logAt = 2 * cap;
  const cbrtAt = logAt + half + 1;
  for (let k = 0; k <= half; k++) {
    t[logAt + k] = Math.log(k);
    t[cbrtAt + k] = Math.pow(k, 1 / 3);
  }
}

/** Capacity of the tables already in each module's memory. */
const writtenCap = new WeakMap<WasmModuleHandle<Catch22Exports>, number>();

function checkOffsets(values: Float64Array, offsets: Uint32Array): void {
  if (offsets.length === 0) return;
  for (let i = 1; i < offsets.length; i++) {
    if (offsets[i] < offsets[i - 1]) throw invalidArgument(`catch22: offsets must not decrease (offsets[${i}] < offsets[${i - 1}])`);
  }
  if (offsets[offsets.length - 1] > values.length) {
    throw invalidArgument(`catch22: offsets end at ${offsets[offsets.length - 1]}, past the ${values.length} values`);
  }
}

/** Consecutive series [from, to) of about CHUNK_VALUES values (one longer series alone). */
function chunks(offsets: Uint32Array, nSeries: number): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (let i = 0; i < nSeries; i++) {
    const span = offsets[i + 1] - offsets[from];
    if (i > from && (span > CHUNK_VALUES || i - from >= CHUNK_SERIES)) {
      out.push([from, i]);
      from = i;
    }
  }
  if (from < nSeries) out.push([from, nSeries]);
  return out;
}

/**
 * catch22 (or catch24) of every series: series i is values[offsets[i] .. offsets[i+1]) (offsets has
 * nSeries + 1 entries, non-decreasing). Row i of `values` and `status[i]` are what catch22Series gives for it.
 */
export async function catch22BatchWasm(
  runtime: WasmRuntime, values: Float64Array, offsets: Uint32Array, catch24: boolean,
): Promise<Catch22BatchResult> {
  checkOffsets(values, offsets);
  const nSeries = Math.max(0, offsets.length - 1);
  const width = catch24 ? 24 : 22;
  const result = { values: new Float64Array(nSeries * width), status: new Uint8Array(nSeries) };
  if (nSeries === 0) return result;
  const h = await runtime.module<Catch22Exports>('catch22');
  const e = h.exports;
  let maxLen = 0;
  for (let i = 0; i < nSeries; i++) maxLen = Math.max(maxLen, offsets[i + 1] - offsets[i]);
  const parts = chunks(offsets, nSeries);
  let maxValues = 0;
  let maxSeries = 0;
  for (const [from, to] of parts) {
    maxValues = Math.max(maxValues, offsets[to] - offsets[from]);
    maxSeries = Math.max(maxSeries, to - from);
  }
  const cap = Math.max(tableCap(maxLen), writtenCap.get(h) ?? 0);
  const tw = 0;
  // sizes come back as u32 in an i32: >>> 0
  const scratch = align(tw + (e.c22TableBytes(cap) >>> 0));
  const data = align(scratch + (e.c22ScratchBytes(maxLen) >>> 0));
  const offs = align(data + 8 * maxValues);
  const out = align(offs + 4 * (maxSeries + 1));
  const stat = align(out + 8 * width * maxSeries);
  if (h.base + stat + maxSeries > WASM32_BYTES) {
    throw new GpulseError('INPUT_TOO_LARGE', `catch22: a ${maxLen}-point series needs more than the 4 GiB of WASM memory; use the JS backend`);
  }
  const base = h.reserve(stat + maxSeries);
  const buf = e.memory.buffer;
  if (writtenCap.get(h) !== cap) {
    writeTables(new Float64Array(buf, base + tw, 2 * cap + 2 * (cap / 2 + 1)), cap);
    writtenCap.set(h, cap);
  }
  const dataV = new Float64Array(buf, base + data, maxValues);
  const offsV = new Uint32Array(buf, base + offs, maxSeries + 1);
  const outV = new Float64Array(buf, base + out, width * maxSeries);
  const statV = new Uint8Array(buf, base + stat, maxSeries);
  for (const [from, to] of parts) {
    const lo = offsets[from];
    dataV.set(values.subarray(lo, offsets[to]));
    offsV.set(offsets.subarray(from, to + 1));
    e.c22Batch(base + data, base + offs, lo, to - from, base + out, base + stat, catch24 ? 1 : 0, base + tw, cap, base + scratch, maxLen);
    result.values.set(outV.subarray(0, width * (to - from)), width * from);
    result.status.set(statV.subarray(0, to - from), from);
  }
  return result;
}
