/**
 * catch22 / catch24 for one f64 series (Lubba et al. 2019), implemented from the published
 * definitions and matched to the reference outputs in shared/data/catch22.
 *
 * Work shared across features, once per series: the z-score (sample std), its extremes and terciles
 * (by selection: no feature needs a full sort), one FFT-based autocorrelation and its first zero
 * crossing. Features run on the z-scored series; DN_Mean and DN_Spread_Std on the raw one.
 *
 * Series the reference rejects never throw: fewer than 10 points or any NaN/±Inf give a row of NaN
 * and a status. A constant series cannot be z-scored (0/0): the 22 features are NaN, as the
 * reference's are, while mean and std (= 0) are still defined.
 */
import { autocorrNormalized, coF1ecac, coFirstMinAc, firstZeroCrossing } from './co-auto-corr.js';
import { coEmbed2DistExpfitMeandiff } from './co-embed2-dist.js';
import { coHistogramAmiEven2x5 } from './co-histogram-ami.js';
import { coTrev1Num } from './co-trev.js';
import { dnHistogramMode } from './dn-histogram-mode.js';
import { dnOutlierInclude } from './dn-outlier-include.js';
import { fcLocalSimpleMean1Tauresrat, fcLocalSimpleMean3Stderr } from './fc-local-simple.js';
import { inAutoMutualInfoStats40GaussianFmmi } from './in-auto-mutual-info.js';
import { mdHrvClassicPnn40 } from './md-hrv.js';
import { pdPeriodicityWangTh001 } from './pd-periodicity-wang.js';
import { sbBinaryStatsDiffLongstretch0, sbBinaryStatsMeanLongstretch1 } from './sb-binary-stats.js';
import { sbMotifThreeQuantileHh } from './sb-motif-three.js';
import { sbTransitionMatrix3acSumdiagcov } from './sb-transition-matrix.js';
import { scFluctAnal } from './sc-fluct-anal.js';
import { Catch22Scratch } from './scratch.js';
import { spSummariesWelchRect } from './sp-summaries-welch.js';
import { matlabTerciles } from './stats.js';

export const SeriesStatus = {
  Ok: 0,
  /** Fewer than MIN_SERIES_LENGTH points. */
  TooShort: 1,
  /**
   * Contains NaN or ±Infinity, or its spread does not fit f64: Σ (x − mean)² overflows or falls below the
   * smallest normal number, so the z-score would not be finite (or not accurate).
   */
  NonFinite: 2,
  /** All values equal: the z-score is undefined. */
  Constant: 3,
} as const;
export type SeriesStatus = (typeof SeriesStatus)[keyof typeof SeriesStatus];

export const MIN_SERIES_LENGTH = 10;

/** Smallest positive normal f64, 2^−1022. */
const MIN_NORMAL = 2.2250738585072014e-308;

const shared = new Catch22Scratch();

/**
 * Writes the 22 (or 24 with catch24) features of x to out[offset..]. Never throws on data.
 */
export function catch22Series(x: Float64Array, out: Float64Array, offset: number, catch24: boolean): SeriesStatus {
  const n = x.length;
  const width = catch24 ? 24 : 22;
  if (n < MIN_SERIES_LENGTH) {
    out.fill(NaN, offset, offset + width);
    return SeriesStatus.TooShort;
  }
  let sum = 0;
  let allEqual = true;
  const first = x[0];
  for (let i = 0; i < n; i++) {
    const v = x[i];
    sum += v;
    if (v !== first) allEqual = false;
  }
  // NaN/±Inf anywhere makes the sum non-finite; so does overflow, which a z-score could not survive either
  if (!Number.isFinite(sum)) {
    out.fill(NaN, offset, offset + width);
    return SeriesStatus.NonFinite;
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - mean;
    ss += d * d;
  }
  const std = Math.sqrt(ss / (n - 1));
  if (catch24) {
    out[offset + 22] = mean;
    out[offset + 23] = allEqual ? 0 : std;
  }
  if (allEqual) {
    out.fill(NaN, offset, offset + 22);
    return SeriesStatus.Constant;
  }
  // Σ (x − mean)² that overflows, or underflows (0 or subnormal: a spread below ~1e-154), leaves z = d / std
  // non-finite or far off; features on it would be meaningless and could ask for huge buffers
  if (!Number.isFinite(std) || !(ss >= MIN_NORMAL)) {
    out.fill(NaN, offset, offset + width);
    return SeriesStatus.NonFinite;
  }

  const s = shared;
  s.ensure(n);
  const z = s.z;
  const work = s.workA;
  let minZ = Infinity;
  let maxZ = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = (x[i] - mean) / std;
    z[i] = v;
    work[i] = v;
    if (v < minZ) minZ = v;
    if (v > maxZ) maxZ = v;
  }
  s.minZ = minZ;
  s.maxZ = maxZ;
  matlabTerciles(work, n, s.terciles);
  s.acfLag0 = autocorrNormalized(z, n, s.acf, s);
  s.firstZeroAc = firstZeroCrossing(s.acf, n);

  const o = offset;
  out[o] = dnOutlierInclude(s, -1);
  out[o + 1] = dnOutlierInclude(s, 1);
  out[o + 2] = dnHistogramMode(s, 5);
  out[o + 3] = dnHistogramMode(s, 10);
  out[o + 4] = coEmbed2DistExpfitMeandiff(s);
  out[o + 5] = coF1ecac(s);
  out[o + 6] = coFirstMinAc(s);
  out[o + 7] = coHistogramAmiEven2x5(s);
  out[o + 8] = coTrev1Num(s);
  out[o + 9] = fcLocalSimpleMean1Tauresrat(s);
  out[o + 10] = fcLocalSimpleMean3Stderr(s);
  out[o + 11] = inAutoMutualInfoStats40GaussianFmmi(s);
  out[o + 12] = mdHrvClassicPnn40(s);
  out[o + 13] = sbBinaryStatsDiffLongstretch0(s);
  out[o + 14] = sbBinaryStatsMeanLongstretch1(s);
  out[o + 15] = sbMotifThreeQuantileHh(s);
  out[o + 16] = scFluctAnal(s, 1, true);
  out[o + 17] = scFluctAnal(s, 2, false);
  spSummariesWelchRect(s, out, o + 18);
  out[o + 20] = sbTransitionMatrix3acSumdiagcov(s);
  out[o + 21] = pdPeriodicityWangTh001(s);
  return SeriesStatus.Ok;
}
