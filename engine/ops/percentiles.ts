/** engine.percentiles / engine.groupedPercentiles: argument checks, NaN policy, and the kernel call. */
import type { EngineCore } from '../engine.js';
import { checkGroups, checkMethod, checkNanPolicy, nanError, toNumericArray, toProbabilities } from '../input.js';
import type { GroupedPercentileResult, NumericInput, PercentileOptions, PercentileResult } from '../types.js';

export async function percentiles(core: EngineCore, input: NumericInput, options: PercentileOptions): Promise<PercentileResult> {
  const values = toNumericArray(input);
  const q = toProbabilities(options?.q);
  const method = checkMethod(options.method);
  const nan = checkNanPolicy(options.nan);
  const { out, backend, telemetry } = await core.run('percentile', { values, q, method }, values.length, options);
  if (out.nanCount > 0) {
    if (nan === 'error') throw nanError(values);
    if (nan === 'propagate') return { values: new Float64Array(q.length).fill(NaN), count: values.length, backend, telemetry };
  }
  return { values: out.values, count: out.count, backend, telemetry };
}

export async function groupedPercentiles(
  core: EngineCore,
  input: NumericInput,
  groupsInput: Uint32Array,
  options: PercentileOptions,
): Promise<GroupedPercentileResult> {
  const values = toNumericArray(input);
  const groups = checkGroups(groupsInput, values.length);
  const q = toProbabilities(options?.q);
  const method = checkMethod(options.method);
  const nan = checkNanPolicy(options.nan);
  const { out, backend, telemetry } = await core.run('groupedPercentile', { values, groups, q, method }, values.length, options);
  const counts = out.counts;
  let anyNan = false;
  for (let g = 0; g < out.keys.length; g++) anyNan ||= out.nanCounts[g] > 0;
  if (anyNan && nan === 'error') throw nanError(values);
  if (anyNan && nan === 'propagate') {
    const m = q.length;
    for (let g = 0; g < out.keys.length; g++) {
      if (out.nanCounts[g] === 0) continue;
      out.values.fill(NaN, g * m, (g + 1) * m);
      counts[g] += out.nanCounts[g];
    }
  }
  return { keys: out.keys, counts, values: out.values, backend, telemetry };
}

/**
 * Turns timestamps (ms) into time-bucket group keys: key = ⌊(t − origin) / widthMs⌋. Keys must fit uint32,
 * so the span / width must stay under 2^32 buckets; rows with a non-finite timestamp are named in the error.
 */
export function timeBuckets(timestampsMs: ArrayLike<number>, widthMs: number, originMs?: number): { keys: Uint32Array; originMs: number } {
  if (!(widthMs > 0) || !Number.isFinite(widthMs)) throw new RangeError(`widthMs: ${widthMs} must be a positive finite number`);
  const n = timestampsMs.length;
  let origin = originMs ?? Infinity;
  if (originMs === undefined) for (let i = 0; i < n; i++) origin = Math.min(origin, timestampsMs[i]);
  if (n > 0 && !Number.isFinite(origin)) throw new RangeError(`originMs: ${origin} must be finite`);
  origin = Math.floor(origin / widthMs) * widthMs;
  const keys = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const t = timestampsMs[i];
    const b = Math.floor((t - origin) / widthMs);
    if (!Number.isFinite(t) || b < 0 || b > 0xffffffff) throw new RangeError(`timestamps[${i}] = ${t}: outside the bucket range starting at ${origin}`);
    keys[i] = b;
  }
  return { keys, originMs: origin };
}
