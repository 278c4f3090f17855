/**
 * Exact float decomposition for the index mappings: v = (1 + s) · 2^e with s ∈ [0, 1), read from the float's
 * bits (no log, no rounding), the same way the WASM and WGSL kernels read them. Subnormals are normalized first.
 */
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const TWO_52 = 2 ** 52;

/** ⌊log2 v⌋ of a finite v > 0; `splitS` holds the matching significand fraction afterwards. */
export let splitS = 0;

export function splitLog2(v: number): number {
  f64[0] = v;
  let hi = u32[1];
  let biased = (hi >>> 20) & 0x7ff;
  let shift = 0;
  if (biased === 0) {
    // Subnormal: scaling by 2^52 is exact and makes it normal.
    f64[0] = v * TWO_52;
    hi = u32[1];
    biased = (hi >>> 20) & 0x7ff;
    shift = 52;
  }
  u32[1] = (hi & 0x000fffff) | 0x3ff00000;
  splitS = f64[0] - 1;
  return biased - 1023 - shift;
}

/** (1 + s) · 2^e without overflow in the intermediate power for e in [−1074, 1023]. */
export function joinLog2(s: number, e: number): number {
  if (e < -1022) return (1 + s) * 2 ** (e + 52) * 2 ** -52;
  return (1 + s) * 2 ** e;
}
