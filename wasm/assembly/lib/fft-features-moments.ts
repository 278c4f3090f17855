// Passes 1 and 2 over one series (f32 at p, n points), SIMD along time. Pass 1: shifted sum, min, max (NaN
// and ±Inf surface in min/max). Pass 2: e_t = (x_t − μ)·r, stored to `e` for the autocorrelations and the
// FFT, with Σe, Σe², Σe³, Σe⁴, Σ(t − t̄)e summed in f32 blocks of 256 points flushed to f64; then changes,
// crossings (x > μ on the raw values) and peaks (raw comparisons). The lag sums are in fft-features-lags.
import {
  ACC_BAD, ACC_CROSS, ACC_MAX, ACC_MIN, ACC_MU, ACC_N, ACC_PEAKS, ACC_R, ACC_SAD, ACC_SE, ACC_SE2, ACC_SE3, ACC_SE4,
  ACC_STE, MIN_LENGTH, hsum, hsumI,
} from './fft-features-acc';

/** Pass 1; returns true when the series goes on to pass 2 (long enough, finite, not constant). */
export function pass1(p: usize, n: i32, acc: usize): bool {
  store<f64>(acc + ACC_N, <f64>n);
  if (n < MIN_LENGTH) return false;
  const x0 = load<f32>(p);
  const s0 = f32x4.splat(x0);
  // pmin/pmax are single instructions (f32x4.min/max are not, for NaN semantics); a NaN or ±Inf shows up
  // in the shifted sum instead, which must come out finite.
  let vmin = s0, vmax = s0, wmin = s0, wmax = s0;
  let total: f64 = 0;
  let t = 0;
  const n8 = n & ~7;
  while (t < n8) {
    let vs = f32x4.splat(0), ws = vs;
    const end = min(n8, t + 512);
    for (; t < end; t += 8) {
      const x = v128.load(p + (<usize>t << 2));
      const y = v128.load(p + (<usize>t << 2), 16);
      vs = f32x4.add(vs, f32x4.sub(x, s0));
      ws = f32x4.add(ws, f32x4.sub(y, s0));
      vmin = f32x4.pmin(vmin, x);
      vmax = f32x4.pmax(vmax, x);
      wmin = f32x4.pmin(wmin, y);
      wmax = f32x4.pmax(wmax, y);
    }
    total += hsum(f32x4.add(vs, ws));
  }
  vmin = f32x4.pmin(vmin, wmin);
  vmax = f32x4.pmax(vmax, wmax);
  let mn = min(min(f32x4.extract_lane(vmin, 0), f32x4.extract_lane(vmin, 1)), min(f32x4.extract_lane(vmin, 2), f32x4.extract_lane(vmin, 3)));
  let mx = max(max(f32x4.extract_lane(vmax, 0), f32x4.extract_lane(vmax, 1)), max(f32x4.extract_lane(vmax, 2), f32x4.extract_lane(vmax, 3)));
  for (; t < n; t++) {
    const x = load<f32>(p + (<usize>t << 2));
    total += <f64>(x - x0);
    mn = min(mn, x);
    mx = max(mx, x);
  }
  const bad = !isFinite(total) || !isFinite(mn) || !isFinite(mx);
  store<f64>(acc + ACC_BAD, bad ? 1 : 0);
  store<f64>(acc + ACC_MIN, <f64>mn);
  store<f64>(acc + ACC_MAX, <f64>mx);
  const mu = <f32>(<f64>x0 + total / <f64>n);
  store<f64>(acc + ACC_MU, <f64>mu);
  return !bad && mn != mx;
}

