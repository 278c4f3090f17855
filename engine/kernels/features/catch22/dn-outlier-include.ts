/**
 * DN_OutlierInclude_{p,n}_001_mdrmd: for thresholds t_j = j·0.01 over the (sign-flipped) z-scored
 * series, take the 1-based positions of points ≥ t_j; record how many there are and their median
 * position relative to the centre (median / (n/2) − 1); return the median of those medians over the
 * thresholds that keep more than 2 % of the non-negative points and at least two points.
 *
 * The reference rescans the series for every threshold, O(n·thresholds). Here each point gets its
 * highest threshold level once; counts per threshold fix the trim limit up front; then thresholds
 * are raised one at a time, unlinking the points that drop out from a position-ordered linked list
 * while a pointer follows the median: O(n + thresholds).
 */
import type { Catch22Scratch } from './scratch.js';
import { medianBySelection } from './stats.js';

const INC = 0.01;

// Per-threshold buffers, grown as needed (the threshold count is ~100·max|z|, unrelated to n).
let medians = new Float64Array(64);
let levelStart = new Int32Array(65);
let levelFill = new Int32Array(64);

function growThresholdBuffers(nThresh: number): void {
  if (medians.length >= nThresh) return;
  const cap = Math.max(nThresh, medians.length * 2);
  medians = new Float64Array(cap);
  levelStart = new Int32Array(cap + 1);
  levelFill = new Int32Array(cap);
}

/** sign = 1 for the positive tail (p), −1 for the negative tail (n). */
export function dnOutlierInclude(s: Catch22Scratch, sign: number): number {
  const n = s.n;
  const z = s.z;
  let total = 0;
  let maxVal = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = sign * z[i];
    if (v >= 0) total++;
    if (v > maxVal) maxVal = v;
  }
  if (maxVal < INC) return 0;
  const nThresh = Math.floor(maxVal / INC + 1);
  growThresholdBuffers(nThresh);

  // level[i] = highest j < nThresh with v ≥ j·INC (the reference's comparison), −1 when v < 0;
  // positions are then bucketed by level (counting sort).
  const level = s.intA;
  const start = levelStart;
  start.fill(0, 0, nThresh + 1);
  for (let i = 0; i < n; i++) {
    const v = sign * z[i];
    let j = -1;
    if (v >= 0) {
      j = Math.min(Math.floor(v * 100), nThresh - 1); // a guess, corrected next
      while (j + 1 < nThresh && (j + 1) * INC <= v) j++;
      while (j > 0 && j * INC > v) j--;
      start[j + 1]++;
    }
    level[i] = j;
  }
  for (let j = 0; j < nThresh; j++) start[j + 1] += start[j];
  const byLevel = s.workA;
  for (let j = 0; j < nThresh; j++) levelFill[j] = start[j];
  for (let i = 0; i < n; i++) if (level[i] >= 0) byLevel[levelFill[level[i]]++] = i + 1;

  // Points at threshold j: total − start[j]. Trim: keep j ≤ the highest threshold holding more than
  // 2 % of the points (0 if none) and ≤ the lowest threshold left with a single point.
  let keepUpTo = 0;
  let firstSingle = nThresh - 1;
  for (let j = nThresh - 1; j >= 0; j--) {
    const count = total - start[j];
    if (count === 1) firstSingle = j;
    if (keepUpTo === 0 && ((count - 1) * 100.0) / total > 2) keepUpTo = j;
  }
  const trimLimit = Math.min(keepUpTo, firstSingle);

  // Doubly linked list of the positions of points ≥ 0 (1-based; 0 and n + 1 are sentinels).
  const next = s.intA; // levels are bucketed already
  const prev = s.intB;
  let last = 0;
  for (let i = 0; i < n; i++) {
    if (sign * z[i] >= 0) {
      next[last] = i + 1;
      prev[i + 1] = last;
      last = i + 1;
    }
  }
  next[last] = n + 1;
  // lowMed: element of 0-based rank (count − 1) >> 1
  let count = total;
  let lowMed = next[0];
  for (let r = (count - 1) >> 1; r > 0; r--) lowMed = next[lowMed];
  const halfSize = n / 2;
  for (let j = 0; j <= trimLimit; j++) {
    if (j > 0) {
      // raise the threshold to j·INC: drop the points of level j − 1
      for (let b = start[j - 1]; b < start[j]; b++) {
        const p = byLevel[b];
        const odd = (count & 1) === 1; // odd count: the median rank falls by one when one goes
        if (p === lowMed) lowMed = odd ? prev[p] : next[p];
        else if (p < lowMed) { if (!odd) lowMed = next[lowMed]; }
        else if (odd) lowMed = prev[lowMed];
        next[prev[p]] = next[p];
        prev[next[p]] = prev[p];
        count--;
      }
    }
    const median = (count & 1) === 1 ? lowMed : (lowMed + next[lowMed]) / 2;
    medians[j] = median / halfSize - 1;
  }
  return medianBySelection(medians, trimLimit + 1);
}
