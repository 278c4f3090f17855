/**
 * SB_TransitionMatrix_3ac_sumdiagcov: downsample the z-scored series by τ (first zero of the ACF),
 * coarse-grain into terciles, form the 3×3 transition-probability matrix and return the sum of
 * the variances (n − 1 = 2) of its columns.
 */
import { coarseGrainTerciles } from './sb-coarse-grain.js';
import type { Catch22Scratch } from './scratch.js';
import { matlabTerciles } from './stats.js';

const transitions = new Float64Array(9);
const terciles = new Float64Array(2);

export function sbTransitionMatrix3acSumdiagcov(s: Catch22Scratch): number {
  const n = s.n;
  const tau = s.firstZeroAc;
  const nDown = Math.floor((n - 1) / tau) + 1;
  const labels = s.intA;
  if (tau === 1) {
    coarseGrainTerciles(s.z, n, labels, s.minZ, s.terciles[0], s.terciles[1], s.maxZ);
  } else {
    const down = s.workA;
    const work = s.workB;
    let minVal = Infinity;
    let maxVal = -Infinity;
    for (let i = 0; i < nDown; i++) {
      const v = s.z[i * tau];
      down[i] = v;
      work[i] = v;
      if (v < minVal) minVal = v;
      if (v > maxVal) maxVal = v;
    }
    matlabTerciles(work, nDown, terciles);
    coarseGrainTerciles(down, nDown, labels, minVal, terciles[0], terciles[1], maxVal);
  }
  transitions.fill(0);
  for (let i = 0; i < nDown - 1; i++) transitions[(labels[i] - 1) * 3 + (labels[i + 1] - 1)]++;
  for (let k = 0; k < 9; k++) transitions[k] /= nDown - 1;
  let sumVar = 0;
  for (let col = 0; col < 3; col++) {
    const a = transitions[col];
    const b = transitions[3 + col];
    const c = transitions[6 + col];
    const m = (a + b + c) / 3;
    sumVar += ((a - m) * (a - m) + (b - m) * (b - m) + (c - m) * (c - m)) / 2;
  }
  return sumVar;
}