/** Pass 2 for a series that passed pass 1; e receives n scaled deviations. */
export function pass2(p: usize, n: i32, acc: usize, e: usize): void {
  const mu = <f32>load<f64>(acc + ACC_MU);
  // r = 1/(max − min), capped so a range in f32's subnormals still scales to finite deviations.
  const r = <f32>min(1.0 / (load<f64>(acc + ACC_MAX) - load<f64>(acc + ACC_MIN)), 8.507059173023462e37);
  store<f64>(acc + ACC_R, <f64>r);
  const muv = f32x4.splat(mu), rv = f32x4.splat(r);
  const tMean = <f32>(n - 1) * 0.5;
  let se: f64 = 0, se2: f64 = 0, se3: f64 = 0, se4: f64 = 0, ste: f64 = 0;
  let t = 0;
  const n8 = n & ~7;
  const four = f32x4.splat(4), eight = f32x4.splat(8);
  while (t < n8) {
    let a1 = f32x4.splat(0), a2 = a1, a3 = a1, a4 = a1, at = a1;
    let b1 = a1, b2 = a1, b3 = a1, b4 = a1, bt = a1;
    let tc = f32x4.sub(f32x4(<f32>t, <f32>(t + 1), <f32>(t + 2), <f32>(t + 3)), f32x4.splat(tMean));
    const end = min(n8, t + 256);
    for (; t < end; t += 8) {
      const o = <usize>t << 2;
      const v = f32x4.mul(f32x4.sub(v128.load(p + o), muv), rv);
      const w = f32x4.mul(f32x4.sub(v128.load(p + o, 16), muv), rv);
      v128.store(e + o, v);
      v128.store(e + o, w, 16);
      const v2 = f32x4.mul(v, v), w2 = f32x4.mul(w, w);
      a1 = f32x4.add(a1, v); b1 = f32x4.add(b1, w);
      a2 = f32x4.add(a2, v2); b2 = f32x4.add(b2, w2);
      a3 = f32x4.add(a3, f32x4.mul(v2, v)); b3 = f32x4.add(b3, f32x4.mul(w2, w));
      a4 = f32x4.add(a4, f32x4.mul(v2, v2)); b4 = f32x4.add(b4, f32x4.mul(w2, w2));
      at = f32x4.add(at, f32x4.mul(tc, v)); bt = f32x4.add(bt, f32x4.mul(f32x4.add(tc, four), w));
      tc = f32x4.add(tc, eight);
    }
    se += hsum(f32x4.add(a1, b1)); se2 += hsum(f32x4.add(a2, b2)); se3 += hsum(f32x4.add(a3, b3));
    se4 += hsum(f32x4.add(a4, b4)); ste += hsum(f32x4.add(at, bt));
  }
  for (; t < n; t++) {
    const v = (load<f32>(p + (<usize>t << 2)) - mu) * r;
    store<f32>(e + (<usize>t << 2), v);
    const v2 = <f64>v * <f64>v;
    se += v; se2 += v2; se3 += v2 * v; se4 += v2 * v2;
    ste += (<f64>t - <f64>tMean) * <f64>v;
  }
  store<f64>(acc + ACC_SE, se);
  store<f64>(acc + ACC_SE2, se2);
  store<f64>(acc + ACC_SE3, se3);
  store<f64>(acc + ACC_SE4, se4);
  store<f64>(acc + ACC_STE, ste);
  changes(p, n, mu, e, acc);
}

/** Σ|e_{t+1} − e_t|, crossings of μ between neighbours, strict interior local maxima. */
function changes(p: usize, n: i32, mu: f32, e: usize, acc: usize): void {
  const muv = f32x4.splat(mu);
  let sad: f64 = 0;
  let cross = 0, peaks = 0;
  // Point 0's pair (0, 1); then blocks t … t+3 with 1 ≤ t and t+4 < n have both neighbours.
  sad += <f64>abs(load<f32>(e, 4) - load<f32>(e));
  if ((load<f32>(p) > mu) != (load<f32>(p, 4) > mu)) cross++;
  let t = 1;
  while (t + 4 < n) {
    let vs = f32x4.splat(0), vc = i32x4.splat(0), vp = i32x4.splat(0);
    const end = min(n - 4, t + 256);
    for (; t < end; t += 4) {
      const o = <usize>t << 2;
      const x = v128.load(p + o), xm = v128.load(p + o - 4), x1 = v128.load(p + o + 4);
      vs = f32x4.add(vs, f32x4.abs(f32x4.sub(v128.load(e + o + 4), v128.load(e + o))));
      vc = i32x4.sub(vc, v128.xor(f32x4.gt(x, muv), f32x4.gt(x1, muv)));
      vp = i32x4.sub(vp, v128.and(f32x4.gt(x, xm), f32x4.gt(x, x1)));
    }
    sad += hsum(vs);
    cross += hsumI(vc);
    peaks += hsumI(vp);
  }
  for (; t + 1 < n; t++) {
    const o = <usize>t << 2;
    const x = load<f32>(p + o), x1 = load<f32>(p + o + 4);
    sad += <f64>abs(load<f32>(e + o + 4) - load<f32>(e + o));
    if ((x > mu) != (x1 > mu)) cross++;
    if (x > load<f32>(p + o - 4) && x > x1) peaks++;
  }
  store<f64>(acc + ACC_SAD, sad);
  store<f64>(acc + ACC_CROSS, <f64>cross);
  store<f64>(acc + ACC_PEAKS, <f64>peaks);
}
