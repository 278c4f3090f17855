/**
 * p05/p50/p95 per series through the percentile machinery (positions.ts): one plan per series length
 * (cached: a batch usually has one or a few lengths), backends select the order statistics at the plan's
 * ranks, and numpyLerp interpolates exactly as finishPercentiles does.
 */
import { numpyLerp, planPercentiles, type PercentilePlan } from '../../percentile/positions.js';
import { QUANTILES } from './fast-layout.js';

const plans = new Map<number, PercentilePlan>();

export function percentilePlan(n: number): PercentilePlan {
  let p = plans.get(n);
  if (!p) {
    if (plans.size > 4096) plans.clear();
    plans.set(n, (p = planPercentiles(n, QUANTILES, 'linear')));
  }
  return p;
}

/** The lower and upper rank of each quantile, ascending: [lo0, hi0, lo1, hi1, lo2, hi2]. */
export function rankPairs(plan: PercentilePlan, out: Uint32Array, at: number): void {
  for (let q = 0; q < 3; q++) {
    out[at + 2 * q] = plan.ranks[plan.lo[q]];
    out[at + 2 * q + 1] = plan.ranks[plan.hi[q]];
  }
}

/** Percentiles from order statistics given as (lo, hi) pairs per quantile. */
export function percentilesFromPairs(plan: PercentilePlan, pairs: ArrayLike<number>, at: number, out: Float64Array, o: number): void {
  for (let q = 0; q < 3; q++) out[o + q] = numpyLerp(pairs[at + 2 * q], pairs[at + 2 * q + 1], plan.t[q]);
}
