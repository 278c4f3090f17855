/** Clip: bounds are attributes before opset 11 and optional scalar inputs from opset 11. */
import { invalidArgument } from '../../errors.js';
import { attrFloat } from '../attributes.js';
import { scalarValue, type Tensor } from '../tensor.js';
import { unaryOp } from './elementwise.js';
import { input, inputType, NUMERIC, optionalType, requireSame, type OpDef } from './op.js';

export function clip(x: Tensor, lo: number, hi: number): Tensor {
  // NaN passes through unchanged (comparisons with NaN are false).
  return unaryOp(x, x.type, (v) => (v < lo ? lo : v > hi ? hi : v));
}

export const Clip: OpDef = {
  opType: 'Clip',
  domain: '',
  sinceVersion: 6,
  inputs: [1, 3],
  outputs: [1, 1],
  attributes: { min: 'float', max: 'float' },
  infer(args) {
    if (args.opset >= 11 && (args.attrs.has('min') || args.attrs.has('max'))) {
      throw invalidArgument(`Clip-${args.opset} takes min/max as inputs, not attributes`);
    }
    const t = inputType(args, 0, NUMERIC);
    optionalType(args, 1, NUMERIC, 'min');
    optionalType(args, 2, NUMERIC, 'max');
    requireSame(args, [0, 1, 2]);
    return [t];
  },
  run(args) {
    const x = input(args, 0);
    if (args.opset < 11) return [clip(x, attrFloat(args.attrs, 'min', -Infinity), attrFloat(args.attrs, 'max', Infinity))];
    const lo = args.inputs[1] ? scalarValue(args.inputs[1]) : -Infinity;
    const hi = args.inputs[2] ? scalarValue(args.inputs[2]) : Infinity;
    return [clip(x, lo, hi)];
  },
};
