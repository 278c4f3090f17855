/** Add, Sub, Mul, Div, Pow and the variadic Min/Max, all with numpy broadcasting. */
import { invalidArgument } from '../../errors.js';
import type { DType } from '../dtype.js';
import type { Tensor } from '../tensor.js';
import { binaryOp, type BigFn, type NumFn } from './elementwise.js';
import { input, inputType, NUMERIC, requireSame, type InferArgs, type OpDef, type RunArgs } from './op.js';

const INT32_LIKE = new Set<DType>(['int32', 'uint32']);

/** Integer semantics differ from float ones for Div (truncation) and 32-bit Mul (wrapping product). */
function pick(type: DType, float: NumFn, int: NumFn | undefined): NumFn {
  return type === 'float32' || type === 'float64' || type === 'float16' ? float : (int ?? float);
}

function arithmetic(opType: string, float: NumFn, big: BigFn, int?: NumFn, int32?: NumFn): OpDef {
  return {
    opType,
    domain: '',
    sinceVersion: 7,
    inputs: [2, 2],
    outputs: [1, 1],
    attributes: {},
    infer(args: InferArgs) {
      const t = inputType(args, 0, NUMERIC);
      inputType(args, 1, NUMERIC);
      requireSame(args, [0, 1]);
      return [t];
    },
    run(args: RunArgs): Tensor[] {
      const a = input(args, 0);
      const fn = INT32_LIKE.has(a.type) && int32 ? int32 : pick(a.type, float, int);
      return [binaryOp(a, input(args, 1), a.type, fn, big)];
    },
  };
}

const truncDiv: NumFn = (a, b) => (b === 0 ? 0 : Math.trunc(a / b));

export const Add = arithmetic('Add', (a, b) => a + b, (a, b) => a + b);
export const Sub = arithmetic('Sub', (a, b) => a - b, (a, b) => a - b);
export const Mul = arithmetic('Mul', (a, b) => a * b, (a, b) => a * b, undefined, (a, b) => Math.imul(a, b));
export const Div = arithmetic('Div', (a, b) => a / b, (a, b) => (b === 0n ? 0n : a / b), truncDiv);

export const Pow: OpDef = {
  opType: 'Pow',
  domain: '',
  sinceVersion: 7,
  inputs: [2, 2],
  outputs: [1, 1],
  attributes: {},
  infer(args) {
    const t = inputType(args, 0, ['float32', 'float64', 'float16', 'int32', 'int64']);
    inputType(args, 1, NUMERIC);
    return [t];
  },
  run(args) {
    const base = input(args, 0);
    // The result takes the base's type; integer results are truncated on store.
    return [binaryOp(base, input(args, 1), base.type, Math.pow)];
  },
};

function variadic(opType: string, fn: NumFn, big: BigFn): OpDef {
  return {
    opType,
    domain: '',
    sinceVersion: 8,
    inputs: [1, 2147483647],
    outputs: [1, 1],
    attributes: {},
    infer(args) {
      const t = inputType(args, 0, NUMERIC);
      args.inputTypes.forEach((_, i) => inputType(args, i, NUMERIC));
      requireSame(args, args.inputTypes.map((_, i) => i));
      return [t];
    },
    run(args) {
      if (args.inputs.length === 0) throw invalidArgument(`${opType} needs at least one input`);
      let acc = input(args, 0);
      for (let i = 1; i < args.inputs.length; i++) acc = binaryOp(acc, input(args, i), acc.type, fn, big);
      return [acc];
    },
  };
}

// Math.min/max propagate NaN, as the ONNX reference (numpy minimum/maximum) does.
export const Min = variadic('Min', Math.min, (a, b) => (a < b ? a : b));
export const Max = variadic('Max', Math.max, (a, b) => (a > b ? a : b));
