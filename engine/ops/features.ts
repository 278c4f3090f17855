/**
 * engine.rfft and engine.features: argument checks, series normalization (series-input.ts), and dispatch.
 * The 'fast' set runs the `fastFeatures` kernel, 'catch22' / 'catch24' the `catch22Set` kernel (JS, WASM),
 * on the backend the scheduler picks.
 */
import type { EngineCore } from '../engine.js';
import { invalidArgument } from '../errors.js';
import type { BackendName, CallOptions, Telemetry } from '../types.js';
import { toSeriesBatch, type SeriesBatch, type SeriesInput, type WindowOptions } from '../kernels/features/series-input.js';
import { isPow2, nextPow2 } from '../kernels/features/rfft/hann.js';
import type { RfftOutput, RfftWindow } from '../kernels/features/rfft/rfft.contract.js';
import { fastConfig, fastLayout } from '../kernels/features/fast/fast-layout.js';
import { CATCH22_NAMES, CATCH24_NAMES } from '../kernels/features/catch22/names.js';

export type { SeriesInput } from '../kernels/features/series-input.js';

export interface RfftOptions extends CallOptions {
  /** FFT size, a power of two; default: the next power of two ≥ the longest series. Longer series are truncated. */
  n?: number;
  /** 'hann': periodic Hann over each series' own samples, before zero padding. Default 'none'. */
  window?: RfftWindow;
  /** 'magnitude' (default): n/2 + 1 values per series; 'complex': n/2 + 1 interleaved (re, im) pairs. */
  output?: RfftOutput;
}

export interface RfftResult {
  /** Series-major rows; Float32Array for Float32Array input, else Float64Array. */
  values: Float32Array | Float64Array;
  n: number;
  bins: number;
  count: number;
  backend: BackendName;
  telemetry: Telemetry;
}

export type FeatureSet = 'fast' | 'catch22' | 'catch24';

export interface FeaturesOptions extends CallOptions, WindowOptions {
  set: FeatureSet;
  /** 'fast' only: autocorrelation lags; default [1, 2, 12, 288] (5-minute data: 1 h and 1 day). */
  lags?: ArrayLike<number>;
  /** 'fast' only: a count of equal bands, or band edges as fractions of Nyquist; default 4. */
  bands?: number | ArrayLike<number>;
}

export interface FeaturesResult {
  names: string[];
  /** count × names.length, row-major, f64. */
  values: Float64Array;
  /** Per series: 0 ok, 1 too short, 2 non-finite (NaN/±Inf), 3 constant. */
  status: Uint8Array;
  backend: BackendName;
  telemetry: Telemetry;
}

function pointsOf(b: SeriesBatch, cap = Infinity): number {
  let s = 0;
  for (let i = 0; i < b.lengths.length; i++) s += Math.min(b.lengths[i], cap);
  return s;
}

export async function rfft(core: EngineCore, series: SeriesInput, options: RfftOptions = {}): Promise<RfftResult> {
  const batch = toSeriesBatch(series);
  let longest = 1;
  for (let i = 0; i < batch.lengths.length; i++) longest = Math.max(longest, batch.lengths[i]);
  const n = options.n ?? nextPow2(longest);
  if (!isPow2(n)) throw invalidArgument(`n: ${String(n)} must be a power of two ≥ 1`);
  if (n > 1 << 24) throw invalidArgument(`n: ${n} is larger than the supported 2^24`);
  const window = options.window ?? 'none';
  if (window !== 'none' && window !== 'hann') throw invalidArgument(`window: "${String(window)}" is not one of none, hann`);
  const output = options.output ?? 'magnitude';
  if (output !== 'magnitude' && output !== 'complex') throw invalidArgument(`output: "${String(output)}" is not one of magnitude, complex`);
  const { out, backend, telemetry } = await core.run('rfft', { ...batch, n, window, output }, pointsOf(batch, n), options);
  return { values: out.values, n, bins: out.bins, count: batch.starts.length, backend, telemetry };
}

export async function features(core: EngineCore, series: SeriesInput, options: FeaturesOptions): Promise<FeaturesResult> {
  const set = options?.set;
  if (set !== 'fast' && set !== 'catch22' && set !== 'catch24') throw invalidArgument(`set: "${String(set)}" is not one of fast, catch22, catch24`);
  const batch = toSeriesBatch(series, { window: options.window, step: options.step });
  if (set !== 'fast') {
    if (options.lags !== undefined || options.bands !== undefined) throw invalidArgument(`lags/bands: only apply to set 'fast'`);
    const { out, backend, telemetry } = await core.run('catch22Set', { ...batch, catch24: set === 'catch24' }, pointsOf(batch), options);
    return { names: [...(set === 'catch24' ? CATCH24_NAMES : CATCH22_NAMES)], values: out.values, status: out.status, backend, telemetry };
  }
  const cfg = fastConfig(options.lags, options.bands);
  const { out, backend, telemetry } = await core.run('fastFeatures', { ...batch, ...cfg }, pointsOf(batch), options);
  return { names: fastLayout(cfg).names, values: out.values, status: out.status, backend, telemetry };
}
