// DN_OutlierInclude_{p,n}_001_mdrmd: for thresholds t_j = j·0.01 over the (sign-flipped) z-scored series, take
// the 1-based positions of points ≥ t_j; record their median position relative to the centre
// (median / (n/2) − 1); return the median of those medians over the thresholds that keep more than 2 % of the
// non-negative points and at least two points.
//
// As in the JS version: each point gets its highest threshold level once, counts per threshold fix the trim
// limit up front, then thresholds rise one at a time, unlinking the points that drop out from a
// position-ordered linked list while a pointer follows the median: O(n + thresholds), not O(n·thresholds).
import { ldf, ldi, sti, stf } from './c22-mem';
import { INT_A, INT_B, INT_C, N, THR_CAP, THR_FILL, THR_MED, THR_START, Z } from './c22-scratch';
import { bucketLevels } from './c22-dn-outlier-levels';
import { medianBySelection } from './c22-stats';

const INC: f64 = 0.01;

/** sign = 1 for the positive tail (p), −1 for the negative tail (n). */
export function dnOutlierInclude(sign: f64): f64 {
  const n = N, z = Z;
  let total = 0;
  let maxVal = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = sign * ldf(z, i);
    total += <i32>(v >= 0);
    maxVal = select<f64>(v, maxVal, v > maxVal);
  }
  if (maxVal < INC) return 0;
  // ≤ 100·√n + 1 for a z-scored series (|z| ≤ (n − 1)/√n), which the scratch's threshold buffers hold
  const nThreshF = Math.floor(maxVal / INC + 1);
  if (!(nThreshF <= <f64>THR_CAP)) return NaN; // not reached: guards memory, never traps
  const nThresh = <i32>nThreshF;

  // bucket 0: points with v < 0; bucket j + 1: level j (c22-dn-outlier-levels); then positions sorted by
  // bucket (counting sort), start[b] = points in buckets below b
  const bucket = INT_A, start = THR_START, fill = THR_FILL;
  bucketLevels(z, n, sign, nThresh, bucket, start);
  for (let b = 0; b <= nThresh; b++) sti(start, b + 1, ldi(start, b + 1) + ldi(start, b));
  for (let b = 0; b <= nThresh; b++) sti(fill, b, ldi(start, b));
  const byBucket = INT_C;
  for (let i = 0; i < n; i++) {
    const b = ldi(bucket, i);
    const f = ldi(fill, b);
    sti(byBucket, f, i + 1);
    sti(fill, b, f + 1);
  }

  // Points at threshold j: total − (start[j + 1] − negatives). Keep j ≤ the highest threshold holding more
  // than 2 % of the points (0 if none) and ≤ the lowest threshold left with a single point.
  const negatives = ldi(start, 1);
  let keepUpTo = 0;
  let firstSingle = nThresh - 1;
  const ft = <f64>total;
  for (let j = nThresh - 1; j >= 0; j--) {
    const count = total - (ldi(start, j + 1) - negatives);
    if (count == 1) firstSingle = j;
    if (keepUpTo == 0 && (<f64>(count - 1) * 100.0) / ft > 2) keepUpTo = j;
  }
  const trimLimit = min(keepUpTo, firstSingle);

  // Doubly linked list of the positions of points ≥ 0 (1-based; 0 and n + 1 are sentinels). Written without
  // branches: every position writes its links, only members advance `last`; a non-member's next entry is
  // overwritten by the following member, its prev entry is never read.
  const next = INT_A; // buckets are sorted already
  const prev = INT_B;
  let last = 0;
  for (let i = 0; i < n; i++) {
    sti(next, last, i + 1);
    sti(prev, i + 1, last);
    last = select<i32>(i + 1, last, sign * ldf(z, i) >= 0);
  }
  sti(next, last, n + 1);
  // lowMed: the element of 0-based rank (count − 1) >> 1
  let count = total;
  let lowMed = ldi(next, 0);
  for (let r = (count - 1) >> 1; r > 0; r--) lowMed = ldi(next, lowMed);
  const halfSize = <f64>n / 2;
  const medians = THR_MED;
  for (let j = 0; j <= trimLimit; j++) {
    if (j > 0) {
      // raise the threshold to j·INC: drop the points of level j − 1 (bucket j)
      const to = ldi(start, j + 1);
      for (let b = ldi(start, j); b < to; b++) {
        const p = ldi(byBucket, b);
        const pp = ldi(prev, p), np = ldi(next, p);
        const pl = ldi(prev, lowMed), nl = ldi(next, lowMed);
        // odd count: the median rank falls by one when a point goes
        const odd = (count & 1) == 1;
        const ifBelow = select<i32>(lowMed, nl, odd);
        const ifAbove = select<i32>(pl, lowMed, odd);
        const ifSame = select<i32>(pp, np, odd);
        lowMed = select<i32>(ifSame, select<i32>(ifBelow, ifAbove, p < lowMed), p == lowMed);
        sti(next, pp, np);
        sti(prev, np, pp);
        count--;
      }
    }
    const median = (count & 1) == 1 ? <f64>lowMed : <f64>(lowMed + ldi(next, lowMed)) / 2;
    stf(medians, j, median / halfSize - 1);
  }
  return medianBySelection(medians, trimLimit + 1);
}
