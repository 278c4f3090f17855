// Per-series working memory for catch22, laid out once per batch after the tables and reused by every series
// (the JS version's Catch22Scratch). Also holds what several features share: the z-scored series, its
// extremes and terciles, its autocorrelation and the first zero crossing of that autocorrelation.
import { nextPow2 } from './c22-mem';

/** Length of the current series. */
export let N: i32 = 0;
/** z-scored series (mean 0, sample std 1), f64 × n. */
export let Z: usize = 0;
export let MIN_Z: f64 = 0;
export let MAX_Z: f64 = 0;
/** The reference's (Matlab-style) quantiles of z at 1/3 and 2/3. */
export let TERC1: f64 = 0;
export let TERC2: f64 = 0;
/** Autocorrelation of z at lags 0..n−1 (acf[0] = 1), f64 × (n + 1). */
export let ACF: usize = 0;
/** Σ (z − mean z)², the unnormalised lag-0 autocorrelation. */
export let ACF_LAG0: f64 = 0;
/** First lag where acf ≤ 0 (n when it never gets there). */
export let FIRST_ZERO_AC: i32 = 0;

/** General-purpose buffers, f64 × (n + 2); any feature may overwrite them. */
export let WORK_A: usize = 0;
export let WORK_B: usize = 0;
export let WORK_C: usize = 0;
/** Integer buffers, i32 × (n + 2). */
export let INT_A: usize = 0;
export let INT_B: usize = 0;
export let INT_C: usize = 0;

/** FFT buffers: a real signal of 2·nextPow2(n) points, its half spectrum, the complex work. */
export let FFT_SIG: usize = 0;
export let SPEC_RE: usize = 0;
export let SPEC_IM: usize = 0;
export let FFT_RE: usize = 0;
export let FFT_IM: usize = 0;

/** DN_OutlierInclude's per-threshold buffers: medians f64, bucket starts and fill pointers i32 (t + 2). */
export let THR_MED: usize = 0;
export let THR_START: usize = 0;
export let THR_FILL: usize = 0;
/** How many thresholds those buffers hold. */
export let THR_CAP: i32 = 0;

@inline function align64(b: usize): usize {
  return (b + 63) & ~(<usize>63);
}

/** Thresholds DN_OutlierInclude can need: 100·max|z| + 1 with max|z| ≤ (n − 1)/√n < √n. */
export function maxThresholds(maxLen: i32): i32 {
  return <i32>(100 * Math.ceil(Math.sqrt(<f64>maxLen))) + 8;
}

function rowBytes(maxLen: i32): usize {
  return align64(<usize>(maxLen + 2) << 3);
}

export function scratchBytes(maxLen: i32): usize {
  const row = rowBytes(maxLen);
  const fftN = <usize>(2 * nextPow2(maxLen));
  const t = <usize>maxThresholds(maxLen);
  return 8 * row + align64(fftN << 3) + 2 * align64(((fftN >> 1) + 1) << 3) + 2 * align64(fftN << 2)
    + align64(t << 3) + 2 * align64((t + 2) << 2);
}

/** Places every buffer in [scratch, scratch + scratchBytes(maxLen)). */
export function layoutScratch(scratch: usize, maxLen: i32): void {
  const row = rowBytes(maxLen);
  const fftN = <usize>(2 * nextPow2(maxLen));
  const t = <usize>maxThresholds(maxLen);
  let p = scratch;
  Z = p; p += row;
  ACF = p; p += row;
  WORK_A = p; p += row;
  WORK_B = p; p += row;
  WORK_C = p; p += row;
  // i32 rows take half a row each; keep whole rows for simplicity
  INT_A = p; p += row;
  INT_B = p; p += row;
  INT_C = p; p += row;
  FFT_SIG = p; p += align64(fftN << 3);
  SPEC_RE = p; p += align64(((fftN >> 1) + 1) << 3);
  SPEC_IM = p; p += align64(((fftN >> 1) + 1) << 3);
  FFT_RE = p; p += align64(fftN << 2);
  FFT_IM = p; p += align64(fftN << 2);
  THR_MED = p; p += align64(t << 3);
  THR_START = p; p += align64((t + 2) << 2);
  THR_FILL = p;
  THR_CAP = <i32>t;
}

export function setSeries(n: i32): void {
  N = n;
}

export function setExtremes(minZ: f64, maxZ: f64): void {
  MIN_Z = minZ;
  MAX_Z = maxZ;
}

export function setTerciles(t1: f64, t2: f64): void {
  TERC1 = t1;
  TERC2 = t2;
}

export function setAcf(lag0: f64, firstZero: i32): void {
  ACF_LAG0 = lag0;
  FIRST_ZERO_AC = firstZero;
}
