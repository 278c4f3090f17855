// CO_HistogramAMI_even_2_5: automutual information at lag 2 from a 5×5 joint histogram of (y_t, y_{t+2}); five
// equal bins spanning [min − 0.1, max + 0.1] of the z-scored series.
import { ldf } from './c22-mem';
import { MAX_Z, MIN_Z, N, Z } from './c22-scratch';

const TAU = 2;
const BINS = 5;
// joint (25), rowSum (5), colSum (5), f64
const joint = memory.data(25 * 8);
const rowSum = memory.data(BINS * 8);
const colSum = memory.data(BINS * 8);

/**
 * Bin 0..4, or 5 beyond the last edge: the first edge above v, less one. The edges rise with their index, so
 * that equals the number of edges e1..e5 at or below v (no branches).
 */
@inline function binOf(v: f64, e1: f64, e2: f64, e3: f64, e4: f64, e5: f64): i32 {
  return <i32>(v >= e1) + <i32>(v >= e2) + <i32>(v >= e3) + <i32>(v >= e4) + <i32>(v >= e5);
}

export function coHistogramAmiEven2x5(): f64 {
  const n = N, y = Z;
  const minVal = MIN_Z, maxVal = MAX_Z;
  const step = (maxVal - minVal + 0.2) / <f64>BINS;
  const e1 = minVal + step * 1 - 0.1, e2 = minVal + step * 2 - 0.1, e3 = minVal + step * 3 - 0.1;
  const e4 = minVal + step * 4 - 0.1, e5 = minVal + step * 5 - 0.1;
  memory.fill(joint, 0, 25 * 8);
  const pairs = n - TAU;
  for (let i = 0; i < pairs; i++) {
    const a = binOf(ldf(y, i), e1, e2, e3, e4, e5);
    const b = binOf(ldf(y, i + TAU), e1, e2, e3, e4, e5);
    if (a < BINS && b < BINS) {
      const at = joint + (<usize>(a * BINS + b) << 3);
      store<f64>(at, load<f64>(at) + 1);
    }
  }
  const fp = <f64>pairs;
  for (let k = 0; k < BINS * BINS; k++) {
    const at = joint + (<usize>k << 3);
    store<f64>(at, load<f64>(at) / fp);
  }
  memory.fill(rowSum, 0, BINS * 8);
  memory.fill(colSum, 0, BINS * 8);
  for (let i = 0; i < BINS; i++) {
    for (let j = 0; j < BINS; j++) {
      const p = ldf(joint, i * BINS + j);
      store<f64>(rowSum + (<usize>i << 3), ldf(rowSum, i) + p);
      store<f64>(colSum + (<usize>j << 3), ldf(colSum, j) + p);
    }
  }
  let ami: f64 = 0;
  for (let i = 0; i < BINS; i++) {
    for (let j = 0; j < BINS; j++) {
      const p = ldf(joint, i * BINS + j);
      if (p > 0) ami += p * Math.log(p / (ldf(rowSum, i) * ldf(colSum, j)));
    }
  }
  return ami;
}
