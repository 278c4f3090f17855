/** Comparison helpers for kernel contracts: each returns a mismatch description or null. */

/** Bitwise-equal as numbers: NaN equals NaN, −0 equals +0 (numpy's sort does not order zeros). */
export function sameFloats(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): string | null {
  if (actual.length !== expected.length) return `${what}: length ${actual.length} ≠ ${expected.length}`;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (a === e || (a !== a && e !== e)) continue;
    return `${what}[${i}]: ${a} ≠ ${e}`;
  }
  return null;
}

/** |a − e| ≤ abs + rel·|e| elementwise; NaN must match NaN and infinities must match exactly. */
export function closeFloats(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  abs: number,
  rel: number,
  what: string,
): string | null {
  if (actual.length !== expected.length) return `${what}: length ${actual.length} ≠ ${expected.length}`;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (a === e || (a !== a && e !== e)) continue;
    if (!Number.isFinite(a) || !Number.isFinite(e) || Math.abs(a - e) > abs + rel * Math.abs(e)) {
      return `${what}[${i}]: ${a} vs ${e} (tolerance abs ${abs}, rel ${rel})`;
    }
  }
  return null;
}
