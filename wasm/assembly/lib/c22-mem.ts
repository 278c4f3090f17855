// Element access for catch22's raw buffers: f64 (8-byte) and i32 (4-byte) arrays addressed by a base
// pointer and an element index, the same indexing the JS version does on typed arrays.

@inline export function ldf(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}

@inline export function stf(p: usize, i: i32, v: f64): void {
  store<f64>(p + (<usize>i << 3), v);
}

@inline export function ldi(p: usize, i: i32): i32 {
  return load<i32>(p + (<usize>i << 2));
}

@inline export function sti(p: usize, i: i32, v: i32): void {
  store<i32>(p + (<usize>i << 2), v);
}

/** Two consecutive f64 at element i (unaligned is fine). */
@inline export function ldv(p: usize, i: i32): v128 {
  return v128.load(p + (<usize>i << 3));
}

@inline export function stv(p: usize, i: i32, v: v128): void {
  v128.store(p + (<usize>i << 3), v);
}

/** Writes v to p[from..to). */
export function fillF64(p: usize, from: i32, to: i32, v: f64): void {
  const s = f64x2.splat(v);
  let i = from;
  for (; i + 2 <= to; i += 2) stv(p, i, s);
  if (i < to) stf(p, i, v);
}

/** Smallest power of two ≥ n (n ≥ 1). */
@inline export function nextPow2(n: i32): i32 {
  return n <= 1 ? 1 : 1 << (32 - clz<i32>(n - 1));
}

@inline export function log2i(n: i32): i32 {
  return 31 - clz<i32>(n);
}
