/** Gemm: Y = alpha · op(A) · op(B) + beta · C, C unidirectionally broadcast to [M, N]. */
import { invalidArgument } from '../../errors.js';
import { attrFlag, attrFloat } from '../attributes.js';
import { allocTensor, numericView, writeNumbers, type Tensor } from '../tensor.js';
import { broadcastIndex, checkUnidirectional } from './broadcast.js';
import { gemmF64 } from './gemm-core.js';
import { input, inputType, optionalType, requireSame, type OpDef } from './op.js';

const TYPES = ['float32', 'float64', 'float16', 'int32', 'int64', 'uint32', 'uint64'] as const;

export interface GemmParams {
  transA: boolean;
  transB: boolean;
  alpha: number;
  beta: number;
}

export function gemm(a: Tensor, b: Tensor, c: Tensor | undefined, p: GemmParams): Tensor {
  if (a.dims.length !== 2 || b.dims.length !== 2) {
    throw invalidArgument(`Gemm needs 2-D A and B, got [${a.dims.join(', ')}] and [${b.dims.join(', ')}]`);
  }
  const [M, K] = p.transA ? [a.dims[1], a.dims[0]] : [a.dims[0], a.dims[1]];
  const [Kb, N] = p.transB ? [b.dims[1], b.dims[0]] : [b.dims[0], b.dims[1]];
  if (K !== Kb) throw invalidArgument(`Gemm inner dimensions differ: K ${K} vs ${Kb}`);
  const out = allocTensor(a.type, [M, N]);
  const acc = new Float64Array(M * N);
  // ORT ignores C when beta is 0 (so Inf/NaN in C do not leak into Y); follow it.
  if (c && p.beta !== 0) addScaledBias(acc, [M, N], c, p.beta);
  gemmF64(M, N, K, numericView(a), 0, p.transA, numericView(b), 0, p.transB, p.alpha, acc, 0);
  writeNumbers(out, acc);
  return out;
}

/** acc += beta · C, with C broadcast to outDims. */
export function addScaledBias(acc: Float64Array, outDims: readonly number[], c: Tensor, beta: number): void {
  checkUnidirectional(c.dims, outDims, 'Gemm C');
  const cv = numericView(c);
  const map = broadcastIndex(outDims, c.dims);
  for (let i = 0; i < acc.length; i++) acc[i] += beta * cv[map[i]];
}

export function gemmParams(attrs: Parameters<typeof attrFlag>[0]): GemmParams {
  return {
    transA: attrFlag(attrs, 'transA', 0),
    transB: attrFlag(attrs, 'transB', 0),
    alpha: attrFloat(attrs, 'alpha', 1),
    beta: attrFloat(attrs, 'beta', 1),
  };
}

export const Gemm: OpDef = {
  opType: 'Gemm',
  domain: '',
  sinceVersion: 7,
  inputs: [2, 3],
  outputs: [1, 1],
  attributes: { alpha: 'float', beta: 'float', transA: 'int', transB: 'int' },
  infer(args) {
    gemmParams(args.attrs);
    const t = inputType(args, 0, TYPES);
    inputType(args, 1, TYPES);
    optionalType(args, 2, TYPES);
    requireSame(args, [0, 1, 2]);
    return [t];
  },
  run: (args) => [gemm(input(args, 0), input(args, 1), args.inputs[2], gemmParams(args.attrs))],
};
