/**
 * Quantile lookup over contiguous bin counts, shared by DDSketch and SketchSet so both answer identically.
 * Semantics of Datadog's libraries: rank = q·(count − 1); the negative side is read from its largest
 * magnitude down.
 */

/**
 * Position in [from, to) of the bin holding `rank` (0-based, ascending). lower: the first bin whose running
 * count exceeds rank; else the first whose running count reaches rank + 1. Past the end: to − 1.
 */
export function binAtRank(counts: ArrayLike<number>, from: number, to: number, rank: number, lower: boolean): number {
  let running = 0;
  for (let i = from; i < to; i++) {
    running += counts[i];
    if (lower ? running > rank : running >= rank + 1) return i;
  }
  return to - 1;
}

export interface BinsView {
  counts: ArrayLike<number>;
  from: number;
  to: number;
  /** Bin index of counts[from]. */
  first: number;
  total: number;
}

/** The quantile of one sketch given its two stores, zero count and known extremes (NaN: unknown). */
export function quantileOf(
  q: number,
  neg: BinsView,
  zeroCount: number,
  pos: BinsView,
  value: (k: number) => number,
  min: number,
  max: number,
): number {
  const count = neg.total + zeroCount + pos.total;
  if (count === 0) return NaN;
  const rank = q * (count - 1);
  let v: number;
  if (rank < neg.total) v = -value(neg.first + binAtRank(neg.counts, neg.from, neg.to, neg.total - 1 - rank, false) - neg.from);
  else if (rank < neg.total + zeroCount) v = 0;
  else v = value(pos.first + binAtRank(pos.counts, pos.from, pos.to, rank - neg.total - zeroCount, true) - pos.from);
  // min ≤ every quantile ≤ max, so clamping only moves the estimate towards the truth.
  if (v < min) v = min;
  if (v > max) v = max;
  return v;
}

/**
 * quantileOf for many q at once (qs ascending), one forward walk per store instead of one per q: the positive
 * side meets its ranks in ascending q, the negative side (read from the largest magnitude) in descending q.
 */
export function quantilesOf(
  qs: readonly number[],
  neg: BinsView,
  zeroCount: number,
  pos: BinsView,
  value: (k: number) => number,
  min: number,
  max: number,
  out: Float64Array,
  at: number,
): void {
  const count = neg.total + zeroCount + pos.total;
  let i = neg.from;
  let running = 0;
  for (let j = qs.length - 1; j >= 0; j--) {
    const rank = qs[j] * (count - 1);
    if (count === 0 || rank >= neg.total) continue;
    const want = neg.total - rank; // first bin whose running count reaches (total − 1 − rank) + 1
    while (i < neg.to - 1 && running + neg.counts[i] < want) running += neg.counts[i++];
    out[at + j] = -value(neg.first + i - neg.from);
  }
  i = pos.from;
  running = 0;
  for (let j = 0; j < qs.length; j++) {
    const rank = qs[j] * (count - 1);
    if (count === 0) out[at + j] = NaN;
    else if (rank < neg.total) continue;
    else if (rank < neg.total + zeroCount) out[at + j] = 0;
    else {
      const r = rank - neg.total - zeroCount; // first bin whose running count exceeds r
      while (i < pos.to - 1 && running + pos.counts[i] <= r) running += pos.counts[i++];
      out[at + j] = value(pos.first + i - pos.from);
    }
  }
  for (let j = 0; j < qs.length; j++) {
    if (out[at + j] < min) out[at + j] = min;
    if (out[at + j] > max) out[at + j] = max;
  }
}
