/**
 * gpulse public API: `createEngine()` and the types of its results.
 *   const engine = createEngine({ backend: 'auto' });
 *   const { values, backend } = await engine.percentiles(data, { q: [0.5, 0.99] });
 */
import { EngineCore } from './engine.js';
import { percentiles, groupedPercentiles, timeBuckets } from './ops/percentiles.js';
import type { Capabilities } from './capabilities.js';
import type { EngineOptions, GroupedPercentileResult, NumericInput, PercentileOptions, PercentileResult } from './types.js';

export interface Engine {
  /** Exact percentiles (numpy methods) of one array. */
  percentiles(values: NumericInput, options: PercentileOptions): Promise<PercentileResult>;
  /** Exact percentiles per group key, one call for all groups. */
  groupedPercentiles(values: NumericInput, groups: Uint32Array, options: PercentileOptions): Promise<GroupedPercentileResult>;
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
    capabilities: () => core.capabilities(),
    dispose: () => core.dispose(),
  };
}

export { timeBuckets };
export { GpulseError, type ErrorCode } from './errors.js';
export { PERCENTILE_METHODS } from './kernels/percentile/positions.js';
export type * from './types.js';
export type { Capabilities, GpuCapabilities } from './capabilities.js';
