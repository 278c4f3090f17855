// Quantile coarse-graining into three symbols (1, 2, 3), as SB_MotifThree and SB_TransitionMatrix use it.
// Thresholds are the reference's quantiles at 0, 1/3, 2/3, 1 with the lowest lowered by 1 (so the minimum
// falls in group 1): v ≤ q(1/3) → 1, ≤ q(2/3) → 2, else 3; 0 when no group takes v (NaN thresholds).
import { ldf, sti } from './c22-mem';

/** labels[i] (i32) = the symbol of v[i] (f64), i < n. */
export function coarseGrainTerciles(v: usize, n: i32, labels: usize, minVal: f64, t1: f64, t2: f64, maxVal: f64): void {
  const low = minVal - 1;
  for (let i = 0; i < n; i++) {
    const x = ldf(v, i);
    // the reference assigns group by group, so a later group wins; the intervals are disjoint anyway
    let label = 0;
    if (x > low && x <= t1) label = 1;
    if (x > t1 && x <= t2) label = 2;
    if (x > t2 && x <= maxVal) label = 3;
    sti(labels, i, label);
  }
}

/**
 * Index of the word (a, b) in a 3×3 table, or −1 where the JS version's typed-array write would fall outside
 * it (a symbol 0) and count nowhere.
 */
@inline export function wordIndex(a: i32, b: i32): i32 {
  const w = (a - 1) * 3 + (b - 1);
  return w >= 0 && w < 9 ? w : -1;
}
