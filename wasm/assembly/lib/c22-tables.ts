// Tables shared by every series, built once per size and kept in linear memory at `tw`. The host writes the
// floating-point ones with its own Math (so they are bit-identical to the JS version's, whose Math.cos/log/pow
// can differ from AssemblyScript's by an ulp); this module adds the bit-reversal permutation. Layout for a
// capacity `cap` (the largest real FFT size, a power of two ≥ 32), all little-endian:
//   twRe  f64 × cap      exp(−i·PI·2j/S).re at S/2 + j for spans S = 2…cap (PI = 3.14159265359), [0] unused
//   twIm  f64 × cap      the imaginary parts, same indexing
//   logK  f64 × (cap/2+1) Math.log(k), k = 0…cap/2
//   cbrtK f64 × (cap/2+1) Math.pow(k, 1/3), k = 0…cap/2
//   rev   i32 × cap/2    bit reversal over log2(cap/2) bits (written here)
import { log2i } from './c22-mem';

export let TW_RE: usize = 0;
export let TW_IM: usize = 0;
export let LOG_K: usize = 0;
export let CBRT_K: usize = 0;
export let REV: usize = 0;
/** log2 of the rev table's size. */
export let REV_BITS: i32 = 0;
/** Largest k with logK / cbrtK entries. */
export let K_MAX: i32 = 0;

let builtAt: usize = 0;
let builtCap: i32 = 0;

export function tableBytes(cap: i32): usize {
  const half = <usize>(cap >> 1);
  return (<usize>cap << 4) + ((half + 1) << 4) + (half << 2);
}

/** Points the table globals at `tw`; builds the bit reversal unless this (tw, cap) has it already. */
export function useTables(tw: usize, cap: i32): void {
  const half = cap >> 1;
  TW_RE = tw;
  TW_IM = tw + (<usize>cap << 3);
  LOG_K = tw + (<usize>cap << 4);
  CBRT_K = LOG_K + (<usize>(half + 1) << 3);
  REV = CBRT_K + (<usize>(half + 1) << 3);
  REV_BITS = log2i(half);
  K_MAX = half;
  if (builtAt == tw && builtCap == cap) return;
  const bits = REV_BITS;
  for (let i = 0; i < half; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
    store<i32>(REV + (<usize>i << 2), r);
  }
  builtAt = tw;
  builtCap = cap;
}
