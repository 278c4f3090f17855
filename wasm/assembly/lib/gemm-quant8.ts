// Per-tensor 8-bit quantization ops that run node by node in WASM: QuantizeLinear / DynamicQuantizeLinear
// codes, DequantizeLinear, and QLinearMatMul's requantization of i32 products in f64.

/**
 * n values of x → 8-bit codes at out: clamp(round_half_even(x / scale) + zp, lo, hi), stored as bytes
 * (lo/hi 0/255 for u8, −128/127 for i8). NaN: DynamicQuantizeLinear's reference stores 0; QuantizeLinear's
 * sends NaN to the zero point (nanToZp ≠ 0).
 */
export function quantize8(x: usize, n: i32, scale: f32, zp: i32, lo: i32, hi: i32, nanToZp: i32, out: usize): void {
  const s = f32x4.splat(scale);
  const z = f32x4.splat(<f32>zp);
  const l = f32x4.splat(<f32>lo);
  const h = f32x4.splat(<f32>hi);
  const fixNan = nanToZp != 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    let v = f32x4.div(v128.load(x + (<usize>i << 2)), s);
    if (fixNan) v = v128.bitselect(v, f32x4.splat(0), f32x4.eq(v, v));
    const q = i32x4.trunc_sat_f32x4_s(f32x4.pmin(f32x4.pmax(f32x4.add(f32x4.nearest(v), z), l), h));
    // Values are within [lo, hi] already: the saturating narrows only pick the low byte of each lane.
    const b = lo < 0 ? i8x16.narrow_i16x8_s(i16x8.narrow_i32x4_s(q, q), i16x8.splat(0)) : i8x16.narrow_i16x8_u(i16x8.narrow_i32x4_s(q, q), i16x8.splat(0));
    v128.store32_lane(out + <usize>i, b, 0);
  }
  for (; i < n; i++) {
    let v = f32x4.div(f32x4.splat(load<f32>(x + (<usize>i << 2))), s);
    if (fixNan) v = v128.bitselect(v, f32x4.splat(0), f32x4.eq(v, v));
    const q = f32x4.pmin(f32x4.pmax(f32x4.add(f32x4.nearest(v), z), l), h);
    store<i8>(out + <usize>i, <i8>i32x4.extract_lane(i32x4.trunc_sat_f32x4_s(q), 0));
  }
}

/** n 8-bit codes (u8, or i8 when signed ≠ 0) → f32: (q − zp) · scale, both steps in f32 (DequantizeLinear). */
export function dequantize8(x: usize, n: i32, signed: i32, zp: i32, scale: f32, out: usize): void {
  const s = f32x4.splat(scale);
  const z = i32x4.splat(zp);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const v = v128.load32_zero(x + <usize>i);
    const w = signed ? i32x4.extend_low_i16x8_s(i16x8.extend_low_i8x16_s(v)) : i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v));
    v128.store(out + (<usize>i << 2), f32x4.mul(f32x4.convert_i32x4_s(i32x4.sub(w, z)), s));
  }
  for (; i < n; i++) {
    const q: i32 = signed ? <i32>load<i8>(x + <usize>i) : <i32>load<u8>(x + <usize>i);
    store<f32>(out + (<usize>i << 2), <f32>(q - zp) * scale);
  }
}

/**
 * QLinearMatMul's requantization of i32 products (M rows of N): y = clamp(round_half_even(acc · mult[col]
 * + zp), lo, hi) in f64, as the reference computes it, stored as bytes.
 */
export function requantize8(acc: usize, M: i32, N: i32, mult: usize, zp: i32, lo: i32, hi: i32, out: usize): void {
  const z = f64x2.splat(<f64>zp);
  const l = f64x2.splat(<f64>lo);
  const h = f64x2.splat(<f64>hi);
  for (let r = 0; r < M; r++) {
    const a = acc + (<usize>r * N << 2);
    const o = out + <usize>r * N;
    let j = 0;
    for (; j + 2 <= N; j += 2) {
      const v = f64x2.add(f64x2.mul(f64x2.convert_low_i32x4_s(v128.load64_zero(a + (<usize>j << 2))), v128.load(mult + (<usize>j << 3))), z);
      const q = f64x2.pmin(f64x2.pmax(f64x2.nearest(v), l), h);
      store<i8>(o + <usize>j, <i8><i32>f64x2.extract_lane(q, 0));
      store<i8>(o + <usize>j, <i8><i32>f64x2.extract_lane(q, 1), 1);
    }
    for (; j < N; j++) {
      const v = f64x2.add(f64x2.mul(f64x2.splat(<f64>load<i32>(a + (<usize>j << 2))), f64x2.splat(load<f64>(mult + (<usize>j << 3)))), z);
      const q = f64x2.pmin(f64x2.pmax(f64x2.nearest(v), l), h);
      store<i8>(o + <usize>j, <i8><i32>f64x2.extract_lane(q, 0));
    }
  }
}

