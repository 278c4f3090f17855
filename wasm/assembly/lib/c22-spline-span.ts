// The per-point work of the two-piece spline fit (c22-spline-fit): cubic B-spline values on one knot span by
// the unrolled Cox–de Boor recursion, two points per f64x2 (every lane rounds as scalar f64), and what is
// done with them: the normal-equation sums (added point by point, in the JS version's order) or the fitted
// values. Knots, the recursion's reciprocal knot distances, the 5×5 system and its solution live here.
import { ldf, stf } from './c22-mem';

/** Knots 0,0,0,0, mid, end,end,end,end. */
export const KNOTS = memory.data(9 * 8);
/** Per span (3, 4): reciprocals of the 6 knot distances the recursion divides by. */
export const INVERSES = memory.data(12 * 8);
/** Row-major 5×5 normal matrix (lower triangle used), then its Cholesky factor. */
export const GRAM = memory.data(25 * 8);
/** Right-hand side, then the spline coefficients. */
export const RHS = memory.data(5 * 8);

@inline function kn(i: i32): f64 {
  return ldf(KNOTS, i);
}

@inline function lo(v: v128): f64 {
  return f64x2.extract_lane(v, 0);
}

@inline function hi(v: v128): f64 {
  return f64x2.extract_lane(v, 1);
}

@inline function addTo(p: usize, i: i32, v: f64): void {
  stf(p, i, ldf(p, i) + v);
}

/**
 * Points [from, to) of knot span `span` (3 or 4), x = the point index. With fitted = 0 adds Σ B_a·B_b and
 * Σ B_a·y over them to GRAM and RHS; otherwise writes fitted[i] = Σ c_a·B_a(i), c = RHS[span − 3 ..].
 * An odd last point runs in lane 0 with a duplicate in lane 1 that is not used.
 */
export function spanPass(y: usize, from: i32, to: i32, span: i32, fitted: usize): void {
  const o = (span - 3) * 6;
  const k0 = f64x2.splat(kn(span)), km1 = f64x2.splat(kn(span - 1)), km2 = f64x2.splat(kn(span - 2));
  const kp1 = f64x2.splat(kn(span + 1)), kp2 = f64x2.splat(kn(span + 2)), kp3 = f64x2.splat(kn(span + 3));
  const v0 = f64x2.splat(ldf(INVERSES, o)), v1 = f64x2.splat(ldf(INVERSES, o + 1));
  const v2 = f64x2.splat(ldf(INVERSES, o + 2)), v3 = f64x2.splat(ldf(INVERSES, o + 3));
  const v4 = f64x2.splat(ldf(INVERSES, o + 4)), v5 = f64x2.splat(ldf(INVERSES, o + 5));
  const c = span - 3;
  const c0 = f64x2.splat(ldf(RHS, c)), c1 = f64x2.splat(ldf(RHS, c + 1));
  const c2 = f64x2.splat(ldf(RHS, c + 2)), c3 = f64x2.splat(ldf(RHS, c + 3));
  let g00: f64 = 0, g10: f64 = 0, g11: f64 = 0, g20: f64 = 0, g21: f64 = 0, g22: f64 = 0;
  let g30: f64 = 0, g31: f64 = 0, g32: f64 = 0, g33: f64 = 0;
  let r0: f64 = 0, r1: f64 = 0, r2: f64 = 0, r3: f64 = 0;
  for (let i = from; i < to; i += 2) {
    const both = i + 1 < to;
    const x = f64x2(<f64>i, <f64>(both ? i + 1 : i));
    const l1 = f64x2.sub(x, k0), l2 = f64x2.sub(x, km1), l3 = f64x2.sub(x, km2);
    const q1 = f64x2.sub(kp1, x), q2 = f64x2.sub(kp2, x), q3 = f64x2.sub(kp3, x);
    // degree 1
    let t = v0;
    let b0 = f64x2.mul(q1, t);
    let b1 = f64x2.mul(l1, t);
    // degree 2
    t = f64x2.mul(b0, v1);
    b0 = f64x2.mul(q1, t);
    let saved = f64x2.mul(l2, t);
    t = f64x2.mul(b1, v2);
    b1 = f64x2.add(saved, f64x2.mul(q2, t));
    let b2 = f64x2.mul(l1, t);
    // degree 3
    t = f64x2.mul(b0, v3);
    b0 = f64x2.mul(q1, t);
    saved = f64x2.mul(l3, t);
    t = f64x2.mul(b1, v4);
    b1 = f64x2.add(saved, f64x2.mul(q2, t));
    saved = f64x2.mul(l2, t);
    t = f64x2.mul(b2, v5);
    b2 = f64x2.add(saved, f64x2.mul(q3, t));
    const b3 = f64x2.mul(l1, t);
    if (fitted != 0) {
      const f = f64x2.add(f64x2.add(f64x2.add(f64x2.mul(c0, b0), f64x2.mul(c1, b1)), f64x2.mul(c2, b2)), f64x2.mul(c3, b3));
      stf(fitted, i, lo(f));
      if (both) stf(fitted, i + 1, hi(f));
      continue;
    }
    const yv = f64x2(ldf(y, i), both ? ldf(y, i + 1) : 0);
    const p00 = f64x2.mul(b0, b0), p10 = f64x2.mul(b1, b0), p11 = f64x2.mul(b1, b1);
    const p20 = f64x2.mul(b2, b0), p21 = f64x2.mul(b2, b1), p22 = f64x2.mul(b2, b2);
    const p30 = f64x2.mul(b3, b0), p31 = f64x2.mul(b3, b1), p32 = f64x2.mul(b3, b2), p33 = f64x2.mul(b3, b3);
    const s0 = f64x2.mul(b0, yv), s1 = f64x2.mul(b1, yv), s2 = f64x2.mul(b2, yv), s3 = f64x2.mul(b3, yv);
    // point i, then point i + 1: each sum runs point by point
    g00 += lo(p00); g10 += lo(p10); g11 += lo(p11); g20 += lo(p20); g21 += lo(p21); g22 += lo(p22);
    g30 += lo(p30); g31 += lo(p31); g32 += lo(p32); g33 += lo(p33);
    r0 += lo(s0); r1 += lo(s1); r2 += lo(s2); r3 += lo(s3);
    if (!both) break;
    g00 += hi(p00); g10 += hi(p10); g11 += hi(p11); g20 += hi(p20); g21 += hi(p21); g22 += hi(p22);
    g30 += hi(p30); g31 += hi(p31); g32 += hi(p32); g33 += hi(p33);
    r0 += hi(s0); r1 += hi(s1); r2 += hi(s2); r3 += hi(s3);
  }
  if (fitted != 0) return;
  // basis functions f..f+3 touch this span
  const f = span - 3;
  const row0 = f * 5 + f;
  addTo(GRAM, row0, g00);
  addTo(GRAM, row0 + 5, g10); addTo(GRAM, row0 + 6, g11);
  addTo(GRAM, row0 + 10, g20); addTo(GRAM, row0 + 11, g21); addTo(GRAM, row0 + 12, g22);
  addTo(GRAM, row0 + 15, g30); addTo(GRAM, row0 + 16, g31); addTo(GRAM, row0 + 17, g32); addTo(GRAM, row0 + 18, g33);
  addTo(RHS, f, r0); addTo(RHS, f + 1, r1); addTo(RHS, f + 2, r2); addTo(RHS, f + 3, r3);
}
