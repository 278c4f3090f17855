// The sampled path's one pass over f64 input; see window-pass-f32.ts (same contract and structure, two lanes
// per vector).
import { keyF64, keysF64x2 } from './order-keys';
import { appendLanes64 } from './compress-lanes';

/** Window block, 16-byte aligned, four windows each: lo (f64) at 0, hi (f64, inclusive) at 32, dst (u32 buffer
 *  pointer for u64 keys, cap + 2 slots) at 64, cap (u32) at 80; out (u32): values ≥ lo at 96, values inside at
 *  112, values ≤ hi at 128 (NaN in none). Windows must be disjoint; an unused one has lo = hi = NaN. */
const LO: usize = 0;
const HI: usize = 32;
const DST: usize = 64;
const CAP: usize = 80;
const GE: usize = 96;
const IN: usize = 112;
const LE: usize = 128;

// Vectors per chunk (even): the u16 counters below hold far more, and the chunk's data stays in L1.
const CHUNK: usize = 240;
const hits = memory.data(<i32>CHUNK * 4, 16);

/** Count and compact the n f64 at p (8-byte aligned) against the first 1, 2, 3 or 4 windows of the block at
 *  win. One export per window count. */
export function windowPassF64x1(p: usize, n: u32, win: usize): void {
  passF64(p, n, win, 1);
}
export function windowPassF64x2(p: usize, n: u32, win: usize): void {
  passF64(p, n, win, 2);
}
export function windowPassF64x3(p: usize, n: u32, win: usize): void {
  passF64(p, n, win, 3);
}
export function windowPassF64x4(p: usize, n: u32, win: usize): void {
  passF64(p, n, win, 4);
}

@inline function passF64(p: usize, n: u32, win: usize, W: i32): void {
  const lo0 = f64x2.splat(load<f64>(win, LO));
  const lo1 = f64x2.splat(load<f64>(win, LO + 8));
  const lo2 = f64x2.splat(load<f64>(win, LO + 16));
  const lo3 = f64x2.splat(load<f64>(win, LO + 24));
  const hi0 = f64x2.splat(load<f64>(win, HI));
  const hi1 = f64x2.splat(load<f64>(win, HI + 8));
  const hi2 = f64x2.splat(load<f64>(win, HI + 16));
  const hi3 = f64x2.splat(load<f64>(win, HI + 24));
  const none = i32x4.splat(0);
  let ge = none;
  let le = none;
  let c0: u32 = 0, c1: u32 = 0, c2: u32 = 0, c3: u32 = 0;
  const vectors = (<usize>n) & ~1;
  let i: usize = 0;
  while (i < vectors) {
    const end = min(vectors, i + CHUNK * 2);
    let geWords = none;
    let leWords = none;
    let k: usize = 0;
    for (; i < end; i += 2) {
      const v = v128.load(p + (i << 3));
      const g = packMasks(f64x2.ge(v, lo0), W > 1 ? f64x2.ge(v, lo1) : none, W > 2 ? f64x2.ge(v, lo2) : none, W > 3 ? f64x2.ge(v, lo3) : none);
      const l = packMasks(f64x2.le(v, hi0), W > 1 ? f64x2.le(v, hi1) : none, W > 2 ? f64x2.le(v, hi2) : none, W > 3 ? f64x2.le(v, hi3) : none);
      geWords = i16x8.sub(geWords, g);
      leWords = i16x8.sub(leWords, l);
      store<u32>(hits + (k << 2), <u32>i);
      k += <usize>(i16x8.bitmask(v128.and(g, l)) != 0);
    }
    // Word j·2 + lane counts window j: one pairwise sum gives one total per window.
    ge = i32x4.add(ge, i32x4.extadd_pairwise_i16x8_u(geWords));
    le = i32x4.add(le, i32x4.extadd_pairwise_i16x8_u(leWords));
    for (let t: usize = 0; t < k; t++) {
      const v = v128.load(p + (<usize>load<u32>(hits + (t << 2)) << 3));
      const key = keysF64x2(v);
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
  if (i < <usize>n) tailF64(load<f64>(p + (i << 3)), win, W);
}

/** Four i64x2 masks (−1/0) → one i16x8 mask, window j in words 2j, 2j+1. */
@inline function packMasks(a: v128, b: v128, c: v128, d: v128): v128 {
  return i16x8.narrow_i32x4_s(i32x4.shuffle(a, b, 0, 2, 4, 6), i32x4.shuffle(c, d, 0, 2, 4, 6));
}

/** Appends the keys of the lanes of v inside [lo, hi] to one window's buffer. */
@inline function appendInside(dst: usize, cap: u32, c: u32, v: v128, key: v128, lo: v128, hi: v128): u32 {
  return appendLanes64(dst, cap, c, key, v128.and(f64x2.ge(v, lo), f64x2.le(v, hi)));
}

/** The leftover value (odd n), scalar, updating the block's counts directly. */
function tailF64(x: f64, win: usize, W: i32): void {
  for (let j: usize = 0; j < <usize>W; j++) {
    const o = j << 2;
    const ge = x >= load<f64>(win + LO + (o << 1));
    const le = x <= load<f64>(win + HI + (o << 1));
    store<u32>(win + GE + o, load<u32>(win + GE + o) + <u32>ge);
    store<u32>(win + LE + o, load<u32>(win + LE + o) + <u32>le);
    if (ge && le) {
      const c = load<u32>(win + IN + o);
      if (c <= load<u32>(win + CAP + o)) store<u64>(<usize>load<u32>(win + DST + o) + (<usize>c << 3), keyF64(reinterpret<u64>(x)));
      store<u32>(win + IN + o, c + 1);
    }
  }
}
