// Elementwise f32 ops that sit between GEMMs in a model (bias adds, scales, activations, the int32 → f32
// cast of MatMulInteger), so a chain of nodes stays in WASM memory. Each output element is one f32
// operation on f32 inputs, the same rounding as the reference's float64-then-round (for + − × ÷).

/**
 * out[i] = x[i] op y[j], op 0 add, 1 sub, 2 mul, 3 div. y is broadcast along rows: period = its length
 * (n for same shape, 1 for a scalar, N for a row vector over rows of N). out may alias x.
 */
export function binaryF32(op: i32, x: usize, n: i32, y: usize, period: i32, out: usize): void {
  if (period == 1) {
    const s = f32x4.splat(load<f32>(y));
    let i = 0;
    for (; i + 4 <= n; i += 4) {
      const p = <usize>i << 2;
      v128.store(out + p, apply(op, v128.load(x + p), s));
    }
    for (; i < n; i++) store<f32>(out + (<usize>i << 2), f32x4.extract_lane(apply(op, f32x4.splat(load<f32>(x + (<usize>i << 2))), s), 0));
    return;
  }
  for (let r = 0; r < n; r += period) {
    const xr = x + (<usize>r << 2);
    const orow = out + (<usize>r << 2);
    let j = 0;
    for (; j + 4 <= period; j += 4) {
      const p = <usize>j << 2;
      v128.store(orow + p, apply(op, v128.load(xr + p), v128.load(y + p)));
    }
    for (; j < period; j++) {
      const p = <usize>j << 2;
      store<f32>(orow + p, f32x4.extract_lane(apply(op, f32x4.splat(load<f32>(xr + p)), f32x4.splat(load<f32>(y + p))), 0));
    }
  }
}

@inline function apply(op: i32, a: v128, b: v128): v128 {
  if (op == 0) return f32x4.add(a, b);
  if (op == 1) return f32x4.sub(a, b);
  if (op == 2) return f32x4.mul(a, b);
  return f32x4.div(a, b);
}

/** In place or out of place: v < 0 ? 0 : v (NaN and −0 kept, as the reference Relu). */
export function reluF32(x: usize, n: i32, out: usize): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const p = <usize>i << 2;
    v128.store(out + p, f32x4.pmax(v128.load(x + p), f32x4.splat(0)));
  }
  for (; i < n; i++) {
    const v = load<f32>(x + (<usize>i << 2));
    store<f32>(out + (<usize>i << 2), v < 0 ? 0 : v);
  }
}

/** Sigmoid split by sign (no overflow), in f64 then rounded, like the reference. */
export function sigmoidF32(x: usize, n: i32, out: usize): void {
  for (let i = 0; i < n; i++) {
    const v = <f64>load<f32>(x + (<usize>i << 2));
    const y = v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
    store<f32>(out + (<usize>i << 2), <f32>y);
  }
}

/** int32 → f32 (round to nearest even), the Cast MatMulInteger's output goes through. */
export function castI32F32(x: usize, n: i32, out: usize): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const p = <usize>i << 2;
    v128.store(out + p, f32x4.convert_i32x4_s(v128.load(x + p)));
  }
  for (; i < n; i++) store<f32>(out + (<usize>i << 2), <f32>load<i32>(x + (<usize>i << 2)));
}
