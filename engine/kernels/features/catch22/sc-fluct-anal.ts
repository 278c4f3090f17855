/**
 * SC_FluctAnal_2_{rsrangefit_50_1, dfa_50_1_2}_logi_prop_r1: fluctuation analysis of the cumulative
 * sum of the z-scored series (subsampled by `lag`: 1 for rsrangefit, 2 for dfa) over ~50
 * log-spaced window sizes 5..n/2. In each window a straight line is removed; the fluctuation is
 * the rescaled range (rsrangefit) or the RMS residual (dfa). log F vs log τ is then fitted with two
 * lines meeting at a break point; the result is the break point's position as a fraction of the
 * number of scales (the scale where the two-line fit error is least).
 */
import type { Catch22Scratch } from './scratch.js';
import { fitResult, linearFit } from './stats.js';

const STEPS = 50;
const MIN_POINTS = 6;
const scales = new Int32Array(STEPS);
const logScale = new Float64Array(STEPS);
const logFluct = new Float64Array(STEPS);

/** Distinct window sizes round(exp(linspace(log 5, log ⌊n/2⌋, 50))); returns how many. */
function logSpacedScales(n: number): number {
  const low = Math.log(5);
  const high = Math.log(Math.floor(n / 2));
  const step = (high - low) / (STEPS - 1);
  let count = 0;
  for (let i = 0; i < STEPS; i++) {
    const t = Math.round(Math.exp(low + i * step));
    if (count === 0 || t !== scales[count - 1]) scales[count++] = t;
  }
  return count;
}

/** Fluctuation of the cumulative sum cs[0..len) at window size tau (linear trend removed). */
function fluctuation(cs: Float64Array, len: number, tau: number, rangeNotRms: boolean): number {
  const windows = Math.floor(len / tau);
  // x = 1..tau: integer sums, exact in f64, equal to the reference's accumulated sums
  const sx = (tau * (tau + 1)) / 2;
  const sxx = (tau * (tau + 1) * (2 * tau + 1)) / 6;
  const denom = tau * sxx - sx * sx;
  let total = 0;
  for (let w = 0; w < windows; w++) {
    const base = w * tau;
    let sxy = 0;
    let sy = 0;
    for (let k = 0; k < tau; k++) {
      const v = cs[base + k];
      sxy += (k + 1) * v;
      sy += v;
    }
    const slope = (tau * sxy - sx * sy) / denom;
    const intercept = (sy * sxx - sx * sxy) / denom;
    if (rangeNotRms) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let k = 0; k < tau; k++) {
        const r = cs[base + k] - (slope * (k + 1) + intercept);
        if (r < lo) lo = r;
        if (r > hi) hi = r;
      }
      total += (hi - lo) * (hi - lo);
    } else {
      for (let k = 0; k < tau; k++) {
        const r = cs[base + k] - (slope * (k + 1) + intercept);
        total += r * r;
      }
    }
  }
  return rangeNotRms ? Math.sqrt(total / windows) : Math.sqrt(total / (windows * tau));
}

/** Root sum of squares of the residuals of line (slope, intercept) through points [from, from+count). */
function residualNorm(from: number, count: number, slope: number, intercept: number): number {
  let ss = 0;
  for (let j = from; j < from + count; j++) {
    const r = logScale[j] * slope + intercept - logFluct[j];
    ss += r * r;
  }
  return Math.sqrt(ss);
}

export function scFluctAnal(s: Catch22Scratch, lag: number, rangeNotRms: boolean): number {
  const n = s.n;
  const nScales = logSpacedScales(n);
  if (nScales < 12) return 0;
  const y = s.z;
  const len = Math.floor(n / lag);
  const cs = s.workA;
  cs[0] = y[0];
  for (let i = 0; i < len - 1; i++) cs[i + 1] = cs[i] + y[(i + 1) * lag];
  for (let i = 0; i < nScales; i++) {
    logScale[i] = Math.log(scales[i]);
    logFluct[i] = Math.log(fluctuation(cs, len, scales[i], rangeNotRms));
  }
  // The reference takes the minimum starting from the first error, then the first break with that
  // error; when the first error is NaN nothing matches and its default (position 0) stands.
  let best = NaN;
  let bestBreak = 0;
  for (let i = MIN_POINTS; i <= nScales - MIN_POINTS; i++) {
    linearFit(i, logScale, 0, logFluct, 0);
    const err1 = residualNorm(0, i, fitResult[0], fitResult[1]);
    linearFit(nScales - i + 1, logScale, i - 1, logFluct, i - 1);
    const err = err1 + residualNorm(i - 1, nScales - i + 1, fitResult[0], fitResult[1]);
    if (i === MIN_POINTS) {
      best = err;
      if (!Number.isNaN(err)) bestBreak = i - 1;
    } else if (err < best) {
      best = err;
      bestBreak = i - 1;
    }
  }
  return (bestBreak + 1) / nScales;
}
