// Small statistics shared by the catch22 features, on f64 arrays at raw pointers. Sums run left to right, as
// the reference's (and the JS version's) do, so results agree bit for bit.
import { ldf, stf } from './c22-mem';

export function meanOf(x: usize, start: i32, count: i32): f64 {
  let sum: f64 = 0;
  for (let i = start; i < start + count; i++) sum += ldf(x, i);
  return sum / <f64>count;
}

/** Sample standard deviation (n − 1) of x[start..start+count). */
export function stdOf(x: usize, start: i32, count: i32): f64 {
  const m = meanOf(x, start, count);
  let ss: f64 = 0;
  for (let i = start; i < start + count; i++) {
    const d = ldf(x, i) - m;
    ss += d * d;
  }
  return Math.sqrt(ss / <f64>(count - 1));
}

/** linearFit's results: slope, intercept. */
export let FIT_SLOPE: f64 = 0;
export let FIT_INTERCEPT: f64 = 0;

/**
 * Least-squares line through (x[xs + i], y[ys + i]), i < n, by the normal-equation sums; sets FIT_SLOPE and
 * FIT_INTERCEPT (both 0 when the x values are all equal).
 */
export function linearFit(n: i32, x: usize, xs: i32, y: usize, ys: i32): void {
  let sx: f64 = 0, sxx: f64 = 0, sxy: f64 = 0, sy: f64 = 0;
  for (let i = 0; i < n; i++) {
    const xi = ldf(x, xs + i);
    const yi = ldf(y, ys + i);
    sx += xi;
    sxx += xi * xi;
    sxy += xi * yi;
    sy += yi;
  }
  const fn = <f64>n;
  const denom = fn * sxx - sx * sx;
  if (denom == 0) {
    FIT_SLOPE = 0;
    FIT_INTERCEPT = 0;
    return;
  }
  FIT_SLOPE = (fn * sxy - sx * sy) / denom;
  FIT_INTERCEPT = (sy * sxx - sx * sxy) / denom;
}

/**
 * Quickselect in a[from..to) (f64, NaN-free): afterwards a[k] holds the value of rank k (counted from the
 * start of the array), with no larger value before it and no smaller one after it. Median-of-three pivot,
 * Hoare partition.
 */
export function selectInRange(a: usize, from: i32, to: i32, k: i32): f64 {
  let lo = from;
  let hi = to - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    const x = ldf(a, lo), y = ldf(a, mid), z = ldf(a, hi);
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (ldf(a, i) < pivot) i++;
      while (ldf(a, j) > pivot) j--;
      if (i <= j) {
        const t = ldf(a, i);
        stf(a, i, ldf(a, j));
        stf(a, j, t);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break; // j < k < i: a[k] equals the pivot and is in place
  }
  return ldf(a, k);
}

/** Median of a[0..count) by quickselect (reorders a): the middle value or the mean of the two middle ones. */
export function medianBySelection(a: usize, count: i32): f64 {
  const h = count >> 1;
  const upper = selectInRange(a, 0, count, h);
  if (count % 2 == 1) return upper;
  // after selection a[0..h) holds the h smallest values: the lower middle is their maximum
  let lower = ldf(a, 0);
  for (let i = 1; i < h; i++) if (ldf(a, i) > lower) lower = ldf(a, i);
  return (lower + upper) / 2;
}

function minInRange(a: usize, from: i32, to: i32): f64 {
  let m = ldf(a, from);
  for (let i = from + 1; i < to; i++) if (ldf(a, i) < m) m = ldf(a, i);
  return m;
}

export let TERCILE_LO: f64 = 0;
export let TERCILE_HI: f64 = 0;

/**
 * The reference's Matlab-style quantiles at q = 1/3 and 2/3 of work[0..n) (reorders work): position
 * n·q − 0.5 interpolated between the order statistics at its floor and ceiling; the extremes outside
 * [0.5/n, 1 − 0.5/n]. Sets TERCILE_LO and TERCILE_HI.
 */
export function matlabTerciles(work: usize, n: i32): void {
  const third: f64 = 1.0 / 3.0;
  const fn = <f64>n;
  const edge = 0.5 / fn;
  let from = 0;
  for (let t = 0; t < 2; t++) {
    const q = t == 0 ? third : third + third;
    let value: f64;
    if (q < edge || q > 1 - edge) {
      // only for n < 2: the extremes
      let lo = ldf(work, 0);
      let hi = lo;
      for (let i = 1; i < n; i++) {
        const v = ldf(work, i);
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      value = q < edge ? lo : hi;
    } else {
      const pos = fn * q - 0.5;
      const lo = Math.floor(pos);
      const hi = Math.ceil(pos);
      const ilo = <i32>lo;
      const atLo = selectInRange(work, from, n, ilo);
      // everything after lo is ≥ atLo: rank lo + 1 is the smallest of the rest
      const atHi = hi == lo ? atLo : minInRange(work, ilo + 1, n);
      // when hi = lo the reference divides 0 by 0 (NaN); this formula does the same
      value = atLo + ((pos - lo) * (atHi - atLo)) / (hi - lo);
      from = ilo + 1;
    }
    if (t == 0) TERCILE_LO = value;
    else TERCILE_HI = value;
  }
}
