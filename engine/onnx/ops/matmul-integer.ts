/**
 * MatMulInteger: int32 Y = (A − a_zero_point) · (B − b_zero_point) with numpy.matmul shapes.
 * a_zero_point is per tensor, per row ([M] or [..., M, 1]); b_zero_point per tensor or per column
 * ([N] or [..., 1, N]).
 */
import { invalidArgument } from '../../errors.js';
import { allocTensor, numericView, type Tensor } from '../tensor.js';
import { gemmInt } from './gemm-core.js';
import { matmulShape, type MatMulShape } from './matmul-shape.js';
import { input, inputType, optionalType, type OpDef } from './op.js';

const Q8 = ['int8', 'uint8'] as const;

type ZpLookup = (batch: number, index: number) => number;

/** Zero point lookup along `len` rows (A) or columns (B), optionally per batch. */
function zeroPointLookup(zp: Tensor | undefined, len: number, batches: number, what: string): ZpLookup {
  if (!zp) return () => 0;
  const v = numericView(zp);
  if (v.length === 1) return () => v[0];
  if (zp.dims.length === 1 && v.length === len) return (_, i) => v[i];
  if (v.length === len * batches) return (b, i) => v[b * len + i];
  throw invalidArgument(`${what} [${zp.dims.join(', ')}] does not match ${len} ${what.startsWith('a') ? 'rows' : 'columns'}`);
}

/** Exact integer product, one float64 per output element. */
export function integerMatmul(a: Tensor, b: Tensor, aZp: Tensor | undefined, bZp: Tensor | undefined): { s: MatMulShape; acc: Float64Array } {
  const s = matmulShape(a.dims, b.dims);
  const aBatches = a.dims.length > 2 ? a.data.length / (s.M * s.K) : 1;
  const bBatches = b.dims.length > 2 ? b.data.length / (s.K * s.N) : 1;
  const az = zeroPointLookup(aZp, s.M, aBatches, 'a_zero_point');
  const bz = zeroPointLookup(bZp, s.N, bBatches, 'b_zero_point');
  const acc = new Float64Array(s.aBatch.length * s.M * s.N);
  const av = numericView(a);
  const bv = numericView(b);
  for (let i = 0; i < s.aBatch.length; i++) {
    const ab = s.aBatch[i];
    const bb = s.bBatch[i];
    gemmInt(s.M, s.N, s.K, av, ab * s.M * s.K, (r) => az(ab, r), bv, bb * s.K * s.N, (c) => bz(bb, c), acc, i * s.M * s.N);
  }
  return { s, acc };
}

export const MatMulInteger: OpDef = {
  opType: 'MatMulInteger',
  domain: '',
  sinceVersion: 10,
  inputs: [2, 4],
  outputs: [1, 1],
  attributes: {},
  infer(args) {
    const a = inputType(args, 0, Q8, 'A');
    const b = inputType(args, 1, Q8, 'B');
    if ((optionalType(args, 2, Q8, 'a_zero_point') ?? a) !== a) throw invalidArgument('a_zero_point must have the type of A');
    if ((optionalType(args, 3, Q8, 'b_zero_point') ?? b) !== b) throw invalidArgument('b_zero_point must have the type of B');
    return ['int32'];
  },
  run(args) {
    const { s, acc } = integerMatmul(input(args, 0), input(args, 1), args.inputs[2], args.inputs[3]);
    const out = allocTensor('int32', s.outDims);
    (out.data as Int32Array).set(acc);
    return [out];
  },
};
