// The inner loops of SC_FluctAnal: for every window of size tau over the cumulative sum cs, a least-squares
// line against x = 1..tau, then the residuals' range (rsrangefit) or squares (dfa). The line sums put two
// windows in an f64x2 (lane = window) and run two vectors side by side, so four windows' sums are in flight
// at once; within a window every sum still runs left to right, and per-lane f64x2 arithmetic rounds as
// scalar f64, so the results are bit-identical to the JS version's window-by-window loops.
import { ldf, ldv, stf, stv } from './c22-mem';

/** Lanes (cs[a], cs[b]). */
@inline function pair(cs: usize, a: i32, b: i32): v128 {
  return v128.load64_lane(cs + (<usize>b << 3), v128.load64_splat(cs + (<usize>a << 3)), 1);
}

/** Per-window line and results, set by the group kernels: slopes/intercepts of windows w..w+3. */
let slopeA: v128 = f64x2.splat(0), slopeB: v128 = f64x2.splat(0);
let interA: v128 = f64x2.splat(0), interB: v128 = f64x2.splat(0);

/**
 * Line fits of the four windows starting at cs element indices a0 < a1 < a2 < a3 (each tau long):
 * Σ (k+1)·v and Σ v left to right, then slope and intercept as the JS version computes them. Points k and
 * k + 1 of two windows come from two contiguous loads and two shuffles.
 */
function fit4(cs: usize, a0: i32, a1: i32, a2: i32, a3: i32, tau: i32, sx: f64, sxx: f64, denom: f64): void {
  let sxyA = f64x2.splat(0), syA = sxyA, sxyB = sxyA, syB = sxyA;
  const two = f64x2.splat(2);
  let k1 = f64x2.splat(1), k2 = two;
  let k = 0;
  for (; k + 2 <= tau; k += 2) {
    const x0 = ldv(cs, a0 + k), x1 = ldv(cs, a1 + k), x2 = ldv(cs, a2 + k), x3 = ldv(cs, a3 + k);
    const vA = v128.shuffle<f64>(x0, x1, 0, 2), wA = v128.shuffle<f64>(x0, x1, 1, 3);
    const vB = v128.shuffle<f64>(x2, x3, 0, 2), wB = v128.shuffle<f64>(x2, x3, 1, 3);
    sxyA = f64x2.add(sxyA, f64x2.mul(k1, vA));
    syA = f64x2.add(syA, vA);
    sxyB = f64x2.add(sxyB, f64x2.mul(k1, vB));
    syB = f64x2.add(syB, vB);
    sxyA = f64x2.add(sxyA, f64x2.mul(k2, wA));
    syA = f64x2.add(syA, wA);
    sxyB = f64x2.add(sxyB, f64x2.mul(k2, wB));
    syB = f64x2.add(syB, wB);
    k1 = f64x2.add(k1, two);
    k2 = f64x2.add(k2, two);
  }
  if (k < tau) {
    const vA = pair(cs, a0 + k, a1 + k), vB = pair(cs, a2 + k, a3 + k);
    sxyA = f64x2.add(sxyA, f64x2.mul(k1, vA));
    syA = f64x2.add(syA, vA);
    sxyB = f64x2.add(sxyB, f64x2.mul(k1, vB));
    syB = f64x2.add(syB, vB);
  }
  const tv = f64x2.splat(<f64>tau), sxv = f64x2.splat(sx), sxxv = f64x2.splat(sxx), dv = f64x2.splat(denom);
  slopeA = f64x2.div(f64x2.sub(f64x2.mul(tv, sxyA), f64x2.mul(sxv, syA)), dv);
  interA = f64x2.div(f64x2.sub(f64x2.mul(syA, sxxv), f64x2.mul(sxv, sxyA)), dv);
  slopeB = f64x2.div(f64x2.sub(f64x2.mul(tv, sxyB), f64x2.mul(sxv, syB)), dv);
  interB = f64x2.div(f64x2.sub(f64x2.mul(syB, sxxv), f64x2.mul(sxv, sxyB)), dv);
}

/** Slope and intercept of window l (0..3) of the last fit4. */
@inline function slopeOf(l: i32): f64 {
  const v = l < 2 ? slopeA : slopeB;
  return (l & 1) == 0 ? f64x2.extract_lane(v, 0) : f64x2.extract_lane(v, 1);
}

@inline function interceptOf(l: i32): f64 {
  const v = l < 2 ? interA : interB;
  return (l & 1) == 0 ? f64x2.extract_lane(v, 0) : f64x2.extract_lane(v, 1);
}

/** Residuals in two windows' lanes at the point whose x (k + 1) is splat in kk. */
@inline function residual(v: v128, kk: v128, slope: v128, intercept: v128): v128 {
  return f64x2.sub(v, f64x2.add(f64x2.mul(slope, kk), intercept));
}

