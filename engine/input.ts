/** Argument checks shared by the engine's entry points; every error names the argument and, where known, the row. */
import { invalidArgument, GpulseError } from './errors.js';
import type { NanPolicy, NumericArray, NumericInput, PercentileMethod } from './types.js';
import { PERCENTILE_METHODS } from './kernels/percentile/positions.js';

/** Typed float arrays are used in place; anything else array-like is read into a Float64Array. */
export function toNumericArray(values: NumericInput, name = 'values'): NumericArray {
  if (values instanceof Float32Array || values instanceof Float64Array) return values;
  if (values == null || typeof (values as ArrayLike<number>).length !== 'number') {
    throw invalidArgument(`${name}: expected Float32Array, Float64Array or an array of numbers`);
  }
  const n = values.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== 'number') throw invalidArgument(`${name}[${i}]: expected a number, got ${typeof v}`);
    out[i] = v;
  }
  return out;
}

export function toProbabilities(q: number | ArrayLike<number> | undefined, name = 'q'): Float64Array {
  if (q === undefined) throw invalidArgument(`${name}: required (probabilities in [0, 1])`);
  const list = typeof q === 'number' ? [q] : Array.from(q);
  if (list.length === 0) throw invalidArgument(`${name}: at least one probability is required`);
  const out = new Float64Array(list.length);
  list.forEach((p, i) => {
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw invalidArgument(`${name}[${i}] = ${p}: must be a number in [0, 1]`);
    out[i] = p;
  });
  return out;
}

export function checkMethod(method: PercentileMethod | undefined): PercentileMethod {
  const m = method ?? 'linear';
  if (!PERCENTILE_METHODS.includes(m)) throw invalidArgument(`method: "${m}" is not one of ${PERCENTILE_METHODS.join(', ')}`);
  return m;
}

export function checkNanPolicy(nan: NanPolicy | undefined): NanPolicy {
  const p = nan ?? 'omit';
  if (p !== 'omit' && p !== 'propagate' && p !== 'error') throw invalidArgument(`nan: "${p}" is not one of omit, propagate, error`);
  return p;
}

/** Only called once a kernel reported NaN, so the scan costs nothing on clean data. */
export function nanError(values: NumericArray, name = 'values'): GpulseError {
  const i = values.findIndex((v) => v !== v);
  return new GpulseError('NAN_IN_INPUT', `${name}[${i}] is NaN (nan: 'error')`);
}

export function checkGroups(groups: unknown, length: number): Uint32Array {
  if (!(groups instanceof Uint32Array)) throw invalidArgument('groups: expected a Uint32Array of group keys');
  if (groups.length !== length) throw invalidArgument(`groups: length ${groups.length} ≠ values length ${length}`);
  return groups;
}
