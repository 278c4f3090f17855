// Small helpers of radix-select: the min and max key of a segment, and a sort for tiny segments.

/** Results of keyRange (widened to u64 for both key widths). */
export let rangeLo: u64 = 0;
export let rangeHi: u64 = 0;

/** Min and max of the len keys at p (K = u32 or u64, naturally aligned; u32 keys 16-byte aligned for SIMD). */
export function keyRange<K>(p: usize, len: u32): void {
  let i: usize = 0;
  const n = <usize>len;
  let lo: K = <K>-1;
  let hi: K = 0;
  if (sizeof<K>() == 4) {
    let vlo = i32x4.splat(-1);
    let vhi = i32x4.splat(0);
    for (; i + 4 <= n; i += 4) {
      const v = v128.load(p + (i << 2));
      vlo = i32x4.min_u(vlo, v);
      vhi = i32x4.max_u(vhi, v);
    }
    vlo = i32x4.min_u(vlo, swapHalves(vlo));
    vlo = i32x4.min_u(vlo, swapPairs(vlo));
    vhi = i32x4.max_u(vhi, swapHalves(vhi));
    vhi = i32x4.max_u(vhi, swapPairs(vhi));
    lo = <K>i32x4.extract_lane(vlo, 0);
    hi = <K>i32x4.extract_lane(vhi, 0);
  }
  for (; i < n; i++) {
    const k = load<K>(p + (i << alignof<K>()));
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  rangeLo = <u64>lo;
  rangeHi = <u64>hi;
}

// Lane swaps for the horizontal reductions: (2,3,0,1) and (1,0,3,2).
@inline function swapHalves(v: v128): v128 {
  return i32x4.shuffle(v, v, 2, 3, 0, 1);
}
@inline function swapPairs(v: v128): v128 {
  return i32x4.shuffle(v, v, 1, 0, 3, 2);
}

/** Insertion sort of the len keys at p (K each); only ever called on tiny segments (≤ 32 keys). */
export function sortSmall<K>(p: usize, len: u32): void {
  const S = alignof<K>();
  for (let i: usize = 1; i < <usize>len; i++) {
    const x = load<K>(p + (i << S));
    let j = i;
    while (j > 0) {
      const y = load<K>(p + ((j - 1) << S));
      if (y <= x) break;
      store<K>(p + (j << S), y);
      j--;
    }
    store<K>(p + (j << S), x);
  }
}

/** Min and max of n u32 at p (4-byte aligned), packed as (max << 32) | min. */
export function keyRangeU32(p: usize, n: u32): u64 {
  keyRange<u32>(p, n);
  return (rangeHi << 32) | rangeLo;
}
