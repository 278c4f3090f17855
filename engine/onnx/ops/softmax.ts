/**
 * Softmax. Opset ≥ 13 normalises along one axis (default −1); opsets 1–12 flatten the input to 2-D at
 * `axis` (default 1) and normalise each row over all trailing dims.
 */
import { attrInt } from '../attributes.js';
import { allocTensor, normAxis, numericView, writeNumbers, type Tensor } from '../tensor.js';
import { FLOATS, input, inputType, type OpDef } from './op.js';

export function softmax(x: Tensor, axisAttr: number, coerce2d: boolean): Tensor {
  const rank = x.dims.length;
  const out = allocTensor(x.type, x.dims);
  if (rank === 0 || out.data.length === 0) {
    writeNumbers(out, Float64Array.from(numericView(x), (v) => (Number.isNaN(v) ? v : 1)));
    return out;
  }
  const axis = normAxis(axisAttr, rank);
  const prod = (from: number, to: number) => x.dims.slice(from, to).reduce((p, d) => p * d, 1);
  const outer = prod(0, axis);
  const len = coerce2d ? prod(axis, rank) : x.dims[axis];
  const inner = coerce2d ? 1 : prod(axis + 1, rank);
  const xv = numericView(x);
  const y = new Float64Array(out.data.length);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * len * inner + i;
      // Subtract the max so exp never overflows (test_softmax_large_number).
      let max = -Infinity;
      for (let k = 0; k < len; k++) max = Math.max(max, xv[base + k * inner]);
      let sum = 0;
      for (let k = 0; k < len; k++) {
        const e = Math.exp(xv[base + k * inner] - max);
        y[base + k * inner] = e;
        sum += e;
      }
      for (let k = 0; k < len; k++) y[base + k * inner] /= sum;
    }
  }
  writeNumbers(out, y);
  return out;
}

export const Softmax: OpDef = {
  opType: 'Softmax',
  domain: '',
  sinceVersion: 1,
  inputs: [1, 1],
  outputs: [1, 1],
  attributes: { axis: 'int' },
  infer: (args) => [inputType(args, 0, FLOATS)],
  run(args) {
    const legacy = args.opset < 13;
    return [softmax(input(args, 0), attrInt(args.attrs, 'axis', legacy ? 1 : -1), legacy)];
  },
};
