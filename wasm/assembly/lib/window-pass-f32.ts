// The sampled path's one pass over f32 input: for up to four value windows [lo, hi] (picked from a sample to
// hold the wanted ranks), count the values ≥ each lo and copy the keys of the values inside each window to its
// buffer. Float compares are exact here (they order values as keys do, except that −0 = +0, and windows never
// split the zeros), and they leave NaN outside every window. The host checks the exact counts afterwards and
// falls back to the exact path when a rank missed its window.
import { keyF32, keysF32x4 } from './order-keys';
import { appendLanes32 } from './compress-lanes';

/** Window block, 16-byte aligned, four windows each: lo (f32) at 0, hi (f32, inclusive) at 16, dst (u32 buffer
 *  pointer for u32 keys, cap + 4 slots) at 32, cap (u32) at 48; out (u32): values ≥ lo at 64, values inside at 80
 *  (more than cap: the buffer overflowed), values ≤ hi at 96. NaN is in none of the counts, so the host gets
 *  below = (≤ hi) − inside, and the NaN count from window 0: n − (≥ lo) − (≤ hi) + inside. Windows must be
 *  disjoint; an unused one has lo = hi = NaN. */
const LO: usize = 0;
const HI: usize = 16;
const DST: usize = 32;
const CAP: usize = 48;
const GE: usize = 64;
const IN: usize = 80;
const LE: usize = 96;

// Vectors per chunk (even): the byte counters below hold up to 255, and the chunk's data stays in L1 for the
// rare step.
const CHUNK: usize = 240;
// Offsets of the chunk's vectors with a lane inside some window.
const hits = memory.data(<i32>CHUNK * 4, 16);

/** Count and compact the n f32 at p (4-byte aligned) against the first 1, 2, 3 or 4 windows of the block at
 *  win. One export per window count: each gets its own loop with only the work it needs. */
export function windowPassF32x1(p: usize, n: u32, win: usize): void {
  passF32(p, n, win, 1);
}
export function windowPassF32x2(p: usize, n: u32, win: usize): void {
  passF32(p, n, win, 2);
}
export function windowPassF32x3(p: usize, n: u32, win: usize): void {
  passF32(p, n, win, 3);
}
export function windowPassF32x4(p: usize, n: u32, win: usize): void {
  passF32(p, n, win, 4);
}

