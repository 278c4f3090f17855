// catch22 / catch24 for a batch of f64 series in one call (engine/kernels/features/catch22/catch22.wasm.ts
// lays out memory and fills the tables). Series i is values[offsets[i] − origin … offsets[i+1] − origin);
// its features go to row i of the output (22 or 24 f64) and its status (0 ok, 1 too short, 2 non-finite,
// 3 constant) to status[i].
import { catch22Series } from './lib/c22-series';
import { layoutScratch, scratchBytes } from './lib/c22-scratch';
import { tableBytes, useTables } from './lib/c22-tables';

/** Bytes of the table region for real FFTs up to cap points (cap a power of two ≥ 32). */
export function c22TableBytes(cap: i32): usize {
  return tableBytes(cap);
}

/** Bytes of scratch for series of up to maxLen points. */
export function c22ScratchBytes(maxLen: i32): usize {
  return scratchBytes(maxLen);
}

/**
 * values: f64 × (offsets[nSeries] − origin); offsets: u32 × (nSeries + 1), non-decreasing; out: f64 ×
 * nSeries × (catch24 ? 24 : 22), row-major; status: u8 × nSeries. tw: the table region for cap (filled by the
 * host, cap ≥ 2·nextPow2(maxLen)); scratch: c22ScratchBytes(maxLen) bytes; maxLen ≥ every series' length.
 */
export function c22Batch(
  values: usize, offsets: usize, origin: u32, nSeries: i32, out: usize, status: usize, catch24: i32,
  tw: usize, cap: i32, scratch: usize, maxLen: i32,
): void {
  useTables(tw, cap);
  layoutScratch(scratch, maxLen);
  const width: usize = catch24 != 0 ? 24 : 22;
  for (let i = 0; i < nSeries; i++) {
    const from = load<u32>(offsets + (<usize>i << 2));
    const to = load<u32>(offsets + (<usize>(i + 1) << 2));
    const x = values + (<usize>(from - origin) << 3);
    const s = catch22Series(x, <i32>(to - from), out + <usize>i * width * 8, catch24 != 0);
    store<u8>(status + <usize>i, <u8>s);
  }
}
