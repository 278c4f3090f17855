/**
 * The anomaly model's input: one vector per window of a series, computed with the public engine API only.
 *
 *   1. Each series is cut into non-overlapping windows of WINDOW points (288 = one day of 5-minute points);
 *      a tail shorter than a window is dropped.
 *   2. engine.features(windows, { set: 'fast', lags: LAGS }) gives the 'fast' features of every window.
 *   3. Per series and per feature, a robust z-score against that series' own windows:
 *      z = (x − median) / max(1.4826·MAD, FLOOR_REL·|median|, FLOOR_ABS), so each VM is its own baseline
 *      (a CPU that always sits at 80 % is not an anomaly; a day that does not look like its other days is).
 *   4. Squashed with a signed log, s = sign(z)·ln(1 + |z|), and clipped to ±CLIP, so one absurd value cannot
 *      dominate and the model sees a bounded range. Non-finite features (shape features of a constant window,
 *      status 3) become 0 — a constant window still stands out through std and mean_abs_change.
 *
 * Browser-safe: no Node imports. Needs ≥ 2 windows per series to be meaningful (with 1 window every z is 0).
 */
import type { Engine } from '../../engine/index.js';

/** Points per window: one day of 5-minute points. */
export const WINDOW = 288;
/** Autocorrelation lags passed to the fast set (lag 288 would be NaN in a 288-point window). */
export const LAGS: readonly number[] = [1, 2, 12, 36];
/** The fast features the model reads, in this order. */
export const MODEL_FEATURES: readonly string[] = [
  'mean', 'std', 'min', 'max', 'skewness', 'kurtosis', 'p05', 'p50', 'p95',
  'acf_lag1', 'acf_lag2', 'acf_lag12', 'acf_lag36',
  'trend_slope', 'trend_r2', 'mean_abs_change', 'mean_crossing_rate', 'peak_count',
  'band_power_0_0.25', 'band_power_0.25_0.5', 'band_power_0.5_0.75', 'band_power_0.75_1',
  'spectral_centroid', 'spectral_entropy', 'spectral_flatness',
];
/** Every model input column, in order (the fast features above; no derived columns). */
export const FEATURE_NAMES: readonly string[] = MODEL_FEATURES;
export const FEATURE_DIM = FEATURE_NAMES.length;
const FLOOR_REL = 1e-3;
const FLOOR_ABS = 1e-9;
export const CLIP = 8;

/** How the caller's values split into series: equal lengths, or offsets (series i = values[offsets[i] … offsets[i+1])). */
export type SeriesLayout = { pointsPerSeries: number } | { offsets: ArrayLike<number> };

export interface WindowVectors {
  /** windows × FEATURE_DIM, row-major, float32: the model input. */
  x: Float32Array;
  /** Windows per series (0 for a series shorter than one window). */
  windowsPerSeries: Uint32Array;
  /** First window row of series i: firstWindow[i] … firstWindow[i] + windowsPerSeries[i]. */
  firstWindow: Uint32Array;
  /** Point index (into the caller's values) where each window starts. */
  windowStart: Uint32Array;
  /** engine.features status per window (0 ok, 3 constant, …). */
  status: Uint8Array;
}

function seriesBounds(total: number, layout: SeriesLayout): { starts: number[]; lengths: number[] } {
  const starts: number[] = [];
  const lengths: number[] = [];
  if ('pointsPerSeries' in layout) {
    const n = layout.pointsPerSeries;
    if (!Number.isInteger(n) || n < 1 || total % n !== 0) throw new Error(`pointsPerSeries ${n} does not divide ${total} values`);
    for (let s = 0; s < total; s += n) (starts.push(s), lengths.push(n));
  } else {
    const o = layout.offsets;
    for (let i = 0; i + 1 < o.length; i++) (starts.push(o[i]), lengths.push(o[i + 1] - o[i]));
  }
  return { starts, lengths };
}

