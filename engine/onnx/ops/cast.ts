/**
 * Cast between the plain numeric types, bool and float16. Float -> integer truncates toward zero and
 * wraps out-of-range values like numpy's astype; 64-bit -> narrower integers wrap exactly via BigInt.
 */
import { invalidArgument } from '../../errors.js';
import { attrInt } from '../attributes.js';
import { codeName, dtypeFromCode, isBig, isFloat, PACKED_BITS, type DType } from '../dtype.js';
import { allocTensor, numericView, writeNumbers, type Tensor } from '../tensor.js';
import { ALL_TYPES, input, inputType, type OpDef } from './op.js';

const WIDTH: Partial<Record<DType, [bits: number, signed: boolean]>> = {
  int8: [8, true],
  uint8: [8, false],
  int16: [16, true],
  uint16: [16, false],
  int32: [32, true],
  uint32: [32, false],
};

export function cast(x: Tensor, to: DType): Tensor {
  if (x.type === to) return x;
  const out = allocTensor(to, x.dims);
  const width = WIDTH[to];
  if (isBig(x.type) && isBig(to)) {
    const dst = out.data as BigInt64Array;
    (x.data as BigInt64Array).forEach((v, i) => (dst[i] = v)); // BigInt64Array/BigUint64Array stores wrap
  } else if (isBig(x.type) && width) {
    const [bits, signed] = width;
    const dst = out.data as Int32Array;
    (x.data as BigInt64Array).forEach((v, i) => (dst[i] = Number(signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v))));
  } else if (isFloat(x.type) && (width || isBig(to))) {
    // Truncate first; typed-array stores then wrap modulo 2^bits, and NaN/Inf become 0.
    const v = numericView(x);
    const truncated = Float64Array.from(v, (f) => (Number.isFinite(f) ? Math.trunc(f) : 0));
    if (isBig(to)) {
      const dst = out.data as BigInt64Array;
      truncated.forEach((f, i) => (dst[i] = BigInt(f)));
    } else writeNumbers(out, truncated);
  } else {
    writeNumbers(out, numericView(x));
  }
  return out;
}

function castTarget(code: number): DType {
  const to = dtypeFromCode(code);
  if (!to || PACKED_BITS[to]) throw invalidArgument(`Cast to ${codeName(code)} is not supported`);
  return to;
}

export const Cast: OpDef = {
  opType: 'Cast',
  domain: '',
  sinceVersion: 6,
  inputs: [1, 1],
  outputs: [1, 1],
  // saturate and round_mode only affect float8/float8e8m0 targets, which are refused above.
  attributes: { to: 'int', saturate: 'int', round_mode: 'string' },
  infer(args) {
    if (!args.attrs.has('to')) throw invalidArgument("Cast needs the 'to' attribute");
    inputType(args, 0, ALL_TYPES);
    return [castTarget(attrInt(args.attrs, 'to', 0))];
  },
  run: (args) => [cast(input(args, 0), castTarget(attrInt(args.attrs, 'to', 0)))],
};
