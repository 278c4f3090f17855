/**
 * gpulse public API: `createEngine()` and the types of its results.
 *   const engine = createEngine({ backend: 'auto' });
 *   const { values, backend } = await engine.percentiles(data, { q: [0.5, 0.99] });
 */
import { EngineCore } from './engine.js';
import { percentiles, groupedPercentiles, timeBuckets } from './ops/percentiles.js';
import { sketch, groupedSketch } from './ops/sketch.js';
import type { SketchOptions, SketchResult, SketchSetResult } from './kernels/sketch/sketch-types.js';
import { features, rfft, type FeaturesOptions, type FeaturesResult, type RfftOptions, type RfftResult, type SeriesInput } from './ops/features.js';
import type { Capabilities } from './capabilities.js';
import type { LoadOptions, Model } from './onnx/model.js';
import type { EngineOptions, GroupedPercentileResult, NumericInput, PercentileOptions, PercentileResult } from './types.js';

export interface Engine {
  /** Exact percentiles (numpy methods) of one array. */
  percentiles(values: NumericInput, options: PercentileOptions): Promise<PercentileResult>;
  /** Exact percentiles per group key, one call for all groups. */
  groupedPercentiles(values: NumericInput, groups: Uint32Array, options: PercentileOptions): Promise<GroupedPercentileResult>;
  /** A mergeable DDSketch (relative-error quantiles, Datadog protobuf) of one array. */
  sketch(values: NumericInput, options?: SketchOptions): Promise<SketchResult>;
  /** One DDSketch per group key, as a dense SketchSet. */
  groupedSketch(values: NumericInput, groups: Uint32Array, options?: SketchOptions): Promise<SketchSetResult>;
  /** Batched real FFT of one or many series (power-of-two n; magnitude or complex bins). */
  rfft(series: SeriesInput, options?: RfftOptions): Promise<RfftResult>;
  /** A feature set ('fast', 'catch22', 'catch24') per series or per rolling window: one row per series. */
  features(series: SeriesInput, options: FeaturesOptions): Promise<FeaturesResult>;
  /** Loads an ONNX model on this engine's backends (default: the engine's backend choice, e.g. 'auto'). */
  loadModel(bytes: Uint8Array, options?: LoadOptions): Promise<Model>;
  /** What the runtime has (probes WebGPU). */
  capabilities(): Promise<Capabilities>;
  dispose(): void;
  /** @internal the engine core, for the apps and tests in this repository. */
  readonly core: EngineCore;
}

export function createEngine(options: EngineOptions = {}): Engine {
  const core = new EngineCore(options);
  return {
    core,
    percentiles: (values, opts) => percentiles(core, values, opts),
    groupedPercentiles: (values, groups, opts) => groupedPercentiles(core, values, groups, opts),
    sketch: (values, opts) => sketch(core, values, opts),
    groupedSketch: (values, groups, opts) => groupedSketch(core, values, groups, opts),
    rfft: (series, opts) => rfft(core, series, opts),
    features: (series, opts) => features(core, series, opts),
    // Loaded on first use, so apps that never run a model do not pay for the ONNX decoder.
    loadModel: async (bytes, opts = {}) =>
      (await import('./onnx/model.js')).loadModel(bytes, { backend: core.backend, ...opts, runtime: { preferRelaxed: core.wasm.preferRelaxed, gpu: core.gpu } }),
    capabilities: () => core.capabilities(),
    dispose: () => core.dispose(),
  };
}

export { timeBuckets };
export { GpulseError, type ErrorCode } from './errors.js';
export { PERCENTILE_METHODS } from './kernels/percentile/positions.js';
export { DDSketch, type DDSketchOptions } from './kernels/sketch/ddsketch.js';
export { SketchSet } from './kernels/sketch/sketch-set.js';
export type { IndexMapping, Interpolation } from './kernels/sketch/index-mapping.js';
export type { SketchOptions, SketchResult, SketchSetResult } from './kernels/sketch/sketch-types.js';
export type { FeatureSet, FeaturesOptions, FeaturesResult, RfftOptions, RfftResult, SeriesInput } from './ops/features.js';
export type * from './types.js';
export type { LoadOptions, Model, ModelIO, OutputTensor, ModelSummary } from './onnx/index.js';
export type { Capabilities, GpuCapabilities } from './capabilities.js';
