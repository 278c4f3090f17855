// catch22 / catch24 for one f64 series, the WASM twin of engine/kernels/features/catch22/catch22.ts: one
// z-score (sample std), its extremes and terciles (by selection), one FFT autocorrelation and its first zero
// crossing, shared by the features. Series the reference rejects get a NaN row and a status, never a trap.
import { autocorrNormalized, coF1ecac, coFirstMinAc, firstZeroCrossing } from './c22-co-auto-corr';
import { coEmbed2DistExpfitMeandiff } from './c22-co-embed2-dist';
import { coHistogramAmiEven2x5 } from './c22-co-histogram-ami';
import { coTrev1Num } from './c22-co-trev';
import { dnHistogramMode } from './c22-dn-histogram-mode';
import { dnOutlierInclude } from './c22-dn-outlier-include';
import { fcLocalSimpleMean1Tauresrat, fcLocalSimpleMean3Stderr } from './c22-fc-local-simple';
import { inAutoMutualInfoStats40GaussianFmmi } from './c22-in-auto-mutual-info';
import { mdHrvClassicPnn40 } from './c22-md-hrv';
import { fillF64, ldf, ldv, stf, stv } from './c22-mem';
import { pdPeriodicityWangTh001 } from './c22-pd-periodicity-wang';
import { sbBinaryStatsDiffLongstretch0, sbBinaryStatsMeanLongstretch1 } from './c22-sb-binary-stats';
import { sbMotifThreeQuantileHh } from './c22-sb-motif-three';
import { sbTransitionMatrix3acSumdiagcov } from './c22-sb-transition-matrix';
import { scFluctAnal } from './c22-sc-fluct-anal';
import { ACF, N, WORK_A, Z, setAcf, setExtremes, setSeries, setTerciles } from './c22-scratch';
import { spSummariesWelchRect } from './c22-sp-summaries-welch';
import { TERCILE_HI, TERCILE_LO, matlabTerciles } from './c22-stats';

export const STATUS_OK = 0;
/** Fewer than MIN_SERIES_LENGTH points. */
export const STATUS_TOO_SHORT = 1;
/** Contains NaN or ±Infinity, or Σ (x − mean)² overflows or is not a normal f64. */
export const STATUS_NON_FINITE = 2;
/** All values equal: the z-score is undefined. */
export const STATUS_CONSTANT = 3;
export const MIN_SERIES_LENGTH = 10;
/** Smallest positive normal f64, 2^−1022. */
const MIN_NORMAL: f64 = 2.2250738585072014e-308;

/** z = (x − mean) / std into Z and WORK_A (two at a time: per-lane division rounds as scalar); sets the extremes. */
function zscore(x: usize, n: i32, mean: f64, std: f64): void {
  const mv = f64x2.splat(mean), sv = f64x2.splat(std);
  let lo = f64x2.splat(Infinity), hi = f64x2.splat(-Infinity);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const v = f64x2.div(f64x2.sub(ldv(x, i), mv), sv);
    stv(Z, i, v);
    stv(WORK_A, i, v);
    lo = f64x2.pmin(lo, v);
    hi = f64x2.pmax(hi, v);
  }
  let minZ = min(f64x2.extract_lane(lo, 0), f64x2.extract_lane(lo, 1));
  let maxZ = max(f64x2.extract_lane(hi, 0), f64x2.extract_lane(hi, 1));
  if (i < n) {
    const v = (ldf(x, i) - mean) / std;
    stf(Z, i, v);
    stf(WORK_A, i, v);
    minZ = min(minZ, v);
    maxZ = max(maxZ, v);
  }
  setExtremes(minZ, maxZ);
}

/**
 * Writes the 22 (or 24 with catch24) features of x[0..n) (f64) to out[0..22|24) (f64); returns a status.
 * The scratch (layoutScratch) and tables (useTables) must cover n.
 */
export function catch22Series(x: usize, n: i32, out: usize, catch24: bool): i32 {
  const width = catch24 ? 24 : 22;
  if (n < MIN_SERIES_LENGTH) {
    fillF64(out, 0, width, NaN);
    return STATUS_TOO_SHORT;
  }
  let sum: f64 = 0;
  let allEqual = true;
  const first = ldf(x, 0);
  for (let i = 0; i < n; i++) {
    const v = ldf(x, i);
    sum += v;
    if (v != first) allEqual = false;
  }
  // NaN/±Inf anywhere makes the sum non-finite; so does overflow, which a z-score could not survive either
  if (!isFinite(sum)) {
    fillF64(out, 0, width, NaN);
    return STATUS_NON_FINITE;
  }
  const mean = sum / <f64>n;
  let ss: f64 = 0;
  for (let i = 0; i < n; i++) {
    const d = ldf(x, i) - mean;
    ss += d * d;
  }
  const std = Math.sqrt(ss / <f64>(n - 1));
  if (catch24) {
    stf(out, 22, mean);
    stf(out, 23, allEqual ? 0 : std);
  }
  if (allEqual) {
    fillF64(out, 0, 22, NaN);
    return STATUS_CONSTANT;
  }
  // Σ (x − mean)² that overflows, or underflows (0 or subnormal), leaves the z-score non-finite or far off
  // (and |z| past the √n bound the threshold buffers are sized for): the JS version's rule
  if (!isFinite(std) || !(ss >= MIN_NORMAL)) {
    fillF64(out, 0, width, NaN);
    return STATUS_NON_FINITE;
  }

  setSeries(n);
  zscore(x, n, mean, std);
  matlabTerciles(WORK_A, n);
  setTerciles(TERCILE_LO, TERCILE_HI);
  const lag0 = autocorrNormalized(Z, n, ACF);
  setAcf(lag0, firstZeroCrossing(ACF, n));

  stf(out, 0, dnOutlierInclude(-1));
  stf(out, 1, dnOutlierInclude(1));
  stf(out, 2, dnHistogramMode(5));
  stf(out, 3, dnHistogramMode(10));
  stf(out, 4, coEmbed2DistExpfitMeandiff());
  stf(out, 5, coF1ecac());
  stf(out, 6, coFirstMinAc());
  stf(out, 7, coHistogramAmiEven2x5());
  stf(out, 8, coTrev1Num());
  stf(out, 9, fcLocalSimpleMean1Tauresrat());
  stf(out, 10, fcLocalSimpleMean3Stderr());
  stf(out, 11, inAutoMutualInfoStats40GaussianFmmi());
  stf(out, 12, mdHrvClassicPnn40());
  stf(out, 13, sbBinaryStatsDiffLongstretch0());
  stf(out, 14, sbBinaryStatsMeanLongstretch1());
  stf(out, 15, sbMotifThreeQuantileHh());
  stf(out, 16, scFluctAnal(1, true));
  stf(out, 17, scFluctAnal(2, false));
  spSummariesWelchRect(out + 18 * 8);
  stf(out, 20, sbTransitionMatrix3acSumdiagcov());
  stf(out, 21, pdPeriodicityWangTh001());
  return STATUS_OK;
}
