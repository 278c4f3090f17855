// Turns floats into order keys in place (the exact path's first step) and counts the NaNs.
import { keyF32, keyF64, keysF32x4, keysF64x2 } from './order-keys';

/** Replaces the n f32 at p (4-byte aligned) by their u32 keys; returns how many were NaN. */
export function keysFromF32(p: usize, n: u32): u32 {
  let i: usize = 0;
  const len = <usize>n;
  let nan = i32x4.splat(0);
  for (; i + 4 <= len; i += 4) {
    const v = v128.load(p + (i << 2));
    v128.store(p + (i << 2), keysF32x4(v));
    nan = i32x4.sub(nan, f32x4.ne(v, v));
  }
  let count = <u32>(i32x4.extract_lane(nan, 0) + i32x4.extract_lane(nan, 1) + i32x4.extract_lane(nan, 2) + i32x4.extract_lane(nan, 3));
  for (; i < len; i++) {
    const k = keyF32(load<u32>(p + (i << 2)));
    store<u32>(p + (i << 2), k);
    count += <u32>(k == 0xffffffff);
  }
  return count;
}

/** Replaces the n f64 at p (8-byte aligned) by their u64 keys; returns how many were NaN. */
export function keysFromF64(p: usize, n: u32): u32 {
  let i: usize = 0;
  const len = <usize>n;
  let nan = i64x2.splat(0);
  for (; i + 2 <= len; i += 2) {
    const v = v128.load(p + (i << 3));
    v128.store(p + (i << 3), keysF64x2(v));
    nan = i64x2.sub(nan, f64x2.ne(v, v));
  }
  let count = <u32>(i64x2.extract_lane(nan, 0) + i64x2.extract_lane(nan, 1));
  for (; i < len; i++) {
    const k = keyF64(load<u64>(p + (i << 3)));
    store<u64>(p + (i << 3), k);
    count += <u32>(k == 0xffffffffffffffff);
  }
  return count;
}