function median(a: Float64Array): number {
  const s = Float64Array.from(a).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}

/** Robust-z + signed-log transform of raw feature rows (rows × FEATURE_DIM), in place into `out`, for one series. */
export function normalizeSeriesWindows(raw: Float64Array, rows: number, out: Float32Array, outOffset: number): void {
  const col = new Float64Array(rows);
  const dev = new Float64Array(rows);
  for (let f = 0; f < FEATURE_DIM; f++) {
    let m = 0;
    for (let r = 0; r < rows; r++) {
      const v = raw[r * FEATURE_DIM + f];
      if (Number.isFinite(v)) col[m++] = v;
    }
    let med = 0;
    let scale = 1;
    if (m > 0) {
      med = median(col.subarray(0, m));
      for (let i = 0; i < m; i++) dev[i] = Math.abs(col[i] - med);
      const mad = median(dev.subarray(0, m));
      scale = Math.max(1.4826 * mad, FLOOR_REL * Math.abs(med), FLOOR_ABS);
    }
    for (let r = 0; r < rows; r++) {
      const v = raw[r * FEATURE_DIM + f];
      let s = 0;
      if (Number.isFinite(v) && m > 0) {
        const z = (v - med) / scale;
        s = Math.sign(z) * Math.log1p(Math.abs(z));
        if (s > CLIP) s = CLIP;
        else if (s < -CLIP) s = -CLIP;
      }
      out[outOffset + r * FEATURE_DIM + f] = s;
    }
  }
}

/**
 * Model input vectors for every window of every series. `engine` may be any backend; the features are
 * computed with engine.features(…, { set: 'fast', lags: LAGS }).
 */
export async function windowVectors(engine: Engine, values: Float32Array | Float64Array, layout: SeriesLayout, backend?: 'js' | 'wasm' | 'webgpu' | 'auto'): Promise<WindowVectors> {
  const { starts, lengths } = seriesBounds(values.length, layout);
  const count = starts.length;
  const windowsPerSeries = new Uint32Array(count);
  const firstWindow = new Uint32Array(count);
  let total = 0;
  for (let i = 0; i < count; i++) {
    firstWindow[i] = total;
    windowsPerSeries[i] = Math.floor(lengths[i] / WINDOW);
    total += windowsPerSeries[i];
  }
  const windowStart = new Uint32Array(total);
  const packed = new Float32Array(total * WINDOW);
  for (let i = 0, w = 0; i < count; i++) {
    for (let k = 0; k < windowsPerSeries[i]; k++, w++) {
      windowStart[w] = starts[i] + k * WINDOW;
      packed.set(values.subarray(windowStart[w], windowStart[w] + WINDOW), w * WINDOW);
    }
  }
  const x = new Float32Array(total * FEATURE_DIM);
  const status = new Uint8Array(total);
  if (total === 0) return { x, windowsPerSeries, firstWindow, windowStart, status };
  const res = await engine.features({ values: packed, length: WINDOW }, { set: 'fast', lags: LAGS, ...(backend ? { backend } : {}) });
  status.set(res.status);
  const width = res.names.length;
  const cols = MODEL_FEATURES.map((name) => {
    const c = res.names.indexOf(name);
    if (c < 0) throw new Error(`fast feature '${name}' missing (names: ${res.names.join(', ')})`);
    return c;
  });
  for (let i = 0; i < count; i++) {
    const rows = windowsPerSeries[i];
    if (rows === 0) continue;
    const raw = new Float64Array(rows * FEATURE_DIM);
    for (let r = 0; r < rows; r++) {
      const src = (firstWindow[i] + r) * width;
      for (let f = 0; f < FEATURE_DIM; f++) raw[r * FEATURE_DIM + f] = res.values[src + cols[f]];
    }
    normalizeSeriesWindows(raw, rows, x, firstWindow[i] * FEATURE_DIM);
  }
  return { x, windowsPerSeries, firstWindow, windowStart, status };
}
