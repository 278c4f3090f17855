/** Public option and result types of engine.sketch / engine.groupedSketch. */
import type { BackendName, CallOptions, NanPolicy, Telemetry } from '../../types.js';
import type { DDSketch } from './ddsketch.js';
import type { SketchSet } from './sketch-set.js';

export interface SketchOptions extends CallOptions {
  /** α in (0, 1): every quantile is within α·|true value| (default 0.01). */
  relativeAccuracy?: number;
  /** Bins per store (per sign) before the lowest ones collapse (default 2048). */
  maxBins?: number;
  /** 'omit' (default) drops NaN; 'error' throws NAN_IN_INPUT; 'propagate' makes the quantiles NaN. */
  nan?: NanPolicy;
}

/** A DDSketch built by the engine: which backend built it and how long it took. */
export type SketchResult = DDSketch & { backend: BackendName; telemetry: Telemetry };

/** A SketchSet built by the engine. */
export type SketchSetResult = SketchSet & { backend: BackendName; telemetry: Telemetry };
