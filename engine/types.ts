/** Public types shared by the engine, the kernels and the apps. */

export type BackendName = 'webgpu' | 'wasm' | 'js';
export type BackendChoice = 'auto' | BackendName;

/** Numeric input accepted by every kernel: typed arrays are used in place, arrays are read as float64. */
export type NumericInput = Float32Array | Float64Array | ArrayLike<number>;
/** What a kernel sees after input normalization: f32 stays f32 (selection is exact in the input precision). */
export type NumericArray = Float32Array | Float64Array;

export type PercentileMethod = 'linear' | 'lower' | 'higher' | 'nearest' | 'midpoint';
export type NanPolicy = 'omit' | 'propagate' | 'error';

export interface StageTiming {
  stage: string;
  ms: number;
}

/** Per-call telemetry, on every result. */
export interface Telemetry {
  backend: BackendName;
  /** Set when the call started on another backend and finished here (device lost, unsupported input). */
  fallbackFrom?: BackendName;
  fallbackReason?: string;
  stages: StageTiming[];
  bytesUploaded: number;
  bytesReadBack: number;
  totalMs: number;
}

export interface CallOptions {
  /** Overrides the engine's backend for this call. */
  backend?: BackendChoice;
  signal?: AbortSignal;
}

export interface PercentileOptions extends CallOptions {
  q: number | ArrayLike<number>;
  method?: PercentileMethod;
  nan?: NanPolicy;
}

export interface PercentileResult {
  /** One value per q, float64. */
  values: Float64Array;
  /** Values that took part (NaN excluded under nan: 'omit'). */
  count: number;
  backend: BackendName;
  telemetry: Telemetry;
}

export interface GroupedPercentileResult {
  /** Distinct group keys, ascending. */
  keys: Uint32Array;
  /** Per key: values that took part. */
  counts: Float64Array;
  /** keys.length × q.length, row-major. */
  values: Float64Array;
  backend: BackendName;
  telemetry: Telemetry;
}

export interface EngineOptions {
  backend?: BackendChoice;
  /** WASM worker threads for large inputs; 0 disables, default: hardware concurrency. */
  workers?: number;
  /** Cap on bytes kept in the WebGPU buffer pool. */
  gpuPoolBytes?: number;
}
