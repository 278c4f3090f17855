/**
 * Quantization granularity shared by QuantizeLinear and DequantizeLinear. The scale's shape decides it:
 * one value -> per tensor; 1-D of x.dims[axis] values -> per axis; same rank as x with
 * ceil(x.dims[axis] / block_size) along axis and x's dims elsewhere -> blocked.
 */
import { invalidArgument } from '../../errors.js';
import { INT_RANGES, type DType } from '../dtype.js';
import { roundToFloat16 } from '../float16.js';
import { normAxis, numel, sameDims, type Tensor } from '../tensor.js';

export const QUANT_TYPES: readonly DType[] = ['int8', 'uint8', 'int16', 'uint16', 'int4', 'uint4', 'int2', 'uint2'];

/** For every element of x, the flat index of its scale / zero point. */
export function paramIndex(xDims: readonly number[], param: Tensor, axisAttr: number, blockSize: number, what: string): Int32Array {
  const n = numel(xDims);
  const map = new Int32Array(n);
  if (param.data.length === 1 && blockSize === 0) return map;
  const rank = xDims.length;
  const axis = normAxis(axisAttr, rank);
  const inner = numel(xDims.slice(axis + 1));
  const len = xDims[axis];
  if (blockSize === 0) {
    if (param.dims.length !== 1 || param.dims[0] !== len) {
      throw invalidArgument(`${what} [${param.dims.join(', ')}] must be a scalar or 1-D of ${len} values (axis ${axis})`);
    }
    for (let i = 0; i < n; i++) map[i] = Math.floor(i / inner) % len;
    return map;
  }
  if (blockSize < 0) throw invalidArgument(`block_size must be positive, got ${blockSize}`);
  const blocks = Math.ceil(len / blockSize);
  const expected = xDims.map((d, i) => (i === axis ? blocks : d));
  if (!sameDims(param.dims, expected)) {
    throw invalidArgument(`${what} [${param.dims.join(', ')}] must be [${expected.join(', ')}] for block_size ${blockSize}`);
  }
  for (let i = 0; i < n; i++) {
    const outer = Math.floor(i / (len * inner));
    const c = Math.floor(i / inner) % len;
    map[i] = (outer * blocks + Math.floor(c / blockSize)) * inner + (i % inner);
  }
  return map;
}

/** The range a quantized value saturates to. */
export function quantRange(type: DType): readonly [number, number] {
  const r = INT_RANGES[type];
  if (!r) throw invalidArgument(`${type} is not a quantized integer type`);
  return r;
}

/**
 * Rounds an arithmetic result to the precision numpy would compute it in: float16 when both operands
 * are float16, float32 when the widest operand is float32, float64 otherwise.
 */
export function precisionRounder(...types: DType[]): (v: number) => number {
  if (types.every((t) => t === 'float16')) return roundToFloat16;
  if (types.every((t) => t === 'float16' || t === 'float32')) return Math.fround;
  return (v) => v;
}
