// SB_TransitionMatrix_3ac_sumdiagcov: downsample the z-scored series by τ (first zero of the ACF), coarse-grain
// into terciles, form the 3×3 transition-probability matrix and return the sum of the variances (n − 1 = 2)
// of its columns.
import { ldf, ldi, stf } from './c22-mem';
import { coarseGrainTerciles, wordIndex } from './c22-sb-coarse-grain';
import { FIRST_ZERO_AC, INT_A, MAX_Z, MIN_Z, N, TERC1, TERC2, WORK_A, WORK_B, Z } from './c22-scratch';
import { TERCILE_HI, TERCILE_LO, matlabTerciles } from './c22-stats';

const transitions = memory.data(9 * 8);

export function sbTransitionMatrix3acSumdiagcov(): f64 {
  const n = N, tau = FIRST_ZERO_AC;
  const nDown = (n - 1) / tau + 1;
  const labels = INT_A;
  if (tau == 1) {
    coarseGrainTerciles(Z, n, labels, MIN_Z, TERC1, TERC2, MAX_Z);
  } else {
    const down = WORK_A, work = WORK_B;
    let minVal = Infinity;
    let maxVal = -Infinity;
    for (let i = 0; i < nDown; i++) {
      const v = ldf(Z, i * tau);
      stf(down, i, v);
      stf(work, i, v);
      if (v < minVal) minVal = v;
      if (v > maxVal) maxVal = v;
    }
    matlabTerciles(work, nDown);
    coarseGrainTerciles(down, nDown, labels, minVal, TERCILE_LO, TERCILE_HI, maxVal);
  }
  memory.fill(transitions, 0, 9 * 8);
  for (let i = 0; i < nDown - 1; i++) {
    const w = wordIndex(ldi(labels, i), ldi(labels, i + 1));
    if (w >= 0) stf(transitions, w, ldf(transitions, w) + 1);
  }
  const denom = <f64>(nDown - 1);
  for (let k = 0; k < 9; k++) stf(transitions, k, ldf(transitions, k) / denom);
  let sumVar: f64 = 0;
  for (let col = 0; col < 3; col++) {
    const a = ldf(transitions, col), b = ldf(transitions, 3 + col), c = ldf(transitions, 6 + col);
    const m = (a + b + c) / 3;
    sumVar += ((a - m) * (a - m) + (b - m) * (b - m) + (c - m) * (c - m)) / 2;
  }
  return sumVar;
}
