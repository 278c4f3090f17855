/**
 * The 'fast' feature set, declared once: names, order, and the tolerance class of every column. Columns for
 * lags and bands follow the call's configuration (defaults below).
 *
 * Defaults, chosen for metrics sampled every 5 minutes (NAB, CloudWatch): lags 1 and 2 (short memory),
 * 12 (one hour) and 288 (one day); four equal spectral bands over [0, Nyquist].
 */
import { invalidArgument } from '../../../errors.js';

export const DEFAULT_LAGS: readonly number[] = [1, 2, 12, 288];
export const DEFAULT_BANDS = 4;
/** Series shorter than this get status TOO_SHORT and a NaN row (count excepted). */
export const MIN_LENGTH = 4;
/** Spectral flatness floors bin power at this fraction of the strongest bin (f32 noise stays below it). */
export const FLATNESS_FLOOR = 1e-10;
export const ROLLOFF = 0.85;
export const QUANTILES = Float64Array.of(0.05, 0.5, 0.95);

export const Status = { Ok: 0, TooShort: 1, NonFinite: 2, Constant: 3 } as const;
export type Status = (typeof Status)[keyof typeof Status];

/** How a column is compared across backends (fast-compare.ts). */
export type ColumnKind = 'count' | 'location' | 'order' | 'spread' | 'shape' | 'unit' | 'slope' | 'change' | 'crossing' | 'peaks' | 'ratio' | 'bin';

export interface FastConfig {
  lags: Uint32Array;
  /** Band edges as fractions of Nyquist, ascending, in [0, 1]; band b = [edges[b], edges[b+1]) (last one closed). */
  bands: Float64Array;
}

export interface FastLayout {
  names: string[];
  kinds: ColumnKind[];
  width: number;
  count: number; mean: number; std: number; min: number; max: number; skewness: number; kurtosis: number;
  /** p05, p50, p95 at pct, pct + 1, pct + 2. */
  pct: number;
  acf: number;
  slope: number; intercept: number; r2: number; meanAbsChange: number; crossingRate: number; peaks: number;
  band: number;
  centroid: number; entropy: number; flatness: number; rolloff: number; dominant: number;
}

const fmt = (x: number): string => String(Number(x.toPrecision(6)));

export function fastLayout(cfg: FastConfig): FastLayout {
  const names: string[] = [];
  const kinds: ColumnKind[] = [];
  const col = (name: string, kind: ColumnKind): number => (names.push(name), kinds.push(kind), names.length - 1);
  const count = col('count', 'count');
  const mean = col('mean', 'location');
  const std = col('std', 'spread');
  const min = col('min', 'order');
  const max = col('max', 'order');
  const skewness = col('skewness', 'shape');
  const kurtosis = col('kurtosis', 'shape');
  const pct = col('p05', 'order');
  col('p50', 'order');
  col('p95', 'order');
  const acf = names.length;
  for (const k of cfg.lags) col(`acf_lag${k}`, 'unit');
  const slope = col('trend_slope', 'slope');
  const intercept = col('trend_intercept', 'location');
  const r2 = col('trend_r2', 'unit');
  const meanAbsChange = col('mean_abs_change', 'change');
  const crossingRate = col('mean_crossing_rate', 'crossing');
  const peaks = col('peak_count', 'peaks');
  const band = names.length;
  for (let b = 0; b + 1 < cfg.bands.length; b++) col(`band_power_${fmt(cfg.bands[b])}_${fmt(cfg.bands[b + 1])}`, 'unit');
  const centroid = col('spectral_centroid', 'unit');
  const entropy = col('spectral_entropy', 'unit');
  const flatness = col('spectral_flatness', 'ratio');
  const rolloff = col('spectral_rolloff85', 'bin');
  const dominant = col('dominant_frequency', 'bin');
  return {
    names, kinds, width: names.length, count, mean, std, min, max, skewness, kurtosis, pct, acf,
    slope, intercept, r2, meanAbsChange, crossingRate, peaks, band, centroid, entropy, flatness, rolloff, dominant,
  };
}

/** Validates lags (distinct positive integers) and bands (a count of equal bands, or ascending edges in [0, 1]). */
export function fastConfig(lags: ArrayLike<number> | undefined, bands: number | ArrayLike<number> | undefined): FastConfig {
  const l = Array.from(lags ?? DEFAULT_LAGS);
  l.forEach((k, i) => {
    if (!Number.isInteger(k) || k < 1 || k >= 2 ** 32) throw invalidArgument(`lags[${i}] = ${k}: must be a positive integer`);
    if (l.indexOf(k) !== i) throw invalidArgument(`lags[${i}] = ${k}: appears twice`);
  });
  let edges: number[];
  const b = bands ?? DEFAULT_BANDS;
  if (typeof b === 'number') {
    if (!Number.isInteger(b) || b < 1 || b > 1024) throw invalidArgument(`bands: ${b} must be an integer count in [1, 1024] or an array of edges`);
    edges = Array.from({ length: b + 1 }, (_, i) => i / b);
  } else {
    edges = Array.from(b);
    if (edges.length < 2) throw invalidArgument('bands: at least two edges (fractions of Nyquist) are needed');
    edges.forEach((e, i) => {
      if (typeof e !== 'number' || !(e >= 0 && e <= 1)) throw invalidArgument(`bands[${i}] = ${e}: edges are fractions of Nyquist in [0, 1]`);
      if (i > 0 && !(e > edges[i - 1])) throw invalidArgument(`bands[${i}] = ${e}: edges must be strictly increasing`);
    });
  }
  return { lags: Uint32Array.from(l), bands: Float64Array.from(edges) };
}

/**
 * Bins k = 1 … K (frequency k/K of Nyquist) of each band: band b is [ranges[b], ends[b]). Bin membership is
 * edges[b] ≤ k/K < edges[b+1], and k/K = edges[last] for the last band — evaluated in f64 exactly as the
 * reference does, so every backend puts the same bins in the same band.
 */
export function bandRanges(K: number, edges: Float64Array): { starts: Int32Array; ends: Int32Array } {
  const nb = edges.length - 1;
  const starts = new Int32Array(nb);
  const ends = new Int32Array(nb);
  for (let b = 0; b < nb; b++) {
    const last = b === nb - 1;
    let s = 1;
    while (s <= K && s / K < edges[b]) s++;
    let e = s;
    while (e <= K && (e / K < edges[b + 1] || (last && e / K === edges[b + 1]))) e++;
    starts[b] = s;
    ends[b] = e;
  }
  return { starts, ends };
}

export function inBand(k: number, K: number, edges: Float64Array, b: number): boolean {
  const f = k / K;
  const last = b === edges.length - 2;
  return f >= edges[b] && (f < edges[b + 1] || (last && f === edges[b + 1]));
}
