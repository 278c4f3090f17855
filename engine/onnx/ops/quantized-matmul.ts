/**
 * gpulse-internal op (domain ai.gpulse) that quantize-on-load puts in place of a MatMul or Gemm whose
 * weight is an initializer: Y = A · dequant(W)ᵀ + beta · C, W symmetric block-quantized in MatMulNBits
 * layout (int8: one block spanning K per output channel; int4: blocks of 32), Gemm's alpha folded into
 * the scales. Activations stay float (see block-quant.ts).
 */
import { invalidArgument } from '../../errors.js';
import { attrFloat, attrInt } from '../attributes.js';
import type { Tensor } from '../tensor.js';
import { checkBlockQuant, type BlockQuantWeight } from './block-quant.js';
import { addScaledBias } from './gemm.js';
import { matmulBlockQuant } from './matmul-nbits.js';
import { input, inputType, optionalType, type OpDef, type RunArgs } from './op.js';

export const GPULSE_DOMAIN = 'ai.gpulse';

function weightOf(args: RunArgs): BlockQuantWeight {
  const w: BlockQuantWeight = {
    N: attrInt(args.attrs, 'N', 0),
    K: attrInt(args.attrs, 'K', 0),
    bits: attrInt(args.attrs, 'bits', 8),
    blockSize: attrInt(args.attrs, 'block_size', 0),
    codes: input(args, 1).data as Uint8Array,
    scales: input(args, 2).data as Float32Array,
  };
  checkBlockQuant(w);
  return w;
}

export const QuantizedMatMul: OpDef = {
  opType: 'QuantizedMatMul',
  domain: GPULSE_DOMAIN,
  sinceVersion: 1,
  inputs: [3, 4],
  outputs: [1, 1],
  attributes: { K: 'int', N: 'int', bits: 'int', block_size: 'int', beta: 'float' },
  infer(args) {
    const t = inputType(args, 0, ['float32'], 'A');
    inputType(args, 1, ['uint8'], 'codes');
    inputType(args, 2, ['float32'], 'scales');
    optionalType(args, 3, ['float32'], 'C');
    return [t];
  },
  run(args) {
    const a = input(args, 0);
    const c: Tensor | undefined = args.inputs[3];
    const beta = attrFloat(args.attrs, 'beta', 1);
    if (c && beta !== 0 && a.dims.length !== 2) throw invalidArgument('a Gemm bias needs 2-D A');
    const epilogue = c && beta !== 0 ? (acc: Float64Array, dims: readonly number[]) => addScaledBias(acc, dims, c, beta) : undefined;
    return [matmulBlockQuant(a, weightOf(args), epilogue)];
  },
};
