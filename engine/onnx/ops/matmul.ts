/** MatMul (numpy.matmul semantics: 1-D promotion, batch broadcasting). */
import { allocTensor, numericView, writeNumbers, type Tensor } from '../tensor.js';
import { gemmF64 } from './gemm-core.js';
import { matmulShape } from './matmul-shape.js';
import { input, inputType, requireSame, type OpDef } from './op.js';

const TYPES = ['float32', 'float64', 'float16', 'int32', 'int64', 'uint32', 'uint64'] as const;

export function matmul(a: Tensor, b: Tensor): Tensor {
  const s = matmulShape(a.dims, b.dims);
  const out = allocTensor(a.type, s.outDims);
  const acc = new Float64Array(out.data.length);
  const av = numericView(a);
  const bv = numericView(b);
  for (let i = 0; i < s.aBatch.length; i++) {
    gemmF64(s.M, s.N, s.K, av, s.aBatch[i] * s.M * s.K, false, bv, s.bBatch[i] * s.K * s.N, false, 1, acc, i * s.M * s.N);
  }
  writeNumbers(out, acc);
  return out;
}

export const MatMul: OpDef = {
  opType: 'MatMul',
  domain: '',
  sinceVersion: 1,
  inputs: [2, 2],
  outputs: [1, 1],
  attributes: {},
  infer(args) {
    const t = inputType(args, 0, TYPES);
    inputType(args, 1, TYPES);
    requireSame(args, [0, 1]);
    return [t];
  },
  run: (args) => [matmul(input(args, 0), input(args, 1))],
};
