// Grouped sketches in two passes. range*: the lowest and highest bin slot per sign (to size the shared window)
// and the number of slow values. scatter*: one count per value into a [groups × W] u32 matrix through colOf
// (slot → column, already clamped to the window, i.e. collapsed), plus per-group sum / min / max (f64 × 3).
import { slotF32, slotF64, SLOT_SLOW } from './sketch-slot';

// @ts-ignore: decorator
@inline
function track(slot: i32, posBase: i32, out: usize): void {
  if (slot >= posBase) {
    store<i32>(out, min(load<i32>(out, 8), slot), 8);
    store<i32>(out, max(load<i32>(out, 12), slot), 12);
  } else if (slot >= 4) {
    store<i32>(out, min(load<i32>(out), slot));
    store<i32>(out, max(load<i32>(out, 4), slot), 4);
  } else if (slot == SLOT_SLOW) {
    store<i32>(out, load<i32>(out, 16) + 1, 16);
  }
}

/** out: [negMin, negMax, posMin, posMax, slow] (i32), accumulated. */
export function rangeF32(p: usize, n: i32, packed: usize, shift: u32, posBase: i32, out: usize): void {
  const mask: u32 = (1 << shift) - 1;
  for (let i = 0; i < n; i++) track(slotF32(load<u32>(p + (<usize>i << 2)), packed, shift, mask), posBase, out);
}

export function rangeF64(p: usize, n: i32, base: usize, thr64: usize, k: u32, posBase: i32, out: usize): void {
  for (let i = 0; i < n; i++) {
    const q = p + (<usize>i << 3);
    track(slotF64(load<u32>(q, 4), load<u32>(q), base, thr64, k), posBase, out);
  }
}

// @ts-ignore: decorator
@inline
function put(v: f64, slot: i32, g: usize, colOf: usize, w: usize, matrix: usize, gstats: usize): void {
  const a = matrix + ((g * w + <usize>load<i32>(colOf + (<usize>slot << 2))) << 2);
  store<u32>(a, load<u32>(a) + 1);
  if (v == v) {
    const s = gstats + g * 24;
    store<f64>(s, load<f64>(s) + v);
    store<f64>(s, min(load<f64>(s, 8), v), 8);
    store<f64>(s, max(load<f64>(s, 16), v), 16);
  }
}

/** gidx: dense group index per value (u32). */
export function scatterF32(p: usize, gidx: usize, n: i32, packed: usize, shift: u32, colOf: usize, w: i32, matrix: usize, gstats: usize): void {
  const mask: u32 = (1 << shift) - 1;
  for (let i = 0; i < n; i++) {
    const bits = load<u32>(p + (<usize>i << 2));
    const g = <usize>load<u32>(gidx + (<usize>i << 2));
    put(<f64>reinterpret<f32>(bits), slotF32(bits, packed, shift, mask), g, colOf, <usize>w, matrix, gstats);
  }
}

export function scatterF64(p: usize, gidx: usize, n: i32, base: usize, thr64: usize, k: u32, colOf: usize, w: i32, matrix: usize, gstats: usize): void {
  for (let i = 0; i < n; i++) {
    const q = p + (<usize>i << 3);
    const g = <usize>load<u32>(gidx + (<usize>i << 2));
    put(load<f64>(q), slotF64(load<u32>(q, 4), load<u32>(q), base, thr64, k), g, colOf, <usize>w, matrix, gstats);
  }
}
