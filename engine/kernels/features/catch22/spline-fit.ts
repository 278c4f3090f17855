/**
 * Least-squares cubic spline with two pieces (C² at the join) for PD_PeriodicityWang's detrending:
 * x = 0..n−1, breaks at 0, ⌊n/2⌋ − 1 and n − 1 (the reference's break positions). Solved in the
 * B-spline basis (knots 0,0,0,0, mid, end,end,end,end: 5 functions, each point touching 4) through
 * 5×5 normal equations, well conditioned in that basis. Writes the fitted values to `fitted`.
 */

const knots = new Float64Array(9);
/** Cubic B-spline values at one point (the 4 nonzero ones). */
const basis = new Float64Array(4);
const gram = new Float64Array(25);
const rhs = new Float64Array(5);

/** Per span (3, 4): reciprocals of the 6 knot distances the recursion divides by. */
const inverses = new Float64Array(12);

function prepareInverses(): void {
  for (let span = 3; span <= 4; span++) {
    const o = (span - 3) * 6;
    inverses[o] = 1 / (knots[span + 1] - knots[span]);
    inverses[o + 1] = 1 / (knots[span + 1] - knots[span - 1]);
    inverses[o + 2] = 1 / (knots[span + 2] - knots[span]);
    inverses[o + 3] = 1 / (knots[span + 1] - knots[span - 2]);
    inverses[o + 4] = 1 / (knots[span + 2] - knots[span - 1]);
    inverses[o + 5] = 1 / (knots[span + 3] - knots[span]);
  }
}

/** Cox–de Boor recursion for cubic B-splines, unrolled, on knot span `span` (3 or 4). */
function evalBasis(x: number, span: number): void {
  const o = (span - 3) * 6;
  const l1 = x - knots[span];
  const l2 = x - knots[span - 1];
  const l3 = x - knots[span - 2];
  const r1 = knots[span + 1] - x;
  const r2 = knots[span + 2] - x;
  const r3 = knots[span + 3] - x;
  // degree 1
  let t = inverses[o];
  let b0 = r1 * t;
  let b1 = l1 * t;
  // degree 2
  t = b0 * inverses[o + 1];
  b0 = r1 * t;
  let saved = l2 * t;
  t = b1 * inverses[o + 2];
  b1 = saved + r2 * t;
  let b2 = l1 * t;
  // degree 3
  t = b0 * inverses[o + 3];
  b0 = r1 * t;
  saved = l3 * t;
  t = b1 * inverses[o + 4];
  b1 = saved + r2 * t;
  saved = l2 * t;
  t = b2 * inverses[o + 5];
  b2 = saved + r3 * t;
  basis[0] = b0;
  basis[1] = b1;
  basis[2] = b2;
  basis[3] = l1 * t;
}

/** Adds Σ B_a·B_b and Σ B_a·y over points [from, to) of one knot span to the normal equations. */
function accumulateSpan(y: Float64Array, from: number, to: number, span: number): void {
  let g00 = 0, g10 = 0, g11 = 0, g20 = 0, g21 = 0, g22 = 0, g30 = 0, g31 = 0, g32 = 0, g33 = 0;
  let r0 = 0, r1 = 0, r2 = 0, r3 = 0;
  for (let i = from; i < to; i++) {
    evalBasis(i, span);
    const b0 = basis[0], b1 = basis[1], b2 = basis[2], b3 = basis[3];
    const yi = y[i];
    g00 += b0 * b0; g10 += b1 * b0; g11 += b1 * b1;
    g20 += b2 * b0; g21 += b2 * b1; g22 += b2 * b2;
    g30 += b3 * b0; g31 += b3 * b1; g32 += b3 * b2; g33 += b3 * b3;
    r0 += b0 * yi; r1 += b1 * yi; r2 += b2 * yi; r3 += b3 * yi;
  }
  // basis functions f..f+3 touch this span; gram is row-major 5×5, lower triangle used
  const f = span - 3;
  const row0 = f * 5 + f;
  gram[row0] += g00;
  gram[row0 + 5] += g10; gram[row0 + 6] += g11;
  gram[row0 + 10] += g20; gram[row0 + 11] += g21; gram[row0 + 12] += g22;
  gram[row0 + 15] += g30; gram[row0 + 16] += g31; gram[row0 + 17] += g32; gram[row0 + 18] += g33;
  rhs[f] += r0; rhs[f + 1] += r1; rhs[f + 2] += r2; rhs[f + 3] += r3;
}

/** Solves gram·c = rhs in place (rhs becomes c) by Cholesky; gram is 5×5 symmetric positive definite. */
function solveCholesky5(): void {
  for (let j = 0; j < 5; j++) {
    let d = gram[j * 5 + j];
    for (let k = 0; k < j; k++) d -= gram[j * 5 + k] * gram[j * 5 + k];
    d = Math.sqrt(d);
    gram[j * 5 + j] = d;
    for (let i = j + 1; i < 5; i++) {
      let v = gram[i * 5 + j];
      for (let k = 0; k < j; k++) v -= gram[i * 5 + k] * gram[j * 5 + k];
      gram[i * 5 + j] = v / d;
    }
  }
  for (let i = 0; i < 5; i++) {
    let v = rhs[i];
    for (let k = 0; k < i; k++) v -= gram[i * 5 + k] * rhs[k];
    rhs[i] = v / gram[i * 5 + i];
  }
  for (let i = 4; i >= 0; i--) {
    let v = rhs[i];
    for (let k = i + 1; k < 5; k++) v -= gram[k * 5 + i] * rhs[k];
    rhs[i] = v / gram[i * 5 + i];
  }
}

export function splineFitTwoPieces(y: Float64Array, n: number, fitted: Float64Array): void {
  const mid = Math.floor(n / 2) - 1;
  const end = n - 1;
  knots[0] = knots[1] = knots[2] = knots[3] = 0;
  knots[4] = mid;
  knots[5] = knots[6] = knots[7] = knots[8] = end;
  prepareInverses();
  gram.fill(0);
  rhs.fill(0);
  accumulateSpan(y, 0, mid, 3);
  accumulateSpan(y, mid, n, 4);
  solveCholesky5();
  for (let i = 0; i < n; i++) {
    const span = i < mid ? 3 : 4;
    evalBasis(i, span);
    const c = span - 3;
    fitted[i] = rhs[c] * basis[0] + rhs[c + 1] * basis[1] + rhs[c + 2] * basis[2] + rhs[c + 3] * basis[3];
  }
}
