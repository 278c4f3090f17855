/**
 * The tensor every op takes and returns: a dtype, dims and a plain typed array (see dtype.ts for storage).
 * Ops treat tensors as immutable, so reshapes may share data with their input.
 */
import { GpulseError, invalidArgument } from '../errors.js';
import { isBig, storageCtor, type DType, type TensorData } from './dtype.js';
import { float16ToFloat32Array, toFloat16Bits } from './float16.js';

export interface Tensor {
  readonly type: DType;
  readonly dims: readonly number[];
  readonly data: TensorData;
}

/** Hard cap on elements of any tensor gpulse allocates (2^28: 1 GiB of float32). */
export const MAX_TENSOR_ELEMENTS = 2 ** 28;

/** Element count of dims; throws on negative, fractional or overflowing dims. */
export function numel(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) {
    if (!Number.isSafeInteger(d) || d < 0) throw invalidArgument(`invalid dimension ${d} in [${dims.join(', ')}]`);
    n *= d;
    if (!Number.isSafeInteger(n)) throw tooLarge(dims);
  }
  return n;
}

function tooLarge(dims: readonly number[]): GpulseError {
  return new GpulseError('INPUT_TOO_LARGE', `tensor [${dims.join(', ')}] exceeds ${MAX_TENSOR_ELEMENTS} elements`);
}

/** Allocates a zeroed tensor, refusing sizes over the cap. */
export function allocTensor(type: DType, dims: readonly number[]): Tensor {
  const n = numel(dims);
  if (n > MAX_TENSOR_ELEMENTS) throw tooLarge(dims);
  return { type, dims: [...dims], data: new (storageCtor(type))(n) };
}

export function makeTensor(type: DType, dims: readonly number[], data: TensorData): Tensor {
  if (numel(dims) !== data.length) {
    throw invalidArgument(`tensor data has ${data.length} elements but dims [${dims.join(', ')}] need ${numel(dims)}`);
  }
  return { type, dims: [...dims], data };
}

/** Values as numbers without copying where the storage already holds numbers (float16 and 64-bit are decoded). */
export function numericView(t: Tensor): ArrayLike<number> {
  if (t.type === 'float16') return float16ToFloat32Array(t.data as Uint16Array);
  if (isBig(t.type)) return Float64Array.from(t.data as BigInt64Array, Number);
  return t.data as ArrayLike<number>;
}

/** A tensor of `type` holding `values` (float16 rounded to nearest even, 64-bit integers truncated). */
export function fromNumbers(type: DType, dims: readonly number[], values: ArrayLike<number>): Tensor {
  const out = allocTensor(type, dims);
  writeNumbers(out, values);
  return out;
}

export function writeNumbers(t: Tensor, values: ArrayLike<number>): void {
  const n = values.length;
  if (t.type === 'float16') {
    const d = t.data as Uint16Array;
    for (let i = 0; i < n; i++) d[i] = toFloat16Bits(values[i]);
  } else if (isBig(t.type)) {
    const d = t.data as BigInt64Array;
    for (let i = 0; i < n; i++) d[i] = Number.isFinite(values[i]) ? BigInt(Math.trunc(values[i])) : 0n;
  } else if (t.type === 'bool') {
    const d = t.data as Uint8Array;
    for (let i = 0; i < n; i++) d[i] = values[i] !== 0 ? 1 : 0;
  } else {
    (t.data as Float64Array).set(values);
  }
}

export function scalarValue(t: Tensor): number {
  if (t.data.length !== 1) throw invalidArgument(`expected a single value, got [${t.dims.join(', ')}]`);
  return numericView(t)[0];
}

/** Reads an int64/int32 tensor (shapes, axes) as safe integers. */
export function intValues(t: Tensor): number[] {
  const out: number[] = [];
  const values = t.data as ArrayLike<number | bigint>;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const n = Number(v);
    if (!Number.isSafeInteger(n)) throw invalidArgument(`integer ${String(v)} is out of range`);
    out.push(n);
  }
  return out;
}

export function sameDims(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Normalises a possibly negative axis against rank, or throws naming the attribute. */
export function normAxis(axis: number, rank: number, what = 'axis'): number {
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(a) || a < 0 || a >= Math.max(rank, 1)) {
    throw invalidArgument(`${what} ${axis} is out of range for rank ${rank}`);
  }
  return a;
}

export function byteSize(t: Tensor): number {
  return t.data.byteLength;
}
