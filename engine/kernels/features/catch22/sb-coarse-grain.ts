/**
 * Quantile coarse-graining into three symbols (1, 2, 3), as SB_MotifThree and SB_TransitionMatrix
 * use it. Thresholds are the reference's quantiles at 0, 1/3, 2/3, 1 with the lowest lowered by 1
 * (so the minimum falls in group 1): v ≤ q(1/3) → 1, ≤ q(2/3) → 2, else 3.
 */

/** Writes the symbol of v[i] to labels[i] for i < n, given min, max and the two terciles of v. */
export function coarseGrainTerciles(
  v: Float64Array, n: number, labels: Int32Array, minVal: number, t1: number, t2: number, maxVal: number,
): void {
  const low = minVal - 1;
  for (let i = 0; i < n; i++) {
    const x = v[i];
    // the reference assigns group by group, so a later group wins; the intervals are disjoint anyway
    let label = 0;
    if (x > low && x <= t1) label = 1;
    if (x > t1 && x <= t2) label = 2;
    if (x > t2 && x <= maxVal) label = 3;
    labels[i] = label;
  }
}
