/**
 * Element-wise kernels over broadcast tensors. Values are computed as float64 numbers and rounded once
 * when stored, which for + − × ÷ of float32 inputs gives exactly the float32 IEEE result; int64/uint64
 * use BigInt so they stay exact. Integer stores wrap like C (typed-array semantics).
 */
import { isBig, type DType } from '../dtype.js';
import { allocTensor, numericView, sameDims, writeNumbers, type Tensor } from '../tensor.js';
import { broadcastDims, broadcastIndex } from './broadcast.js';

export type NumFn = (a: number, b: number) => number;
export type BigFn = (a: bigint, b: bigint) => bigint;

/** Whether `type` can be written with plain number stores (no float16 rounding or BigInt conversion). */
const direct = (type: DType): boolean => type !== 'float16' && !isBig(type) && type !== 'bool';

export function binaryOp(a: Tensor, b: Tensor, outType: DType, fn: NumFn, bigFn?: BigFn): Tensor {
  const dims = broadcastDims(a.dims, b.dims);
  const out = allocTensor(outType, dims);
  const n = out.data.length;
  const same = sameDims(a.dims, dims) && sameDims(b.dims, dims);
  const ia = same ? null : broadcastIndex(dims, a.dims);
  const ib = same ? null : broadcastIndex(dims, b.dims);
  if (bigFn && isBig(a.type) && isBig(b.type) && isBig(outType)) {
    const av = a.data as BigInt64Array;
    const bv = b.data as BigInt64Array;
    const o = out.data as BigInt64Array;
    for (let i = 0; i < n; i++) o[i] = bigFn(av[ia ? ia[i] : i], bv[ib ? ib[i] : i]);
    return out;
  }
  const av = numericView(a);
  const bv = numericView(b);
  const o = direct(outType) ? (out.data as Float64Array) : new Float64Array(n);
  if (ia && ib) for (let i = 0; i < n; i++) o[i] = fn(av[ia[i]], bv[ib[i]]);
  else for (let i = 0; i < n; i++) o[i] = fn(av[i], bv[i]);
  if (o !== out.data) writeNumbers(out, o);
  return out;
}

export function unaryOp(x: Tensor, outType: DType, fn: (v: number) => number, bigFn?: (v: bigint) => bigint): Tensor {
  const out = allocTensor(outType, x.dims);
  const n = out.data.length;
  if (bigFn && isBig(x.type) && isBig(outType)) {
    const xv = x.data as BigInt64Array;
    const o = out.data as BigInt64Array;
    for (let i = 0; i < n; i++) o[i] = bigFn(xv[i]);
    return out;
  }
  const xv = numericView(x);
  const o = direct(outType) ? (out.data as Float64Array) : new Float64Array(n);
  for (let i = 0; i < n; i++) o[i] = fn(xv[i]);
  if (o !== out.data) writeNumbers(out, o);
  return out;
}

/** Round half to even (numpy rint / ONNX Round / QuantizeLinear rounding). */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  // Math.round sends .5 up; step back when that landed on an odd integer.
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
