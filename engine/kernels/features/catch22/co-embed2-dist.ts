/**
 * CO_Embed2_Dist_tau_d_expfit_meandiff: in the 2-D delay embedding (y_t, y_{t+τ}), τ the first zero
 * of the ACF capped at n/10, take the distances between successive points; fit an exponential
 * density with the same mean and return the mean absolute difference between it and the histogram
 * of the distances (Freedman–Diaconis-like bin count: range / (3.5·σ / n^{1/3})).
 */
import { histogramCounts } from './histogram.js';
import type { Catch22Scratch } from './scratch.js';
import { stdOf } from './stats.js';

let counts = new Int32Array(64);

export function coEmbed2DistExpfitMeandiff(s: Catch22Scratch): number {
  const n = s.n;
  const y = s.z;
  let tau = s.firstZeroAc;
  if (tau > n / 10) tau = Math.floor(n / 10);
  const m = n - tau - 1;
  const d = s.workA;
  let sum = 0;
  let minVal = Infinity;
  let maxVal = -Infinity;
  for (let i = 0; i < m; i++) {
    const a = y[i + 1] - y[i];
    const b = y[i + tau] - y[i + tau + 1];
    const v = Math.sqrt(a * a + b * b);
    d[i] = v;
    sum += v;
    if (v < minVal) minVal = v;
    if (v > maxVal) maxVal = v;
  }
  const meanDist = sum / m;
  const sd = stdOf(d, 0, m);
  // the reference gives up (returns 0) when the distances hardly vary
  if (sd < 0.001) return 0;
  // Math.pow(m, 1/3), not cbrt: the bin count is a ceil and must see the reference's rounding
  const nBins = Math.ceil((maxVal - minVal) / ((3.5 * sd) / Math.pow(m, 1 / 3)));
  if (nBins === 0) return 0;
  if (counts.length < nBins) counts = new Int32Array(Math.max(nBins, counts.length * 2));
  const step = histogramCounts(d, 0, m, nBins, counts, minVal, maxVal);
  let diffSum = 0;
  for (let i = 0; i < nBins; i++) {
    const centre = (i * step + minVal + ((i + 1) * step + minVal)) * 0.5;
    let expFit = Math.exp(-centre / meanDist) / meanDist;
    if (expFit < 0) expFit = 0;
    diffSum += Math.abs(counts[i] / m - expFit);
  }
  return diffSum / nBins;
}
