// Natural log of four f32 lanes, for the spectral sums (flatness and entropy).

const LN2: f32 = 0.6931471805599453;

/**
 * vlog's constants (f32 lanes), loaded from memory where used: V8 rebuilds a v128.const at every use inside
 * a loop, which costs more than a load. Order: √2, 0.5, 1, c0 … c6 (ln(1+f) on [√½−1, √2−1], least squares
 * on Chebyshev nodes, |error| < 1.5e-6), ln 2.
 */
const LOG_F = memory.data<f32>([
  1.41421356, 1.41421356, 1.41421356, 1.41421356, 0.5, 0.5, 0.5, 0.5, 1, 1, 1, 1,
  -0.00000110429869, -0.00000110429869, -0.00000110429869, -0.00000110429869,
  1.00001303, 1.00001303, 1.00001303, 1.00001303,
  -0.499786169, -0.499786169, -0.499786169, -0.499786169,
  0.332289418, 0.332289418, 0.332289418, 0.332289418,
  -0.255647710, -0.255647710, -0.255647710, -0.255647710,
  0.222949945, 0.222949945, 0.222949945, 0.222949945,
  -0.139312620, -0.139312620, -0.139312620, -0.139312620,
  0.6931471805599453, 0.6931471805599453, 0.6931471805599453, 0.6931471805599453,
]);
/** Mantissa mask, the bits of 1.0, the exponent bias. */
const LOG_I = memory.data<u32>([0x007fffff, 0x007fffff, 0x007fffff, 0x007fffff, 0x3f800000, 0x3f800000, 0x3f800000, 0x3f800000, 127, 127, 127, 127]);

@inline export function lf(i: usize): v128 {
  return v128.load(LOG_F + (i << 4));
}

@inline function li(i: usize): v128 {
  return v128.load(LOG_I + (i << 4));
}

/**
 * Natural log of four positive finite f32, |error| < 5e-6 (ample: the spectral tolerances are 1e-4):
 * x = 2^e·m with m folded into [√½, √2), then a degree-6 polynomial in m − 1 by Estrin's scheme (short
 * dependency chains: this loop is latency-bound, not throughput-bound).
 */
@inline export function vlog(x: v128): v128 {
  let ex = i32x4.sub(i32x4.shr_u(x, 23), li(2));
  let m = v128.or(v128.and(x, li(0)), li(1));
  const big = f32x4.gt(m, lf(0));
  m = v128.bitselect(f32x4.mul(m, lf(1)), m, big);
  ex = i32x4.sub(ex, big);
  const f = f32x4.sub(m, lf(2));
  const f2 = f32x4.mul(f, f);
  const f4 = f32x4.mul(f2, f2);
  const p01 = f32x4.add(lf(3), f32x4.mul(f, lf(4)));
  const p23 = f32x4.add(lf(5), f32x4.mul(f, lf(6)));
  const p46 = f32x4.add(f32x4.add(lf(7), f32x4.mul(f, lf(8))), f32x4.mul(f2, lf(9)));
  const p = f32x4.add(f32x4.add(p01, f32x4.mul(f2, p23)), f32x4.mul(f4, p46));
  return f32x4.add(f32x4.mul(f32x4.convert_i32x4_s(ex), lf(10)), p);
}
