/**
 * Answer checks for the ✓/✗ column. Exact contenders must equal the reference (gpulse's answer) bit for bit;
 * a difference of at most 1 ulp is shown as "≈ 1 ulp" (same order statistics, a different but equally
 * valid interpolation formula: a + (b − a)·t versus numpy's two-sided lerp). Approximate contenders get
 * their worst relative error instead.
 */
const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

/** Bit pattern mapped to a monotonic integer, so ulp distance is a subtraction. */
function ordered(x: number): bigint {
  f64[0] = x;
  const b = i64[0];
  return b < 0n ? -(b & 0x7fffffffffffffffn) : b;
}

export function ulpDistance(a: number, b: number): number {
  if (a === b) return 0;
  if (a !== a || b !== b) return Infinity;
  const d = ordered(a) - ordered(b);
  return Number(d < 0n ? -d : d);
}

export function maxRelError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const a = actual[i];
    if (a === e) continue;
    const rel = Math.abs(a - e) / Math.max(Math.abs(e), Number.MIN_VALUE);
    worst = Math.max(worst, rel !== rel ? Infinity : rel);
  }
  return worst;
}

const sci = (x: number): string => (x === 0 ? '0' : x.toExponential(1));

export function checkExact(actual: ArrayLike<number>, expected: ArrayLike<number>): string {
  if (actual.length !== expected.length) return `✗ ${actual.length} values, expected ${expected.length}`;
  let worst = 0;
  let off = 0;
  for (let i = 0; i < expected.length; i++) {
    const d = ulpDistance(actual[i], expected[i]);
    worst = Math.max(worst, d);
    if (d > 1) off++;
  }
  if (worst === 0) return '✓';
  if (worst <= 1) return '≈ 1 ulp';
  return `✗ ${off}/${expected.length} wrong, Δrel ≤ ${sci(maxRelError(actual, expected))}`;
}

export function checkApprox(actual: ArrayLike<number>, expected: ArrayLike<number>): string {
  if (actual.length !== expected.length) return `✗ ${actual.length} values, expected ${expected.length}`;
  return `approx Δrel ${sci(maxRelError(actual, expected))}`;
}