/**
 * Σ over windows of (max − min residual)², added in window order; windows w = 0..windows−1 at w·tau. The
 * residuals keep the four windows in lanes, as the fit did; pmin(lo, r) = r < lo ? r : lo is the JS
 * version's `if (r < lo) lo = r`.
 */
export function rangeTotal(cs: usize, tau: i32, windows: i32, sx: f64, sxx: f64, denom: f64): f64 {
  let total: f64 = 0;
  const last = windows - 1;
  const two = f64x2.splat(2);
  for (let w = 0; w < windows; w += 4) {
    // a short last group repeats its last window; the repeats are not added
    const a0 = w * tau, a1 = min(w + 1, last) * tau, a2 = min(w + 2, last) * tau, a3 = min(w + 3, last) * tau;
    fit4(cs, a0, a1, a2, a3, tau, sx, sxx, denom);
    const sA = slopeA, iA = interA, sB = slopeB, iB = interB;
    let loA = f64x2.splat(Infinity), hiA = f64x2.splat(-Infinity), loB = loA, hiB = hiA;
    let k1 = f64x2.splat(1), k2 = two;
    let k = 0;
    for (; k + 2 <= tau; k += 2) {
      const x0 = ldv(cs, a0 + k), x1 = ldv(cs, a1 + k), x2 = ldv(cs, a2 + k), x3 = ldv(cs, a3 + k);
      let r = residual(v128.shuffle<f64>(x0, x1, 0, 2), k1, sA, iA);
      loA = f64x2.pmin(loA, r);
      hiA = f64x2.pmax(hiA, r);
      r = residual(v128.shuffle<f64>(x2, x3, 0, 2), k1, sB, iB);
      loB = f64x2.pmin(loB, r);
      hiB = f64x2.pmax(hiB, r);
      r = residual(v128.shuffle<f64>(x0, x1, 1, 3), k2, sA, iA);
      loA = f64x2.pmin(loA, r);
      hiA = f64x2.pmax(hiA, r);
      r = residual(v128.shuffle<f64>(x2, x3, 1, 3), k2, sB, iB);
      loB = f64x2.pmin(loB, r);
      hiB = f64x2.pmax(hiB, r);
      k1 = f64x2.add(k1, two);
      k2 = f64x2.add(k2, two);
    }
    if (k < tau) {
      let r = residual(pair(cs, a0 + k, a1 + k), k1, sA, iA);
      loA = f64x2.pmin(loA, r);
      hiA = f64x2.pmax(hiA, r);
      r = residual(pair(cs, a2 + k, a3 + k), k1, sB, iB);
      loB = f64x2.pmin(loB, r);
      hiB = f64x2.pmax(hiB, r);
    }
    const dA = f64x2.sub(hiA, loA), dB = f64x2.sub(hiB, loB);
    const sqA = f64x2.mul(dA, dA), sqB = f64x2.mul(dB, dB);
    const left = windows - w;
    total += f64x2.extract_lane(sqA, 0);
    if (left > 1) total += f64x2.extract_lane(sqA, 1);
    if (left > 2) total += f64x2.extract_lane(sqB, 0);
    if (left > 3) total += f64x2.extract_lane(sqB, 1);
  }
  return total;
}

/**
 * Squared residuals of every window of size tau into sq[0..windows·tau) (f64), window by window. The caller
 * adds them up in that order: one sequential sum, as the JS version's `total += r * r`.
 */
export function squaresInto(cs: usize, tau: i32, windows: i32, sx: f64, sxx: f64, denom: f64, sq: usize): void {
  for (let w = 0; w < windows; w += 4) {
    const last = windows - 1;
    const a0 = w * tau, a1 = min(w + 1, last) * tau, a2 = min(w + 2, last) * tau, a3 = min(w + 3, last) * tau;
    fit4(cs, a0, a1, a2, a3, tau, sx, sxx, denom);
    const left = min(windows - w, 4);
    for (let l = 0; l < left; l++) {
      const slope = slopeOf(l), intercept = interceptOf(l);
      const base = (w + l) * tau;
      // points k, k + 1 per vector: slope·(k+1) + intercept per lane
      const s2 = f64x2.splat(slope), i2 = f64x2.splat(intercept), step = f64x2.splat(2);
      let kk = f64x2(1, 2);
      let k = 0;
      for (; k + 2 <= tau; k += 2) {
        const r = f64x2.sub(ldv(cs, base + k), f64x2.add(f64x2.mul(s2, kk), i2));
        stv(sq, base + k, f64x2.mul(r, r));
        kk = f64x2.add(kk, step);
      }
      if (k < tau) {
        const r = ldf(cs, base + k) - (slope * <f64>(k + 1) + intercept);
        stf(sq, base + k, r * r);
      }
    }
  }
}
