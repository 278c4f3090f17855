/**
 * Kernel `fastFeatures`, JS backend (f64): per series, pass 1 (sum, min, max, finiteness), pass 2 (scaled
 * deviations: moments, trend, autocorrelations, changes, crossings, peaks), quickselect percentiles, and the
 * spectral sums (fast-spectrum.ts); finishRow turns the sums into features.
 */
import type { KernelImpl } from '../../contract.js';
import { throwIfAborted } from '../../../errors.js';
import { numpyLerp } from '../../percentile/positions.js';
import { nextPow2 } from '../rfft/hann.js';
import { spectrumSums } from './fast-spectrum.js';
import { A, accLag, accWidth, finishRow, statusOf } from './fast-accumulators.js';
import { Status, fastLayout, type FastConfig } from './fast-layout.js';
import type { FastArgs, FastOut } from './fast.contract.js';
import { selectRanks } from './select-ranks.js';
import { percentilePlan } from './fast-percentiles.js';

class Scratch {
  work = new Float64Array(0);
  stats = new Float64Array(6);
  re = new Float64Array(0);
  im = new Float64Array(0);
  grow(n: number): void {
    const N = nextPow2(n);
    if (this.work.length < N) this.work = new Float64Array(N);
    if (this.re.length < N / 2 + 2) {
      this.re = new Float64Array(N / 2 + 2);
      this.im = new Float64Array(N / 2 + 2);
    }
  }
}

function moments(x: ArrayLike<number>, s: number, n: number, cfg: FastConfig, acc: Float64Array, a: number): void {
  const mu = acc[a + A.mu];
  // Capped so a range in the subnormals still scales to finite deviations.
  const r = Math.min(1 / (acc[a + A.max] - acc[a + A.min]), 2 ** 1000);
  acc[a + A.r] = r;
  const tMean = (n - 1) / 2;
  let se = 0, se2 = 0, se3 = 0, se4 = 0, ste = 0, sad = 0, cross = 0, peaks = 0;
  let prev = (x[s] - mu) * r;
  for (let t = 0; t < n; t++) {
    const v = x[s + t];
    const e = (v - mu) * r;
    const e2 = e * e;
    se += e; se2 += e2; se3 += e2 * e; se4 += e2 * e2;
    ste += (t - tMean) * e;
    if (t > 0) {
      sad += Math.abs(e - prev);
      if (v > mu !== x[s + t - 1] > mu) cross++;
      if (t + 1 < n && v > x[s + t - 1] && v > x[s + t + 1]) peaks++;
    }
    prev = e;
  }
  acc[a + A.se] = se; acc[a + A.se2] = se2; acc[a + A.se3] = se3; acc[a + A.se4] = se4;
  acc[a + A.ste] = ste; acc[a + A.sad] = sad; acc[a + A.cross] = cross; acc[a + A.peaks] = peaks;
  for (let j = 0; j < cfg.lags.length; j++) {
    const k = cfg.lags[j];
    if (k >= n) continue;
    let R = 0, head = 0, tail = 0;
    for (let t = 0; t + k < n; t++) R += (x[s + t] - mu) * r * ((x[s + t + k] - mu) * r);
    for (let t = 0; t < k; t++) {
      head += (x[s + t] - mu) * r;
      tail += (x[s + n - k + t] - mu) * r;
    }
    const l = a + accLag(cfg, j);
    acc[l] = R; acc[l + 1] = head; acc[l + 2] = tail;
  }
}

/** Accumulates series i into acc[a …] (all fields a later finishRow needs for its status). */
export function accumulateSeriesJs(args: FastArgs, cfg: FastConfig, i: number, acc: Float64Array, a: number, sc: Scratch): void {
  const x = args.values;
  const s = args.starts[i];
  const n = args.lengths[i];
  acc[a + A.n] = n;
  let sum = 0, bad = 0, min = Infinity, max = -Infinity;
  for (let t = 0; t < n; t++) {
    const v = x[s + t];
    sum += v;
    bad += v - v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  acc[a + A.bad] = bad === 0 ? 0 : 1;
  acc[a + A.min] = min;
  acc[a + A.max] = max;
  acc[a + A.mu] = sum / n;
  if (statusOf(n, acc[a + A.bad], min, max) !== Status.Ok) return;
  sc.grow(n);
  moments(x, s, n, cfg, acc, a);
  const plan = percentilePlan(n);
  const work = sc.work;
  for (let t = 0; t < n; t++) work[t] = x[s + t];
  selectRanks(work, n, plan.ranks, sc.stats);
  for (let q = 0; q < 3; q++) acc[a + A.pct + q] = numpyLerp(sc.stats[plan.lo[q]], sc.stats[plan.hi[q]], plan.t[q]);
  spectrumSums(x, s, n, cfg, acc, a, sc);
}

export function fastJsCompute(args: FastArgs, signal?: AbortSignal): FastOut {
  const cfg: FastConfig = { lags: args.lags, bands: args.bands };
  const L = fastLayout(cfg);
  const count = args.starts.length;
  const width = accWidth(cfg);
  const acc = new Float64Array(width);
  const values = new Float64Array(count * L.width);
  const status = new Uint8Array(count);
  const sc = new Scratch();
  for (let i = 0; i < count; i++) {
    if ((i & 255) === 255) throwIfAborted(signal);
    acc.fill(0);
    accumulateSeriesJs(args, cfg, i, acc, 0, sc);
    status[i] = finishRow(acc, 0, cfg, L, values, i * L.width);
  }
  return { values, status };
}

export const fastJs: KernelImpl<FastArgs, FastOut> = {
  backend: 'js',
  run: (args, ctx) => ctx.telemetry.stage('fast features (js f64)', () => fastJsCompute(args, ctx.signal)),
};
