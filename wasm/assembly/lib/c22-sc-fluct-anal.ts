// SC_FluctAnal_2_{rsrangefit_50_1, dfa_50_1_2}_logi_prop_r1: fluctuation analysis of the cumulative sum of the
// z-scored series (subsampled by `lag`: 1 for rsrangefit, 2 for dfa) over ~50 log-spaced window sizes
// 5..n/2. In each window a straight line is removed; the fluctuation is the rescaled range (rsrangefit) or
// the RMS residual (dfa). log F vs log τ is then fitted with two lines meeting at a break point; the result
// is the break point's position as a fraction of the number of scales.
import { fillF64, ldf, ldi, stf, sti } from './c22-mem';
import { FFT_SIG, N, WORK_A, Z } from './c22-scratch';
import { FIT_INTERCEPT, FIT_SLOPE, linearFit } from './c22-stats';
import { LOG_K } from './c22-tables';
import { rangeTotal, squaresInto } from './c22-sc-fluct-windows';

const STEPS = 50;
const MIN_POINTS = 6;
const scales = memory.data(STEPS * 4);
const logScale = memory.data(STEPS * 8);
const logFluct = memory.data(STEPS * 8);

/**
 * Distinct window sizes round(exp(linspace(log 5, log ⌊n/2⌋, 50))); returns how many. The logs of integers
 * come from the host's table (bit-identical to the JS version's); exp may differ from V8's by an ulp, which
 * moves no rounding: for n ≤ 400 000 no exp(…) lies within 1.3e-12 (relative) of a half-integer.
 */
function logSpacedScales(n: i32): i32 {
  const low = ldf(LOG_K, 5);
  const high = ldf(LOG_K, n / 2);
  const step = (high - low) / <f64>(STEPS - 1);
  let count = 0;
  for (let i = 0; i < STEPS; i++) {
    const t = <i32>Math.round(Math.exp(low + <f64>i * step));
    if (count == 0 || t != ldi(scales, count - 1)) sti(scales, count++, t);
  }
  return count;
}

// x = 1..tau: the sums the JS version forms in f64, in the same order
@inline function sumX(ft: f64): f64 {
  return (ft * (ft + 1)) / 2;
}

@inline function sumXX(ft: f64): f64 {
  return (ft * (ft + 1) * (2 * ft + 1)) / 6;
}

/** log F for every scale, F the rescaled range of the cumulative sum cs[0..len). */
function logRangeFluct(cs: usize, len: i32, nScales: i32): void {
  for (let s = 0; s < nScales; s++) {
    const tau = ldi(scales, s);
    const windows = len / tau;
    const ft = <f64>tau, sx = sumX(ft), sxx = sumXX(ft);
    const total = rangeTotal(cs, tau, windows, sx, sxx, ft * sxx - sx * sx);
    stf(logFluct, s, Math.log(Math.sqrt(total / <f64>windows)));
  }
}

/**
 * log F for every scale, F the RMS residual of the cumulative sum cs[0..len). Each scale's total is one
 * sequential sum (the JS order); four scales' sums run side by side, each over its own buffer of squared
 * residuals padded with +0 (which leaves a non-negative sum unchanged), so the additions overlap. The four
 * buffers take 4·len ≤ 2·n values of FFT_SIG (len = n/lag, lag ≥ 2).
 */
function logRmsFluct(cs: usize, len: i32, nScales: i32): void {
  const stride = <usize>len << 3;
  for (let g = 0; g < nScales; g += 4) {
    const count = min(4, nScales - g);
    let longest = 0;
    for (let s = 0; s < 4; s++) {
      const buf = FFT_SIG + <usize>s * stride;
      let used = 0;
      if (s < count) {
        const tau = ldi(scales, g + s);
        const windows = len / tau;
        const ft = <f64>tau, sx = sumX(ft), sxx = sumXX(ft);
        squaresInto(cs, tau, windows, sx, sxx, ft * sxx - sx * sx, buf);
        used = windows * tau;
      }
      fillF64(buf, used, len, 0);
      longest = max(longest, used);
    }
    const b0 = FFT_SIG, b1 = b0 + stride, b2 = b1 + stride, b3 = b2 + stride;
    let t0: f64 = 0, t1: f64 = 0, t2: f64 = 0, t3: f64 = 0;
    for (let i = 0; i < longest; i++) {
      t0 += ldf(b0, i);
      t1 += ldf(b1, i);
      t2 += ldf(b2, i);
      t3 += ldf(b3, i);
    }
    for (let s = 0; s < count; s++) {
      const tau = ldi(scales, g + s);
      const total = s == 0 ? t0 : s == 1 ? t1 : s == 2 ? t2 : t3;
      stf(logFluct, g + s, Math.log(Math.sqrt(total / (<f64>(len / tau) * <f64>tau))));
    }
  }
}

/** Root sum of squares of the residuals of line (slope, intercept) through points [from, from+count). */
function residualNorm(from: i32, count: i32, slope: f64, intercept: f64): f64 {
  let ss: f64 = 0;
  for (let j = from; j < from + count; j++) {
    const r = ldf(logScale, j) * slope + intercept - ldf(logFluct, j);
    ss += r * r;
  }
  return Math.sqrt(ss);
}

export function scFluctAnal(lag: i32, rangeNotRms: bool): f64 {
  const n = N;
  const nScales = logSpacedScales(n);
  if (nScales < 12) return 0;
  const y = Z;
  const len = n / lag;
  const cs = WORK_A;
  stf(cs, 0, ldf(y, 0));
  for (let i = 0; i < len - 1; i++) stf(cs, i + 1, ldf(cs, i) + ldf(y, (i + 1) * lag));
  for (let i = 0; i < nScales; i++) stf(logScale, i, ldf(LOG_K, ldi(scales, i)));
  if (rangeNotRms) logRangeFluct(cs, len, nScales);
  else logRmsFluct(cs, len, nScales);
  // The reference takes the minimum starting from the first error, then the first break with that error;
  // when the first error is NaN nothing matches and its default (position 0) stands.
  let best: f64 = NaN;
  let bestBreak = 0;
  for (let i = MIN_POINTS; i <= nScales - MIN_POINTS; i++) {
    linearFit(i, logScale, 0, logFluct, 0);
    const err1 = residualNorm(0, i, FIT_SLOPE, FIT_INTERCEPT);
    linearFit(nScales - i + 1, logScale, i - 1, logFluct, i - 1);
    const err = err1 + residualNorm(i - 1, nScales - i + 1, FIT_SLOPE, FIT_INTERCEPT);
    if (i == MIN_POINTS) {
      best = err;
      if (!isNaN(err)) bestBreak = i - 1;
    } else if (err < best) {
      best = err;
      bestBreak = i - 1;
    }
  }
  return <f64>(bestBreak + 1) / <f64>nScales;
}
