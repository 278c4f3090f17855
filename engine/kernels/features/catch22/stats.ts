/**
 * Small statistics shared by the catch22 features. Sums run left to right, as the reference's do, so
 * results agree to rounding.
 */

export function meanOf(x: Float64Array, start: number, count: number): number {
  let sum = 0;
  for (let i = start; i < start + count; i++) sum += x[i];
  return sum / count;
}

/** Sample standard deviation (n − 1). */
export function stdOf(x: Float64Array, start: number, count: number): number {
  const m = meanOf(x, start, count);
  let ss = 0;
  for (let i = start; i < start + count; i++) {
    const d = x[i] - m;
    ss += d * d;
  }
  return Math.sqrt(ss / (count - 1));
}

/** Result slots of linearFit: slope, intercept. */
export const fitResult = new Float64Array(2);

/**
 * Least-squares line through (x[xs + i], y[ys + i]), i < n, by the normal-equation sums; writes
 * slope and intercept to fitResult (both 0 when the x values are all equal).
 */
export function linearFit(n: number, x: Float64Array, xs: number, y: Float64Array, ys: number): void {
  let sx = 0;
  let sxx = 0;
  let sxy = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[xs + i];
    const yi = y[ys + i];
    sx += xi;
    sxx += xi * xi;
    sxy += xi * yi;
    sy += yi;
  }
  const denom = n * sxx - sx * sx;
  if (denom === 0) {
    fitResult[0] = 0;
    fitResult[1] = 0;
    return;
  }
  fitResult[0] = (n * sxy - sx * sy) / denom;
  fitResult[1] = (sy * sxx - sx * sxy) / denom;
}

/**
 * Median of a[0..count) (NaN-free) by quickselect; reorders a. Same value as sorting and taking the
 * middle (or the mean of the two middle values), in O(count).
 */
export function medianBySelection(a: Float64Array, count: number): number {
  const h = count >> 1;
  const upper = selectInRange(a, 0, count, h);
  if (count % 2 === 1) return upper;
  // after selection, a[0..h) holds the h smallest values: the lower middle is their maximum
  let lower = a[0];
  for (let i = 1; i < h; i++) if (a[i] > lower) lower = a[i];
  return (lower + upper) / 2;
}

/**
 * Quickselect in a[from..to): afterwards a[k] holds the value of rank k (0-based, counted from the
 * start of the array, from ≤ k < to), with no larger value before it and no smaller one after it.
 * Callers use it on ranges already partitioned, so a[from..to) holds exactly ranks from..to−1.
 */
export function selectInRange(a: Float64Array, from: number, to: number, k: number): number {
  let lo = from;
  let hi = to - 1;
  while (hi > lo) {
    // median of three as pivot, Hoare partition
    const mid = (lo + hi) >> 1;
    const x = a[lo], y = a[mid], z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i]; a[i] = a[j]; a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break; // j < k < i: a[k] equals the pivot and is in place
  }
  return a[k];
}

/** Smallest of a[from..to). */
function minInRange(a: Float64Array, from: number, to: number): number {
  let m = a[from];
  for (let i = from + 1; i < to; i++) if (a[i] < m) m = a[i];
  return m;
}

/**
 * The reference's Matlab-style quantiles at q = 1/3 and 2/3 (from linspace(0, 1, 4)) of work[0..n),
 * by selection instead of a sort; reorders work. Position n·q − 0.5, interpolated between the order
 * statistics at ⌊pos⌋ and ⌈pos⌉ exactly as the reference writes it; quantiles outside
 * [0.5/n, 1 − 0.5/n] are the extremes. Writes out[0], out[1].
 */
export function matlabTerciles(work: Float64Array, n: number, out: Float64Array): void {
  const third = 1 / 3;
  const edge = 0.5 / n;
  let from = 0;
  for (let t = 0; t < 2; t++) {
    const q = t === 0 ? third : third + third;
    if (q < edge || q > 1 - edge) {
      // only for n < 2; the extremes
      let lo = work[0];
      let hi = work[0];
      for (let i = 1; i < n; i++) { if (work[i] < lo) lo = work[i]; if (work[i] > hi) hi = work[i]; }
      out[t] = q < edge ? lo : hi;
      continue;
    }
    const pos = n * q - 0.5;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    const atLo = selectInRange(work, from, n, lo);
    // everything after lo is ≥ atLo: rank lo + 1 is the smallest of the rest
    const atHi = hi === lo ? atLo : minInRange(work, lo + 1, n);
    // when hi = lo the reference divides 0 by 0 (NaN); this formula does the same
    out[t] = atLo + ((pos - lo) * (atHi - atLo)) / (hi - lo);
    from = lo + 1;
  }
}
