// Bin histograms of a run of floats: counts has 4 interleaved u32 copies per slot (slot·16 + copy·4) so that
// consecutive values hitting the same bin do not wait on each other's store; the host adds the copies.
// The float32 kernel also accumulates sum / min / max with SIMD from the same vector load (stats =
// [sum f64, min f64, max f64]); pmin / pmax keep the accumulator when a lane is NaN.
import { slotF32, slotF64 } from './sketch-slot';

// @ts-ignore: decorator
@inline
function bump(counts: usize, slot: i32, copy: usize): void {
  const a = counts + (<usize>slot << 4) + copy;
  store<u32>(a, load<u32>(a) + 1);
}

/** n float32 at p (16-byte aligned); packed: the float32 table; shift = 23 − k. */
export function histF32(p: usize, n: i32, packed: usize, shift: u32, counts: usize, stats: usize): void {
  const mask: u32 = (1 << shift) - 1;
  let s0 = f64x2.splat(0);
  let s1 = f64x2.splat(0);
  let mn = f32x4.splat(Infinity);
  let mx = f32x4.splat(-Infinity);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const q = p + (<usize>i << 2);
    const v = v128.load(q);
    const z = v128.and(v, f32x4.eq(v, v));
    s0 = f64x2.add(s0, f64x2.promote_low_f32x4(z));
    s1 = f64x2.add(s1, f64x2.promote_low_f32x4(i32x4.shuffle(z, z, 2, 3, 0, 1)));
    mn = f32x4.pmin(mn, v);
    mx = f32x4.pmax(mx, v);
    // Scalar reloads of the same 16 bytes are cheaper than four lane extracts.
    bump(counts, slotF32(load<u32>(q), packed, shift, mask), 0);
    bump(counts, slotF32(load<u32>(q, 4), packed, shift, mask), 4);
    bump(counts, slotF32(load<u32>(q, 8), packed, shift, mask), 8);
    bump(counts, slotF32(load<u32>(q, 12), packed, shift, mask), 12);
  }
  let sum = f64x2.extract_lane(s0, 0) + f64x2.extract_lane(s0, 1) + f64x2.extract_lane(s1, 0) + f64x2.extract_lane(s1, 1);
  let lo = <f64>min(min(f32x4.extract_lane(mn, 0), f32x4.extract_lane(mn, 1)), min(f32x4.extract_lane(mn, 2), f32x4.extract_lane(mn, 3)));
  let hi = <f64>max(max(f32x4.extract_lane(mx, 0), f32x4.extract_lane(mx, 1)), max(f32x4.extract_lane(mx, 2), f32x4.extract_lane(mx, 3)));
  for (; i < n; i++) {
    const bits = load<u32>(p + (<usize>i << 2));
    bump(counts, slotF32(bits, packed, shift, mask), 0);
    const v = <f64>reinterpret<f32>(bits);
    if (v != v) continue;
    sum += v;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  store<f64>(stats, load<f64>(stats) + sum);
  store<f64>(stats, min(load<f64>(stats, 8), lo), 8);
  store<f64>(stats, max(load<f64>(stats, 16), hi), 16);
}

/** n float64 at p (8-byte aligned); base / thr64: the float64 table; k = mantissa bits in the key. */
export function histF64(p: usize, n: i32, base: usize, thr64: usize, k: u32, counts: usize): void {
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const q = p + (<usize>i << 3);
    bump(counts, slotF64(load<u32>(q, 4), load<u32>(q), base, thr64, k), 0);
    bump(counts, slotF64(load<u32>(q, 12), load<u32>(q, 8), base, thr64, k), 4);
  }
  if (i < n) {
    const q = p + (<usize>i << 3);
    bump(counts, slotF64(load<u32>(q, 4), load<u32>(q), base, thr64, k), 0);
  }
}
