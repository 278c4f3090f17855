/**
 * DequantizeLinear: y = (x − x_zero_point) · x_scale, per tensor, per axis or blocked. Arithmetic follows
 * the ONNX reference: x − zp in float32, the product in float32, then cast to the output type (the
 * scale's type unless output_dtype says otherwise).
 */
import { invalidArgument } from '../../errors.js';
import { attrInt } from '../attributes.js';
import { codeName, dtypeFromCode, type DType } from '../dtype.js';
import { allocTensor, numericView, writeNumbers, type Tensor } from '../tensor.js';
import { input, inputType, optionalType, requireSame, type OpDef } from './op.js';
import { paramIndex, QUANT_TYPES } from './quant-common.js';

const X_TYPES: readonly DType[] = [...QUANT_TYPES, 'int32'];
const SCALE_TYPES: readonly DType[] = ['float32', 'float16'];

export interface DequantizeParams {
  axis: number;
  blockSize: number;
}

export function dequantizeLinear(x: Tensor, scale: Tensor, zeroPoint: Tensor | undefined, outType: DType, p: DequantizeParams): Tensor {
  const sMap = paramIndex(x.dims, scale, p.axis, p.blockSize, 'x_scale');
  const zMap = zeroPoint ? paramIndex(x.dims, zeroPoint, p.axis, p.blockSize, 'x_zero_point') : undefined;
  const xv = numericView(x);
  const sv = numericView(scale);
  const zv = zeroPoint ? numericView(zeroPoint) : undefined;
  const y = new Float64Array(xv.length);
  for (let i = 0; i < xv.length; i++) {
    const dx = Math.fround(Math.fround(xv[i]) - (zv && zMap ? zv[zMap[i]] : 0));
    y[i] = Math.fround(dx * sv[sMap[i]]);
  }
  const out = allocTensor(outType, x.dims);
  writeNumbers(out, y);
  return out;
}

function outType(code: number, scaleType: DType): DType {
  if (!code) return scaleType;
  const t = dtypeFromCode(code);
  if (!t || !SCALE_TYPES.includes(t)) throw invalidArgument(`output_dtype ${codeName(code)} is not supported`);
  return t;
}

export const DequantizeLinear: OpDef = {
  opType: 'DequantizeLinear',
  domain: '',
  sinceVersion: 10,
  inputs: [2, 3],
  outputs: [1, 1],
  attributes: { axis: 'int', block_size: 'int', output_dtype: 'int' },
  infer(args) {
    const x = inputType(args, 0, X_TYPES, 'x');
    const s = inputType(args, 1, SCALE_TYPES, 'x_scale');
    optionalType(args, 2, X_TYPES, 'x_zero_point');
    requireSame(args, [0, 2]);
    if (x === 'int32' && args.inputTypes[2]) throw invalidArgument('int32 input takes no zero point');
    if (attrInt(args.attrs, 'block_size', 0) < 0) throw invalidArgument('block_size must be ≥ 0');
    return [outType(attrInt(args.attrs, 'output_dtype', 0), s)];
  },
  run(args) {
    const scale = input(args, 1);
    return [
      dequantizeLinear(input(args, 0), scale, args.inputs[2], outType(attrInt(args.attrs, 'output_dtype', 0), scale.type), {
        axis: attrInt(args.attrs, 'axis', 1),
        blockSize: attrInt(args.attrs, 'block_size', 0),
      }),
    ];
  },
};
