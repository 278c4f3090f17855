// Exact order statistics of one series (f32 at p, n points, finite, min < max) at up to six ascending
// ranks, without reordering the series. One SIMD pass buckets the values linearly over [min, max] into
// 256 buckets (monotone in x, so each rank's bucket is known from the counts); lane-private histograms
// keep neighbouring points from serialising on one counter. The bucket indices are kept as bytes, so a
// second pass over them gathers only the values of the wanted buckets, which quickselect then finishes.

import { at, quickselect } from './fft-features-quickselect';

const B: i32 = 256;

/** Scratch bytes for n points: 4 histograms, n byte indices, n candidates. */
export function selectScratchBytes(n: i32): usize {
  return <usize>(4 * B * 4) + ((<usize>n + 64) << 3);
}

/** Writes the values at ranks (u32 × nr, ascending) to out (f32 × nr). */
export function selectRanks(p: usize, n: i32, mn: f32, mx: f32, ranks: usize, nr: i32, out: usize, scratch: usize): void {
  const hist = scratch;
  const idx = scratch + <usize>(4 * B * 4);
  const cand = idx + ((<usize>n + 64) & ~(<usize>63));
  const s = <f32>(<f64>B / (<f64>mx - <f64>mn));
  if (n <= 48 || !isFinite(s) || s == 0) {
    memory.copy(cand, p, <usize>n << 2);
    let lo = 0;
    for (let j = 0; j < nr; j++) {
      const k = <i32>load<u32>(ranks + (<usize>j << 2));
      quickselect(cand, lo, n - 1, k);
      store<f32>(out + (<usize>j << 2), at(cand, k));
      lo = k;
    }
    return;
  }
  memory.fill(hist, 0, <usize>(4 * B * 4));
  const minv = f32x4.splat(mn), sv = f32x4.splat(s), top = i32x4.splat(B - 1);
  const h1 = hist + <usize>(B * 4), h2 = hist + <usize>(2 * B * 4), h3 = hist + <usize>(3 * B * 4);
  let t = 0;
  for (; t + 4 <= n; t += 4) {
    const bv = i32x4.min_s(i32x4.trunc_sat_f32x4_s(f32x4.mul(f32x4.sub(v128.load(p + (<usize>t << 2)), minv), sv)), top);
    const a0 = hist + (<usize>i32x4.extract_lane(bv, 0) << 2);
    const a1 = h1 + (<usize>i32x4.extract_lane(bv, 1) << 2);
    const a2 = h2 + (<usize>i32x4.extract_lane(bv, 2) << 2);
    const a3 = h3 + (<usize>i32x4.extract_lane(bv, 3) << 2);
    store<i32>(a0, load<i32>(a0) + 1);
    store<i32>(a1, load<i32>(a1) + 1);
    store<i32>(a2, load<i32>(a2) + 1);
    store<i32>(a3, load<i32>(a3) + 1);
    const narrow = i8x16.narrow_i16x8_u(i16x8.narrow_i32x4_s(bv, bv), bv);
    v128.store32_lane(idx + <usize>t, narrow, 0);
  }
  for (; t < n; t++) {
    let b = <i32>((load<f32>(p + (<usize>t << 2)) - mn) * s);
    if (b > B - 1) b = B - 1;
    const a0 = hist + (<usize>b << 2);
    store<i32>(a0, load<i32>(a0) + 1);
    store<u8>(idx + <usize>t, <u8>b);
  }
  for (let b = 0; b < B; b += 4) {
    const o = <usize>b << 2;
    v128.store(hist + o, i32x4.add(i32x4.add(v128.load(hist + o), v128.load(h1 + o)), i32x4.add(v128.load(h2 + o), v128.load(h3 + o))));
  }
  // Bucket of each rank and the count below it; bucket start offsets in cand (prefix over wanted buckets).
  const want = memory.data(64); // per j: bucket (i32), below (i32)
  const fill = memory.data(1024); // per bucket: write cursor into cand, or −1
  memory.fill(fill, 0xff, 1024);
  let cum = 0, b = 0, used = 0;
  for (let j = 0; j < nr; j++) {
    const k = <i32>load<u32>(ranks + (<usize>j << 2));
    while (cum + load<i32>(hist + (<usize>b << 2)) <= k) {
      cum += load<i32>(hist + (<usize>b << 2));
      b++;
    }
    store<i32>(want + (<usize>j << 3), b);
    store<i32>(want + (<usize>j << 3), cum, 4);
    if (load<i32>(fill + (<usize>b << 2)) < 0) {
      store<i32>(fill + (<usize>b << 2), used);
      used += load<i32>(hist + (<usize>b << 2));
    }
  }
  // Gather the wanted buckets' values: test 16 byte indices at a time against each wanted bucket.
  const w0 = i8x16.splat(<i8>load<i32>(want));
  const w1 = i8x16.splat(<i8>load<i32>(want + (<usize>min(1, nr - 1) << 3)));
  const w2 = i8x16.splat(<i8>load<i32>(want + (<usize>min(2, nr - 1) << 3)));
  const w3 = i8x16.splat(<i8>load<i32>(want + (<usize>min(3, nr - 1) << 3)));
  const w4 = i8x16.splat(<i8>load<i32>(want + (<usize>min(4, nr - 1) << 3)));
  const w5 = i8x16.splat(<i8>load<i32>(want + (<usize>min(5, nr - 1) << 3)));
  t = 0;
  for (; t + 16 <= n; t += 16) {
    const v = v128.load(idx + <usize>t);
    const m = v128.or(v128.or(v128.or(i8x16.eq(v, w0), i8x16.eq(v, w1)), v128.or(i8x16.eq(v, w2), i8x16.eq(v, w3))), v128.or(i8x16.eq(v, w4), i8x16.eq(v, w5)));
    let bits = i8x16.bitmask(m);
    while (bits != 0) {
      const i = t + ctz(bits);
      bits &= bits - 1;
      const c = fill + (<usize>load<u8>(idx + <usize>i) << 2);
      const cur = load<i32>(c);
      store<f32>(cand + (<usize>cur << 2), load<f32>(p + (<usize>i << 2)));
      store<i32>(c, cur + 1);
    }
  }
  for (; t < n; t++) {
    const c = fill + (<usize>load<u8>(idx + <usize>t) << 2);
    const cur = load<i32>(c);
    if (cur >= 0) {
      store<f32>(cand + (<usize>cur << 2), load<f32>(p + (<usize>t << 2)));
      store<i32>(c, cur + 1);
    }
  }
  // Each wanted bucket's values now end at its cursor; select within them.
  let lastB = -1, lo = 0;
  for (let j = 0; j < nr; j++) {
    const bj = load<i32>(want + (<usize>j << 3));
    const below = load<i32>(want + (<usize>j << 3), 4);
    const end = load<i32>(fill + (<usize>bj << 2));
    const start = end - load<i32>(hist + (<usize>bj << 2));
    if (bj != lastB) {
      lo = start;
      lastB = bj;
    }
    const k = start + <i32>load<u32>(ranks + (<usize>j << 2)) - below;
    quickselect(cand, lo, end - 1, k);
    store<f32>(out + (<usize>j << 2), at(cand, k));
    lo = k;
  }
}
