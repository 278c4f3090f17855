/**
 * SB_MotifThree_quantile_hh: entropy of the two-letter words of the tercile-coarse-grained series,
 * −Σ p·log p over the 9 words, p = count / (n − 1).
 */
import { coarseGrainTerciles } from './sb-coarse-grain.js';
import type { Catch22Scratch } from './scratch.js';

const wordCounts = new Int32Array(9);

export function sbMotifThreeQuantileHh(s: Catch22Scratch): number {
  const n = s.n;
  const labels = s.intA;
  coarseGrainTerciles(s.z, n, labels, s.minZ, s.terciles[0], s.terciles[1], s.maxZ);
  wordCounts.fill(0);
  for (let i = 0; i < n - 1; i++) wordCounts[(labels[i] - 1) * 3 + (labels[i + 1] - 1)]++;
  let sum = 0;
  for (let w = 0; w < 9; w++) {
    const p = wordCounts[w] / (n - 1);
    if (p > 0) sum += p * Math.log(p);
  }
  return -sum;
}
