// SB_MotifThree_quantile_hh: entropy of the two-letter words of the tercile-coarse-grained series,
// −Σ p·log p over the 9 words, p = count / (n − 1).
import { ldi } from './c22-mem';
import { coarseGrainTerciles, wordIndex } from './c22-sb-coarse-grain';
import { INT_A, MAX_Z, MIN_Z, N, TERC1, TERC2, Z } from './c22-scratch';

const wordCounts = memory.data(9 * 4);

export function sbMotifThreeQuantileHh(): f64 {
  const n = N, labels = INT_A;
  coarseGrainTerciles(Z, n, labels, MIN_Z, TERC1, TERC2, MAX_Z);
  memory.fill(wordCounts, 0, 9 * 4);
  for (let i = 0; i < n - 1; i++) {
    const w = wordIndex(ldi(labels, i), ldi(labels, i + 1));
    if (w >= 0) store<i32>(wordCounts + (<usize>w << 2), ldi(wordCounts, w) + 1);
  }
  let sum: f64 = 0;
  for (let w = 0; w < 9; w++) {
    const p = <f64>ldi(wordCounts, w) / <f64>(n - 1);
    if (p > 0) sum += p * Math.log(p);
  }
  return -sum;
}
