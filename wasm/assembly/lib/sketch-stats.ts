// Sum (NaN left out), min and max of a run of float64 (the float32 kernel fuses this into its histogram), accumulated into stats = [sum, min, max] (f64). pmin/pmax
// keep the accumulator when the value is NaN (pmin(a, b) = b < a ? b : a), so NaN never reaches min or max.

export function statsF64(p: usize, n: i32, stats: usize): void {
  let s0 = f64x2.splat(0);
  let s1 = f64x2.splat(0);
  let mn = f64x2.splat(Infinity);
  let mx = f64x2.splat(-Infinity);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const q = p + (<usize>i << 3);
    const a = v128.load(q);
    const b = v128.load(q, 16);
    s0 = f64x2.add(s0, v128.and(a, f64x2.eq(a, a)));
    s1 = f64x2.add(s1, v128.and(b, f64x2.eq(b, b)));
    mn = f64x2.pmin(f64x2.pmin(mn, a), b);
    mx = f64x2.pmax(f64x2.pmax(mx, a), b);
  }
  let sum = f64x2.extract_lane(s0, 0) + f64x2.extract_lane(s0, 1) + f64x2.extract_lane(s1, 0) + f64x2.extract_lane(s1, 1);
  let lo = min(f64x2.extract_lane(mn, 0), f64x2.extract_lane(mn, 1));
  let hi = max(f64x2.extract_lane(mx, 0), f64x2.extract_lane(mx, 1));
  for (; i < n; i++) {
    const v = load<f64>(p + (<usize>i << 3));
    if (v != v) continue;
    sum += v;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  store<f64>(stats, load<f64>(stats) + sum);
  store<f64>(stats, min(load<f64>(stats, 8), lo), 8);
  store<f64>(stats, max(load<f64>(stats, 16), hi), 16);
}
