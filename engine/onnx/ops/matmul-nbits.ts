/**
 * com.microsoft MatMulNBits: Y[..., N] = A[..., K] · dequant(B)ᵀ (+ bias). bits 2/4/8, block_size a
 * power of two ≥ 16, scales float32 or float16, zero points packed uint8 / float / default 2^(bits−1).
 * accuracy_level is accepted: in onnxruntime level 4 quantizes A to int8 on the fly; this reference keeps
 * A in float (float64 accumulation), i.e. it computes the exact product of A with the dequantized weights.
 */
import { invalidArgument } from '../../errors.js';
import { attrInt } from '../attributes.js';
import { allocTensor, numericView, writeNumbers, type Tensor } from '../tensor.js';
import { blockQuantMatmul, checkBlockQuant, type BlockQuantWeight } from './block-quant.js';
import { FLOATS, input, inputType, optionalType, type OpDef, type RunArgs } from './op.js';

/** Y = A · dequant(W)ᵀ; `epilogue` adds a bias to the float64 accumulator before the single rounding. */
export function matmulBlockQuant(
  a: Tensor,
  w: BlockQuantWeight,
  epilogue?: (acc: Float64Array, outDims: readonly number[]) => void,
  outType = a.type,
): Tensor {
  const K = a.dims[a.dims.length - 1];
  if (a.dims.length === 0 || K !== w.K) throw invalidArgument(`A [${a.dims.join(', ')}] must end in K=${w.K}`);
  const rows = K === 0 ? 0 : a.data.length / K;
  const out = allocTensor(outType, [...a.dims.slice(0, -1), w.N]);
  const acc = new Float64Array(out.data.length);
  blockQuantMatmul(numericView(a), rows, w, acc);
  epilogue?.(acc, out.dims);
  writeNumbers(out, acc);
  return out;
}

function addBias(bias: Tensor | undefined, N: number) {
  if (!bias) return undefined;
  if (bias.data.length !== N) throw invalidArgument(`bias has ${bias.data.length} values, expected N=${N}`);
  const bv = numericView(bias);
  return (acc: Float64Array) => {
    for (let i = 0; i < acc.length; i++) acc[i] += bv[i % N];
  };
}

function weightOf(args: RunArgs): BlockQuantWeight {
  const zp = args.inputs[3];
  const w: BlockQuantWeight = {
    N: attrInt(args.attrs, 'N', 0),
    K: attrInt(args.attrs, 'K', 0),
    bits: attrInt(args.attrs, 'bits', 4),
    blockSize: attrInt(args.attrs, 'block_size', 0),
    codes: input(args, 1).data as Uint8Array,
    scales: numericView(input(args, 2)),
    zeroPoints: zp ? { kind: zp.type === 'uint8' ? 'packed' : 'float', data: numericView(zp) } : undefined,
  };
  checkBlockQuant(w);
  return w;
}

export const MatMulNBits: OpDef = {
  opType: 'MatMulNBits',
  domain: 'com.microsoft',
  sinceVersion: 1,
  inputs: [3, 6],
  outputs: [1, 1],
  attributes: { K: 'int', N: 'int', bits: 'int', block_size: 'int', accuracy_level: 'int', weight_prepacked: 'int' },
  infer(args) {
    for (const name of ['K', 'N', 'block_size']) {
      if (!(attrInt(args.attrs, name, 0) > 0)) throw invalidArgument(`attribute '${name}' is required and must be positive`);
    }
    const bits = attrInt(args.attrs, 'bits', 4);
    const bs = attrInt(args.attrs, 'block_size', 0);
    if (![2, 4, 8].includes(bits)) throw invalidArgument(`bits ${bits} is not supported (2, 4 or 8)`);
    if (bs < 16 || (bs & (bs - 1)) !== 0) throw invalidArgument(`block_size ${bs} must be a power of two ≥ 16`);
    if (attrInt(args.attrs, 'weight_prepacked', 0) !== 0) throw invalidArgument('prepacked weights are not supported');
    const level = attrInt(args.attrs, 'accuracy_level', 0);
    if (level < 0 || level > 4) throw invalidArgument(`accuracy_level ${level} must be 0–4`);
    const t = inputType(args, 0, FLOATS, 'A');
    inputType(args, 1, ['uint8'], 'B');
    inputType(args, 2, ['float32', 'float16'], 'scales');
    optionalType(args, 3, ['uint8', 'float32', 'float16'], 'zero_points');
    if (args.inputTypes[4] !== undefined) throw invalidArgument('g_idx (deprecated) is not supported');
    optionalType(args, 5, FLOATS, 'bias');
    return [t];
  },
  run(args) {
    const w = weightOf(args);
    return [matmulBlockQuant(input(args, 0), w, addBias(args.inputs[5], w.N))];
  },
};
