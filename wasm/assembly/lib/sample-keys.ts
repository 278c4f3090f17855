// A stratified sample of order keys: one value from each of s equal strata at a pseudo-random offset, so sorted
// or periodic input cannot bias it. The percentile kernel picks its rank windows from this sample.
import { keyF32, keyF64 } from './order-keys';

/** s ≤ n. Writes s u32 keys of the n f32 at p (4-byte aligned) to dst; returns how many sampled values were NaN. */
export function sampleKeysF32(p: usize, n: u32, s: u32, seed: u32, dst: usize): u32 {
  let nan: u32 = 0;
  let x = seed | 1;
  const step = <f64>n / <f64>s;
  let from: u32 = 0;
  for (let j: u32 = 0; j < s; j++) {
    const to = j + 1 == s ? n : <u32>(<f64>(j + 1) * step);
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    const at = from + <u32>((<u64>x * <u64>(to - from)) >> 32);
    from = to;
    const k = keyF32(load<u32>(p + (<usize>at << 2)));
    store<u32>(dst + (<usize>j << 2), k);
    nan += <u32>(k == 0xffffffff);
  }
  return nan;
}

/** Writes s u64 keys of the n f64 at p (8-byte aligned) to dst (8-byte aligned); returns the NaN count. */
export function sampleKeysF64(p: usize, n: u32, s: u32, seed: u32, dst: usize): u32 {
  let nan: u32 = 0;
  let x = seed | 1;
  const step = <f64>n / <f64>s;
  let from: u32 = 0;
  for (let j: u32 = 0; j < s; j++) {
    const to = j + 1 == s ? n : <u32>(<f64>(j + 1) * step);
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    const at = from + <u32>((<u64>x * <u64>(to - from)) >> 32);
    from = to;
    const k = keyF64(load<u64>(p + (<usize>at << 3)));
    store<u64>(dst + (<usize>j << 3), k);
    nan += <u32>(k == 0xffffffffffffffff);
  }
  return nan;
}
