/**
 * QuantizeLinear: y = saturate(round_half_even(x / y_scale) + y_zero_point), per tensor, per axis or
 * blocked. The output type is the zero point's, else output_dtype, else uint8. The division is rounded to
 * the precision numpy uses for the operand types (or to `precision` when given), as the ONNX reference
 * does, so integer outputs match it exactly.
 */
import { invalidArgument } from '../../errors.js';
import { attrInt } from '../attributes.js';
import { codeName, dtypeFromCode, type DType } from '../dtype.js';
import { allocTensor, numericView, type Tensor } from '../tensor.js';
import { roundHalfEven } from './elementwise.js';
import { input, inputType, optionalType, type InferArgs, type OpDef } from './op.js';
import { paramIndex, precisionRounder, QUANT_TYPES, quantRange } from './quant-common.js';

export interface QuantizeParams {
  axis: number;
  blockSize: number;
  /** dtype the division is done in, if forced by the `precision` attribute. */
  precision?: DType;
}

export function quantizeLinear(x: Tensor, scale: Tensor, zeroPoint: Tensor | undefined, outType: DType, p: QuantizeParams): Tensor {
  const [lo, hi] = quantRange(outType);
  const sMap = paramIndex(x.dims, scale, p.axis, p.blockSize, 'y_scale');
  const zMap = zeroPoint ? paramIndex(x.dims, zeroPoint, p.axis, p.blockSize, 'y_zero_point') : undefined;
  const xv = numericView(x);
  const sv = numericView(scale);
  const zv = zeroPoint ? numericView(zeroPoint) : undefined;
  const div = p.precision ? precisionRounder(p.precision) : precisionRounder(x.type, scale.type);
  const cast = p.precision ? precisionRounder(p.precision) : (v: number) => v;
  const out = allocTensor(outType, x.dims);
  const y = out.data as Int32Array;
  for (let i = 0; i < xv.length; i++) {
    const q = div(cast(xv[i]) / cast(sv[sMap[i]]));
    // NaN has no integer value: send it to the zero point, as onnxruntime does.
    const r = (Number.isNaN(q) ? 0 : roundHalfEven(q)) + (zv && zMap ? zv[zMap[i]] : 0);
    y[i] = r < lo ? lo : r > hi ? hi : r;
  }
  return out;
}

function outputType(args: InferArgs): DType {
  const code = attrInt(args.attrs, 'output_dtype', 0);
  const fromAttr = code ? dtypeFromCode(code) : undefined;
  if (code && (!fromAttr || !QUANT_TYPES.includes(fromAttr))) {
    throw invalidArgument(`output_dtype ${codeName(code)} is not supported`);
  }
  const zp = optionalType(args, 2, QUANT_TYPES, 'y_zero_point');
  if (zp && fromAttr && zp !== fromAttr) throw invalidArgument(`output_dtype ${fromAttr} differs from y_zero_point type ${zp}`);
  return zp ?? fromAttr ?? 'uint8';
}

function precisionOf(code: number): DType | undefined {
  if (!code) return undefined;
  const t = dtypeFromCode(code);
  if (t !== 'float32' && t !== 'float16' && t !== 'float64') throw invalidArgument(`precision ${codeName(code)} is not supported`);
  return t;
}

export const QuantizeLinear: OpDef = {
  opType: 'QuantizeLinear',
  domain: '',
  sinceVersion: 10,
  inputs: [2, 3],
  outputs: [1, 1],
  attributes: { axis: 'int', saturate: 'int', block_size: 'int', output_dtype: 'int', precision: 'int' },
  infer(args) {
    inputType(args, 0, ['float32', 'float16', 'int32'], 'x');
    inputType(args, 1, ['float32', 'float16'], 'y_scale');
    precisionOf(attrInt(args.attrs, 'precision', 0));
    if (attrInt(args.attrs, 'block_size', 0) < 0) throw invalidArgument('block_size must be ≥ 0');
    return [outputType(args)];
  },
  run(args) {
    const zp = args.inputs[2];
    const code = attrInt(args.attrs, 'output_dtype', 0);
    const outType = zp?.type ?? (code ? (dtypeFromCode(code) as DType) : 'uint8');
    return [
      quantizeLinear(input(args, 0), input(args, 1), zp, outType, {
        axis: attrInt(args.attrs, 'axis', 1),
        blockSize: attrInt(args.attrs, 'block_size', 0),
        precision: precisionOf(attrInt(args.attrs, 'precision', 0)),
      }),
    ];
  },
};
