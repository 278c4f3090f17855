/** CO_trev_1_num: mean cubed lag-1 increment of the z-scored series (time-reversal asymmetry). */
import type { Catch22Scratch } from './scratch.js';

export function coTrev1Num(s: Catch22Scratch): number {
  const n = s.n;
  const y = s.z;
  let sum = 0;
  for (let i = 0; i < n - 1; i++) {
    const d = y[i + 1] - y[i];
    sum += d * d * d;
  }
  return sum / (n - 1);
}
