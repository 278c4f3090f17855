/** The comlink API of the dashboard's engine worker (engine-worker.ts) and the shapes it returns. */

export interface StageTime {
  stage: string;
  ms: number;
  /** The backend that ran this stage (engine calls only). */
  backend?: string;
}

export interface InitInfo {
  /** 'webgpu' when the worker found an adapter (and the page allowed it), else 'wasm' (or 'js' without SIMD). */
  backend: string;
  adapter: string | null;
  wasmSimd: boolean;
  /** Whether apps/model (score.ts + anomaly-model.int8.onnx) was bundled and loads. */
  model: boolean;
}

export interface DatasetSummary {
  source: string;
  entities: number;
  points: number;
  t0: number;
  t1: number;
  columns: { entity: string | null; time: string | null; value: string };
  timings: StageTime[];
}

export interface Overview {
  /** Bucket start times (ms) and fleet-wide p50 / p99 per bucket, from one grouped call. */
  times: Float64Array;
  p50: Float64Array;
  p99: Float64Array;
  timings: StageTime[];
}

export interface EntityTable {
  names: string[];
  /** Per entity: points in range. */
  counts: Uint32Array;
  /** entities × 4 (p50, p90, p95, p99), NaN where an entity has no points in range. */
  pct: Float64Array;
  featureNames: string[];
  /** entities × featureNames.length. */
  features: Float64Array;
  /** Per entity: robust z of its most extreme point (a heuristic, always present). */
  z: Float64Array;
  /** Per entity: the anomaly model's score (max over its 1-day windows), or null without apps/model. */
  anomaly: Float64Array | null;
  timings: StageTime[];
  backend: string;
}

export interface EntitySeries {
  entity: number;
  /** Bucket start times (ms); per bucket min, p50, p90, p99, max. */
  times: Float64Array;
  min: Float64Array;
  p50: Float64Array;
  p90: Float64Array;
  p99: Float64Array;
  max: Float64Array;
  /** Per bucket: the extreme value where the bucket lies beyond 8 robust σ of the local level, else NaN. */
  anomalies: Float64Array;
  /** Intervals to shade: the demo's injected truth, and the anomaly model's worst window for this entity. */
  regions: { t0: number; t1: number; label: string; source: 'truth' | 'model' }[];
  timings: StageTime[];
}

export interface DashboardWorkerApi {
  init(allowGpu: boolean): Promise<InitInfo>;
  loadDemo(vms: number, days: number): Promise<DatasetSummary>;
  loadFile(name: string, bytes: ArrayBuffer): Promise<DatasetSummary>;
  overview(buckets: number): Promise<Overview>;
  compute(t0: number, t1: number): Promise<EntityTable>;
  series(entity: number, t0: number, t1: number, buckets: number): Promise<EntitySeries>;
  /** Test aid: entities × 4 exact percentiles (p50, p90, p95, p99; numpy 'linear') of [t0, t1) by sorting in JS. */
  referencePercentiles(t0: number, t1: number): Promise<Float64Array>;
}
