/** Relu, Sigmoid, Tanh, Sqrt, Round. */
import type { DType } from '../dtype.js';
import { roundHalfEven, unaryOp } from './elementwise.js';
import { FLOATS, input, inputType, type OpDef } from './op.js';

function unary(opType: string, sinceVersion: number, types: readonly DType[], fn: (v: number) => number, big?: (v: bigint) => bigint): OpDef {
  return {
    opType,
    domain: '',
    sinceVersion,
    inputs: [1, 1],
    outputs: [1, 1],
    attributes: {},
    infer: (args) => [inputType(args, 0, types)],
    run(args) {
      const x = input(args, 0);
      return [unaryOp(x, x.type, fn, big)];
    },
  };
}

// Relu keeps NaN (x > 0 is false for NaN, so test the other way round).
export const Relu = unary(
  'Relu',
  6,
  [...FLOATS, 'int8', 'int16', 'int32', 'int64'],
  (v) => (v < 0 ? 0 : v),
  (v) => (v < 0n ? 0n : v),
);
// Split by sign so exp never overflows to give 1/(1+Inf) noise for large |x|.
export const Sigmoid = unary('Sigmoid', 6, FLOATS, (v) => (v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v))));
export const Tanh = unary('Tanh', 6, FLOATS, Math.tanh);
export const Sqrt = unary('Sqrt', 6, FLOATS, Math.sqrt);
export const Round = unary('Round', 11, FLOATS, roundHalfEven);