// W is a literal at every call site, so after inlining only the windows in use cost anything. The hot loop packs
// the four windows' compare masks into bytes (two counter vectors, few live registers) and only records which
// vectors had a lane inside; a second loop over those few appends their keys, with no unpredictable branch.
@inline function passF32(p: usize, n: u32, win: usize, W: i32): void {
  const lo0 = f32x4.splat(load<f32>(win, LO));
  const lo1 = f32x4.splat(load<f32>(win, LO + 4));
  const lo2 = f32x4.splat(load<f32>(win, LO + 8));
  const lo3 = f32x4.splat(load<f32>(win, LO + 12));
  const hi0 = f32x4.splat(load<f32>(win, HI));
  const hi1 = f32x4.splat(load<f32>(win, HI + 4));
  const hi2 = f32x4.splat(load<f32>(win, HI + 8));
  const hi3 = f32x4.splat(load<f32>(win, HI + 12));
  const none = i32x4.splat(0);
  let ge = none;
  let le = none;
  let c0: u32 = 0, c1: u32 = 0, c2: u32 = 0, c3: u32 = 0;
  const pairs = (<usize>n) & ~7;
  let i: usize = 0;
  while (i < pairs) {
    const end = min(pairs, i + CHUNK * 4);
    let geBytes = none;
    let leBytes = none;
    let k: usize = 0;
    // Two vectors per step (each recorded on its own) halve the loop's bookkeeping.
    for (; i < end; i += 8) {
      const a = v128.load(p + (i << 2));
      const b = v128.load(p + (i << 2), 16);
      const ga = packMasks(f32x4.ge(a, lo0), W > 1 ? f32x4.ge(a, lo1) : none, W > 2 ? f32x4.ge(a, lo2) : none, W > 3 ? f32x4.ge(a, lo3) : none);
      const la = packMasks(f32x4.le(a, hi0), W > 1 ? f32x4.le(a, hi1) : none, W > 2 ? f32x4.le(a, hi2) : none, W > 3 ? f32x4.le(a, hi3) : none);
      store<u32>(hits + (k << 2), <u32>i);
      k += <usize>(i8x16.bitmask(v128.and(ga, la)) != 0);
      const gb = packMasks(f32x4.ge(b, lo0), W > 1 ? f32x4.ge(b, lo1) : none, W > 2 ? f32x4.ge(b, lo2) : none, W > 3 ? f32x4.ge(b, lo3) : none);
      const lb = packMasks(f32x4.le(b, hi0), W > 1 ? f32x4.le(b, hi1) : none, W > 2 ? f32x4.le(b, hi2) : none, W > 3 ? f32x4.le(b, hi3) : none);
      store<u32>(hits + (k << 2), <u32>i + 4);
      k += <usize>(i8x16.bitmask(v128.and(gb, lb)) != 0);
      geBytes = i8x16.sub(i8x16.sub(geBytes, ga), gb);
      leBytes = i8x16.sub(i8x16.sub(leBytes, la), lb);
    }
    // Byte j·4 + lane counts window j: two pairwise sums give one total per window.
    ge = i32x4.add(ge, i32x4.extadd_pairwise_i16x8_u(i16x8.extadd_pairwise_i8x16_u(geBytes)));
    le = i32x4.add(le, i32x4.extadd_pairwise_i16x8_u(i16x8.extadd_pairwise_i8x16_u(leBytes)));
    for (let t: usize = 0; t < k; t++) {
      const v = v128.load(p + (<usize>load<u32>(hits + (t << 2)) << 2));
      const key = keysF32x4(v);
      c0 = appendInside(<usize>load<u32>(win, DST), load<u32>(win, CAP), c0, v, key, lo0, hi0);
      if (W > 1) c1 = appendInside(<usize>load<u32>(win, DST + 4), load<u32>(win, CAP + 4), c1, v, key, lo1, hi1);
      if (W > 2) c2 = appendInside(<usize>load<u32>(win, DST + 8), load<u32>(win, CAP + 8), c2, v, key, lo2, hi2);
      if (W > 3) c3 = appendInside(<usize>load<u32>(win, DST + 12), load<u32>(win, CAP + 12), c3, v, key, lo3, hi3);
    }
  }
  v128.store(win + GE, ge);
  v128.store(win + LE, le);
  store<u32>(win + IN, c0);
  store<u32>(win + IN + 4, c1);
  store<u32>(win + IN + 8, c2);
  store<u32>(win + IN + 12, c3);
  for (; i < <usize>n; i++) tailF32(load<f32>(p + (i << 2)), win, W);
}

/** Four i32x4 masks (−1/0) → one i8x16 mask, window j in bytes 4j … 4j+3. */
@inline function packMasks(a: v128, b: v128, c: v128, d: v128): v128 {
  return i8x16.narrow_i16x8_s(i16x8.narrow_i32x4_s(a, b), i16x8.narrow_i32x4_s(c, d));
}

/** Appends the keys of the lanes of v inside [lo, hi] to one window's buffer. */
@inline function appendInside(dst: usize, cap: u32, c: u32, v: v128, key: v128, lo: v128, hi: v128): u32 {
  return appendLanes32(dst, cap, c, key, v128.and(f32x4.ge(v, lo), f32x4.le(v, hi)));
}

/** One leftover value, scalar, updating the block's counts directly. */
function tailF32(x: f32, win: usize, W: i32): void {
  for (let j: usize = 0; j < <usize>W; j++) {
    const o = j << 2;
    const ge = x >= load<f32>(win + LO + o);
    const le = x <= load<f32>(win + HI + o);
    store<u32>(win + GE + o, load<u32>(win + GE + o) + <u32>ge);
    store<u32>(win + LE + o, load<u32>(win + LE + o) + <u32>le);
    if (ge && le) {
      const c = load<u32>(win + IN + o);
      if (c <= load<u32>(win + CAP + o)) store<u32>(<usize>load<u32>(win + DST + o) + (<usize>c << 2), keyF32(reinterpret<u32>(x)));
      store<u32>(win + IN + o, c + 1);
    }
  }
}
