// CO_trev_1_num: mean cubed lag-1 increment of the z-scored series (time-reversal asymmetry).
import { ldf } from './c22-mem';
import { N, Z } from './c22-scratch';

export function coTrev1Num(): f64 {
  const n = N, y = Z;
  let sum: f64 = 0;
  for (let i = 0; i < n - 1; i++) {
    const d = ldf(y, i + 1) - ldf(y, i);
    sum += d * d * d;
  }
  return sum / <f64>(n - 1);
}
