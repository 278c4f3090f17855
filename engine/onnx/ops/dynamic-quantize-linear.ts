/**
 * DynamicQuantizeLinear: uint8 asymmetric per-tensor quantization with the range widened to include 0.
 * Every step is float32 arithmetic, as in the ONNX reference; an all-zero input gets scale 1.
 */
import { allocTensor, fromNumbers, numericView, type Tensor } from '../tensor.js';
import { roundHalfEven } from './elementwise.js';
import { input, inputType, type OpDef } from './op.js';

const f = Math.fround;

export function dynamicQuantizeLinear(x: Tensor): Tensor[] {
  const xv = numericView(x);
  let max = 0;
  let min = 0;
  for (let i = 0; i < xv.length; i++) {
    if (xv[i] > max) max = xv[i];
    if (xv[i] < min) min = xv[i];
  }
  const scale = max === min ? 1 : f(f(max - min) / 255);
  const zp = roundHalfEven(Math.min(255, Math.max(0, f(0 - f(min / scale)))));
  const y = allocTensor('uint8', x.dims);
  const yd = y.data as Uint8Array;
  for (let i = 0; i < xv.length; i++) {
    const q = roundHalfEven(f(xv[i] / scale)) + zp;
    yd[i] = q < 0 ? 0 : q > 255 ? 255 : q;
  }
  return [y, fromNumbers('float32', [], [scale]), fromNumbers('uint8', [], [zp])];
}

export const DynamicQuantizeLinear: OpDef = {
  opType: 'DynamicQuantizeLinear',
  domain: '',
  sinceVersion: 11,
  inputs: [1, 1],
  outputs: [3, 3],
  attributes: {},
  infer(args) {
    inputType(args, 0, ['float32']);
    return ['uint8', 'float32', 'uint8'];
  },
  run: (args) => dynamicQuantizeLinear(input(args, 0)),
};
