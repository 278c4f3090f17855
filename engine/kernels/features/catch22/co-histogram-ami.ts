/**
 * CO_HistogramAMI_even_2_5: automutual information at lag 2 from a 5×5 joint histogram of
 * (y_t, y_{t+2}); five equal bins spanning [min − 0.1, max + 0.1] of the z-scored series.
 */
import type { Catch22Scratch } from './scratch.js';

const TAU = 2;
const BINS = 5;
const edges = new Float64Array(BINS + 1);
const joint = new Float64Array(BINS * BINS);
const rowSum = new Float64Array(BINS);
const colSum = new Float64Array(BINS);

/** Bin 0..4: the first edge above v, less one (values lie above edges[0] by construction). */
function binOf(v: number): number {
  for (let j = 1; j <= BINS; j++) if (v < edges[j]) return j - 1;
  return BINS; // not reached for finite data: edges[5] = max + 0.1
}

export function coHistogramAmiEven2x5(s: Catch22Scratch): number {
  const n = s.n;
  const y = s.z;
  const minVal = s.minZ;
  const maxVal = s.maxZ;
  const step = (maxVal - minVal + 0.2) / BINS;
  for (let i = 0; i <= BINS; i++) edges[i] = minVal + step * i - 0.1;
  joint.fill(0);
  const pairs = n - TAU;
  for (let i = 0; i < pairs; i++) {
    const a = binOf(y[i]);
    const b = binOf(y[i + TAU]);
    if (a < BINS && b < BINS) joint[a * BINS + b]++;
  }
  for (let k = 0; k < BINS * BINS; k++) joint[k] /= pairs;
  rowSum.fill(0);
  colSum.fill(0);
  for (let i = 0; i < BINS; i++) {
    for (let j = 0; j < BINS; j++) {
      rowSum[i] += joint[i * BINS + j];
      colSum[j] += joint[i * BINS + j];
    }
  }
  let ami = 0;
  for (let i = 0; i < BINS; i++) {
    for (let j = 0; j < BINS; j++) {
      const p = joint[i * BINS + j];
      if (p > 0) ami += p * Math.log(p / (rowSum[i] * colSum[j]));
    }
  }
  return ami;
}
