// Counting sort of the values' keys by group slot, in two steps. Writing each key straight to its group's
// segment touches a different page per key once there are thousands of groups (TLB misses dominate), and an
// exact counting pass first would read the whole input once more. Instead:
//  1. a sample of the slots sizes one bucket per super-slot (slot >> 7, so a few dozen buckets for 10k groups);
//     one pass scatters keys into those buckets with the slot's low 7 bits alongside (and counts NaN per slot);
//  2. per bucket, a stretch that stays in cache: count its slots, then place each key at its final position.
// A bucket that overflows its estimate stops the pass; the host re-sizes the buckets exactly and runs it again.
import { keyF32, keyF64, keysF32x4 } from './order-keys';
import { SUPER_BITS, LOW_MASK } from './group-bucket-sizes';

/**
 * Step one (f32 values, 4-byte aligned; u32 groups): non-NaN keys go to tmpKeys[cursor[b]++] (u32) with
 * tmpLow[…] = slot & 127 (u8), b = slot >> 7, slot = group − base; NaN adds one to nans[slot] (u32). Returns
 * false, leaving the work undone, as soon as a bucket would pass limit[b] (u32 per bucket); supers buckets.
 */
export function groupSuperScatterF32(values: usize, groups: usize, n: u32, base: u32, cursor: usize, limit: usize, supers: u32, tmpKeys: usize, tmpLow: usize, nans: usize): bool {
  for (let i: usize = 0; i < <usize>n; i += CHUNK) {
    const end = min(<usize>n, i + CHUNK);
    // Limits are checked per key only in chunks that could reach one.
    if (room(cursor, limit, supers) >= <u32>CHUNK) scatterF32(values, groups, i, end, base, cursor, limit, tmpKeys, tmpLow, nans, false);
    else if (!scatterF32(values, groups, i, end, base, cursor, limit, tmpKeys, tmpLow, nans, true)) return false;
  }
  return true;
}

const CHUNK: usize = 4096;

/** The least free room of any bucket. */
function room(cursor: usize, limit: usize, supers: u32): u32 {
  let least: u32 = 0xffffffff;
  for (let b: usize = 0; b < <usize>supers; b++) least = min(least, load<u32>(limit + (b << 2)) - load<u32>(cursor + (b << 2)));
  return least;
}

// checked is a literal at both call sites.
@inline function scatterF32(values: usize, groups: usize, from: usize, end: usize, base: u32, cursor: usize, limit: usize, tmpKeys: usize, tmpLow: usize, nans: usize, checked: bool): bool {
  let i = from;
  for (; i + 4 <= end; i += 4) {
    const v = v128.load(values + (i << 2));
    const k = keysF32x4(v);
    const g = v128.load(groups + (i << 2));
    // Vectors with a NaN (rare) go one value at a time.
    if (v128.any_true(f32x4.ne(v, v))) {
      for (let j: usize = i; j < i + 4; j++) {
        if (!putF32(values, groups, j, base, cursor, limit, tmpKeys, tmpLow, nans, checked)) return false;
      }
      continue;
    }
    if (!put32(cursor, limit, tmpKeys, tmpLow, <u32>i32x4.extract_lane(g, 0) - base, <u32>i32x4.extract_lane(k, 0), checked)) return false;
    if (!put32(cursor, limit, tmpKeys, tmpLow, <u32>i32x4.extract_lane(g, 1) - base, <u32>i32x4.extract_lane(k, 1), checked)) return false;
    if (!put32(cursor, limit, tmpKeys, tmpLow, <u32>i32x4.extract_lane(g, 2) - base, <u32>i32x4.extract_lane(k, 2), checked)) return false;
    if (!put32(cursor, limit, tmpKeys, tmpLow, <u32>i32x4.extract_lane(g, 3) - base, <u32>i32x4.extract_lane(k, 3), checked)) return false;
  }
  for (; i < end; i++) {
    if (!putF32(values, groups, i, base, cursor, limit, tmpKeys, tmpLow, nans, checked)) return false;
  }
  return true;
}

@inline function putF32(values: usize, groups: usize, i: usize, base: u32, cursor: usize, limit: usize, tmpKeys: usize, tmpLow: usize, nans: usize, checked: bool): bool {
  const k = keyF32(load<u32>(values + (i << 2)));
  const slot = load<u32>(groups + (i << 2)) - base;
  if (k != 0xffffffff) return put32(cursor, limit, tmpKeys, tmpLow, slot, k, checked);
  const at = nans + (<usize>slot << 2);
  store<u32>(at, load<u32>(at) + 1);
  return true;
}

@inline function put32(cursor: usize, limit: usize, tmpKeys: usize, tmpLow: usize, slot: u32, key: u32, checked: bool): bool {
  const b = <usize>(slot >> SUPER_BITS) << 2;
  const c = load<u32>(cursor + b);
  if (checked && c >= load<u32>(limit + b)) return false;
  store<u32>(tmpKeys + (<usize>c << 2), key);
  store<u8>(tmpLow + <usize>c, <u8>(slot & LOW_MASK));
  store<u32>(cursor + b, c + 1);
  return true;
}

/** Step one for f64 values (8-byte aligned) and u64 keys (tmpKeys 8-byte aligned); limits checked per key. */
export function groupSuperScatterF64(values: usize, groups: usize, n: u32, base: u32, cursor: usize, limit: usize, supers: u32, tmpKeys: usize, tmpLow: usize, nans: usize): bool {
  for (let i: usize = 0; i < <usize>n; i++) {
    const k = keyF64(load<u64>(values + (i << 3)));
    const slot = load<u32>(groups + (i << 2)) - base;
    if (k == 0xffffffffffffffff) {
      const at = nans + (<usize>slot << 2);
      store<u32>(at, load<u32>(at) + 1);
      continue;
    }
    const b = <usize>(slot >> SUPER_BITS) << 2;
    const c = load<u32>(cursor + b);
    if (c >= load<u32>(limit + b)) return false;
    store<u64>(tmpKeys + (<usize>c << 3), k);
    store<u8>(tmpLow + <usize>c, <u8>(slot & LOW_MASK));
    store<u32>(cursor + b, c + 1);
  }
  return true;
}
