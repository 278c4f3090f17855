/**
 * MD_hrv_classic_pnn40: share of successive differences whose magnitude exceeds 40 ms, the
 * heart-rate-variability pNN40 with the z-scored series read as seconds (|Δ|·1000 > 40).
 */
import type { Catch22Scratch } from './scratch.js';

export function mdHrvClassicPnn40(s: Catch22Scratch): number {
  const n = s.n;
  const y = s.z;
  let count = 0;
  for (let i = 0; i < n - 1; i++) {
    if (Math.abs(y[i + 1] - y[i]) * 1000 > 40) count++;
  }
  return count / (n - 1);
}
