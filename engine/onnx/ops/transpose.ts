/** Transpose (perm defaults to reversing the axes). */
import { invalidArgument } from '../../errors.js';
import { attrInts } from '../attributes.js';
import { allocTensor, type Tensor } from '../tensor.js';
import { ALL_TYPES, input, inputType, type OpDef } from './op.js';

export function transpose(x: Tensor, permAttr?: readonly number[]): Tensor {
  const rank = x.dims.length;
  const perm = permAttr ?? x.dims.map((_, i) => rank - 1 - i);
  if (perm.length !== rank || [...perm].sort((a, b) => a - b).some((p, i) => p !== i)) {
    throw invalidArgument(`perm [${perm.join(', ')}] is not a permutation of ${rank} axes`);
  }
  const outDims = perm.map((p) => x.dims[p]);
  const out = allocTensor(x.type, outDims);
  const inStrides = new Array<number>(rank);
  let s = 1;
  for (let d = rank - 1; d >= 0; d--) {
    inStrides[d] = s;
    s *= x.dims[d];
  }
  // Stride in the input for a step along each output axis.
  const step = perm.map((p) => inStrides[p]);
  const counter = new Array<number>(rank).fill(0);
  const src = x.data as unknown as ArrayLike<number> & { [i: number]: number };
  const dst = out.data as unknown as { [i: number]: number };
  let offset = 0;
  for (let i = 0; i < out.data.length; i++) {
    dst[i] = src[offset];
    for (let d = rank - 1; d >= 0; d--) {
      counter[d]++;
      offset += step[d];
      if (counter[d] < outDims[d]) break;
      offset -= step[d] * counter[d];
      counter[d] = 0;
    }
  }
  return out;
}

export const Transpose: OpDef = {
  opType: 'Transpose',
  domain: '',
  sinceVersion: 1,
  inputs: [1, 1],
  outputs: [1, 1],
  attributes: { perm: 'ints' },
  infer(args) {
    return [inputType(args, 0, ALL_TYPES)];
  },
  run: (args) => [transpose(input(args, 0), attrInts(args.attrs, 'perm'))],
};
