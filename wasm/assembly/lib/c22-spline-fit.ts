// Least-squares cubic spline with two pieces (C² at the join) for PD_PeriodicityWang's detrending: x = 0..n−1,
// breaks at 0, ⌊n/2⌋ − 1 and n − 1 (the reference's break positions). Solved in the B-spline basis (knots
// 0,0,0,0, mid, end,end,end,end: 5 functions, each point touching 4) through 5×5 normal equations; the same
// arithmetic, in the same order, as the JS version (the per-point work is in c22-spline-span).
import { ldf, stf } from './c22-mem';
import { GRAM, INVERSES, KNOTS, RHS, spanPass } from './c22-spline-span';

@inline function kn(i: i32): f64 {
  return ldf(KNOTS, i);
}

function prepareInverses(): void {
  for (let span = 3; span <= 4; span++) {
    const o = (span - 3) * 6;
    stf(INVERSES, o, 1 / (kn(span + 1) - kn(span)));
    stf(INVERSES, o + 1, 1 / (kn(span + 1) - kn(span - 1)));
    stf(INVERSES, o + 2, 1 / (kn(span + 2) - kn(span)));
    stf(INVERSES, o + 3, 1 / (kn(span + 1) - kn(span - 2)));
    stf(INVERSES, o + 4, 1 / (kn(span + 2) - kn(span - 1)));
    stf(INVERSES, o + 5, 1 / (kn(span + 3) - kn(span)));
  }
}

@inline function g(i: i32, j: i32): f64 {
  return ldf(GRAM, i * 5 + j);
}

/** Solves GRAM·c = RHS in place (RHS becomes c) by Cholesky; GRAM is 5×5 symmetric positive definite. */
function solveCholesky5(): void {
  for (let j = 0; j < 5; j++) {
    let d = g(j, j);
    for (let k = 0; k < j; k++) d -= g(j, k) * g(j, k);
    d = Math.sqrt(d);
    stf(GRAM, j * 5 + j, d);
    for (let i = j + 1; i < 5; i++) {
      let v = g(i, j);
      for (let k = 0; k < j; k++) v -= g(i, k) * g(j, k);
      stf(GRAM, i * 5 + j, v / d);
    }
  }
  for (let i = 0; i < 5; i++) {
    let v = ldf(RHS, i);
    for (let k = 0; k < i; k++) v -= g(i, k) * ldf(RHS, k);
    stf(RHS, i, v / g(i, i));
  }
  for (let i = 4; i >= 0; i--) {
    let v = ldf(RHS, i);
    for (let k = i + 1; k < 5; k++) v -= g(k, i) * ldf(RHS, k);
    stf(RHS, i, v / g(i, i));
  }
}

/** fitted[i] (f64 × n) = the two-piece spline fitted to y[0..n) (f64). */
export function splineFitTwoPieces(y: usize, n: i32, fitted: usize): void {
  const mid = n / 2 - 1;
  const end = <f64>(n - 1);
  for (let i = 0; i < 4; i++) stf(KNOTS, i, 0);
  stf(KNOTS, 4, <f64>mid);
  for (let i = 5; i < 9; i++) stf(KNOTS, i, end);
  prepareInverses();
  memory.fill(GRAM, 0, 25 * 8);
  memory.fill(RHS, 0, 5 * 8);
  spanPass(y, 0, mid, 3, 0);
  spanPass(y, mid, n, 4, 0);
  solveCholesky5();
  spanPass(y, 0, mid, 3, fitted);
  spanPass(y, mid, n, 4, fitted);
}
