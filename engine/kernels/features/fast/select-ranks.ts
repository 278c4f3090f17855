/**
 * Order statistics of one small array in place (JS backend's per-series percentiles): quickselect with a
 * median-of-three pivot for each wanted rank, searching only right of the previous rank. Falls back to a
 * sort of the remaining range after too many rounds, so adversarial inputs stay O(n log n).
 */
function sortRange(a: Float64Array, lo: number, hi: number): void {
  a.subarray(lo, hi + 1).sort();
}

function selectOne(a: Float64Array, lo: number, hi: number, k: number): void {
  let rounds = 0;
  while (hi > lo) {
    if (hi - lo < 16 || ++rounds > 48) {
      sortRange(a, lo, hi);
      return;
    }
    const mid = (lo + hi) >> 1;
    // Median of three into a[mid]; it is the pivot.
    if (a[mid] < a[lo]) [a[mid], a[lo]] = [a[lo], a[mid]];
    if (a[hi] < a[lo]) [a[hi], a[lo]] = [a[lo], a[hi]];
    if (a[hi] < a[mid]) [a[hi], a[mid]] = [a[mid], a[hi]];
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** Writes a's order statistics at `ranks` (ascending integers < len) to out; reorders a[0 … len). */
export function selectRanks(a: Float64Array, len: number, ranks: ArrayLike<number>, out: Float64Array): void {
  let lo = 0;
  for (let i = 0; i < ranks.length; i++) {
    const k = ranks[i];
    selectOne(a, lo, len - 1, k);
    out[i] = a[k];
    lo = k;
  }
}
