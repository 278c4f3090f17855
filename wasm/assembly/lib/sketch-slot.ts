// Bin slot of one float from the bin table (engine/kernels/sketch/bin-table.ts). Float32: the key is the top
// 9 + k bits and the table entry is packed = ((base + 1) << (shift + 1)) − thr, so that
// (packed + low) >>> (shift + 1) is base when low < thr and base + 1 otherwise: one load, an add and a shift.
// Float64 (exponent within the table window): base[key] + (remaining mantissa bits ≥ thr64[key]).
// Slots 0..3: zero, slow (the host bins it), ±∞, NaN.

export const SLOT_ZERO: i32 = 0;
export const SLOT_SLOW: i32 = 1;
export const SLOT_INF: i32 = 2;
export const SLOT_NAN: i32 = 3;

/** shift = 23 − k, mask = 2^shift − 1. */
// @ts-ignore: decorator
@inline
export function slotF32(bits: u32, packed: usize, shift: u32, mask: u32): i32 {
  return <i32>((load<u32>(packed + (<usize>(bits >>> shift) << 2)) + (bits & mask)) >>> (shift + 1));
}

/** The float64 table: base (i32) and thr64 (f64) arrays, one entry per key. */
// @ts-ignore: decorator
@inline
export function slotF64(hi: u32, lo: u32, base: usize, thr64: usize, k: u32): i32 {
  const biased = (hi >>> 20) & 0x7ff;
  if (biased - 897 <= 253) {
    const lowBits = 20 - k;
    const key = <usize>(((hi >>> 31) << (8 + k)) | ((biased - 896) << k) | ((hi >>> lowBits) & ((1 << k) - 1)));
    const rem = <f64>((<u64>(hi & ((1 << lowBits) - 1)) << 32) | <u64>lo);
    return load<i32>(base + (key << 2)) + i32(rem >= load<f64>(thr64 + (key << 3)));
  }
  const mantissa = (hi & 0xfffff) | lo;
  if (biased == 0x7ff) return mantissa != 0 ? SLOT_NAN : SLOT_INF;
  return biased == 0 && mantissa == 0 ? SLOT_ZERO : SLOT_SLOW;
}
