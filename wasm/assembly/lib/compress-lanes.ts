// Lane compaction without a compress instruction: a 16-byte swizzle pattern per lane mask moves the selected
// lanes to the front, in order; the caller stores all 16 bytes and advances by the mask's popcount.

// For each 4-bit mask of i32 lanes: the selected lanes' byte indices first, the rest zero.
const TABLE32 = memory.data<u8>([
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  4, 5, 6, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 0, 0, 0, 0, 0,
  8, 9, 10, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 1, 2, 3, 8, 9, 10, 11, 0, 0, 0, 0, 0, 0, 0, 0,
  4, 5, 6, 7, 8, 9, 10, 11, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0, 0, 0, 0,
  12, 13, 14, 15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 1, 2, 3, 12, 13, 14, 15, 0, 0, 0, 0, 0, 0, 0, 0,
  4, 5, 6, 7, 12, 13, 14, 15, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15, 0, 0, 0, 0,
  8, 9, 10, 11, 12, 13, 14, 15, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 0, 0, 0, 0,
  4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 0, 0, 0,
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
], 16);

// The same for 2-bit masks of i64 lanes.
const TABLE64 = memory.data<u8>([
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 0, 0, 0, 0, 0,
  8, 9, 10, 11, 12, 13, 14, 15, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
], 16);

/** Appends the lanes of v selected by sel (i32x4 mask) to the u32 buffer dst holding c keys, if c ≤ cap
 *  (the buffer has cap + 4 slots); returns the new count, which exceeds cap once the buffer overflowed. */
@inline export function appendLanes32(dst: usize, cap: u32, c: u32, v: v128, sel: v128): u32 {
  const m = i32x4.bitmask(sel);
  if (c <= cap) v128.store(dst + (<usize>c << 2), i8x16.swizzle(v, v128.load(TABLE32 + (<usize>m << 4))));
  return c + <u32>popcnt(m);
}

/** As appendLanes32 for i64x2 lanes (u64 buffer with cap + 2 slots). */
@inline export function appendLanes64(dst: usize, cap: u32, c: u32, v: v128, sel: v128): u32 {
  const m = i64x2.bitmask(sel);
  if (c <= cap) v128.store(dst + (<usize>c << 3), i8x16.swizzle(v, v128.load(TABLE64 + (<usize>m << 4))));
  return c + <u32>popcnt(m);
}
