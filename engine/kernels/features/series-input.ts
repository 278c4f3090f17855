/**
 * The three ways callers pass a batch of series, normalized to one shape the kernels take: every series is
 * a (start, length) view into one values array, so ragged batches, equal-length batches and overlapping
 * rolling windows all run without copying.
 *   { values, offsets }  series i = values[offsets[i] … offsets[i+1])  (offsets non-decreasing, ≤ length)
 *   { values, length }   series i = values[i·length … (i+1)·length)     (values.length a multiple of length)
 *   { values }           one series, or with window/step the windows values[i·step … i·step + window)
 * Errors name the argument and the index at fault.
 */
import { invalidArgument } from '../../errors.js';
import { toNumericArray } from '../../input.js';
import type { NumericArray, NumericInput } from '../../types.js';

export type SeriesInput =
  | { values: NumericInput; offsets: Uint32Array | ArrayLike<number> }
  | { values: NumericInput; length: number }
  | { values: NumericInput };

export interface WindowOptions {
  /** Window length for one long series ({ values }). */
  window?: number;
  /** Distance between window starts; default: the window (non-overlapping windows). */
  step?: number;
}

/** A batch of series as views into one array. */
export interface SeriesBatch {
  values: NumericArray;
  starts: Uint32Array;
  lengths: Uint32Array;
}

function positiveInteger(v: unknown, name: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw invalidArgument(`${name}: ${String(v)} must be a positive integer`);
  return v;
}

function fromOffsets(values: NumericArray, offsets: ArrayLike<number>, name: string): SeriesBatch {
  if (offsets == null || typeof offsets.length !== 'number') throw invalidArgument(`${name}.offsets: expected a Uint32Array`);
  if (offsets.length < 1) throw invalidArgument(`${name}.offsets: needs at least one entry (series i spans offsets[i] … offsets[i+1])`);
  const count = offsets.length - 1;
  const starts = new Uint32Array(count);
  const lengths = new Uint32Array(count);
  for (let i = 0; i <= count; i++) {
    const o = offsets[i];
    if (typeof o !== 'number' || !Number.isInteger(o) || o < 0) throw invalidArgument(`${name}.offsets[${i}] = ${String(o)}: must be a non-negative integer`);
    if (o > values.length) throw invalidArgument(`${name}.offsets[${i}] = ${o}: past the end of ${name}.values (length ${values.length})`);
    if (i > 0 && o < offsets[i - 1]) {
      throw invalidArgument(`${name}.offsets[${i}] = ${o} < offsets[${i - 1}] = ${offsets[i - 1]}: offsets must be non-decreasing`);
    }
    if (i < count) starts[i] = o;
    if (i > 0) lengths[i - 1] = o - offsets[i - 1];
  }
  return { values, starts, lengths };
}

function windows(values: NumericArray, window: number, step: number, name: string): SeriesBatch {
  if (window > values.length) throw invalidArgument(`${name}.window: ${window} is longer than ${name}.values (length ${values.length})`);
  const count = Math.floor((values.length - window) / step) + 1;
  const starts = new Uint32Array(count);
  for (let i = 0; i < count; i++) starts[i] = i * step;
  return { values, starts, lengths: new Uint32Array(count).fill(window) };
}

export function toSeriesBatch(input: SeriesInput, opts: WindowOptions = {}, name = 'series'): SeriesBatch {
  if (input == null || typeof input !== 'object' || !('values' in input)) {
    throw invalidArgument(`${name}: expected { values, offsets }, { values, length } or { values }`);
  }
  const values = toNumericArray(input.values, `${name}.values`);
  if (values.length >= 2 ** 32) throw invalidArgument(`${name}.values: more than 2^32 − 1 points`);
  const hasOffsets = 'offsets' in input && input.offsets !== undefined;
  const hasLength = 'length' in input && input.length !== undefined;
  const windowed = opts.window !== undefined || opts.step !== undefined;
  if (hasOffsets && hasLength) throw invalidArgument(`${name}: give offsets or length, not both`);
  if (windowed && (hasOffsets || hasLength)) throw invalidArgument('window/step: only apply to one long series ({ values } without offsets or length)');
  if (hasOffsets) return fromOffsets(values, (input as { offsets: ArrayLike<number> }).offsets, name);
  if (hasLength) {
    const length = positiveInteger((input as { length: number }).length, `${name}.length`);
    if (values.length % length !== 0) {
      throw invalidArgument(`${name}.length: ${name}.values length ${values.length} is not a multiple of ${length}`);
    }
    if (values.length === 0) return { values, starts: new Uint32Array(0), lengths: new Uint32Array(0) };
    return windows(values, length, length, name);
  }
  if (windowed) {
    const window = positiveInteger(opts.window, 'window');
    const step = opts.step === undefined ? window : positiveInteger(opts.step, 'step');
    return windows(values, window, step, name);
  }
  return { values, starts: Uint32Array.of(0), lengths: Uint32Array.of(values.length) };
}
