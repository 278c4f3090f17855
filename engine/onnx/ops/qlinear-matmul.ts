/**
 * QLinearMatMul: y = saturate(round_half_even((A − a_zp)(B − b_zp) · a_scale·b_scale/y_scale) + y_zp).
 * The multiplier is computed in the scales' own precision (float32, or float16 from opset 21) and applied
 * to the exact int32 product in float64, which is what the ONNX reference does; b may be per column.
 */
import { invalidArgument } from '../../errors.js';
import { allocTensor, numericView, scalarValue, type Tensor } from '../tensor.js';
import { roundHalfEven } from './elementwise.js';
import { integerMatmul } from './matmul-integer.js';
import { input, inputType, requireSame, type OpDef } from './op.js';
import { precisionRounder, quantRange } from './quant-common.js';

const Q8 = ['int8', 'uint8'] as const;
const SCALES = ['float32', 'float16'] as const;

export function qlinearMatmul(
  a: Tensor, aScale: Tensor, aZp: Tensor,
  b: Tensor, bScale: Tensor, bZp: Tensor,
  yScale: Tensor, yZp: Tensor,
): Tensor {
  const { s, acc } = integerMatmul(a, b, aZp, bZp);
  const round = precisionRounder(aScale.type, bScale.type, yScale.type);
  const as = scalarValue(aScale);
  const ys = scalarValue(yScale);
  const bs = numericView(bScale);
  if (bs.length !== 1 && bs.length !== s.N) throw invalidArgument(`b_scale has ${bs.length} values, expected 1 or ${s.N}`);
  const multiplier = Float64Array.from({ length: s.N }, (_, j) => round(round(as * bs[bs.length === 1 ? 0 : j]) / ys));
  const zp = scalarValue(yZp);
  const [lo, hi] = quantRange(yZp.type);
  const out = allocTensor(yZp.type, s.outDims);
  const y = out.data as Int32Array;
  for (let i = 0; i < acc.length; i++) {
    const q = roundHalfEven(acc[i] * multiplier[i % s.N] + zp);
    y[i] = q < lo ? lo : q > hi ? hi : q;
  }
  return out;
}

export const QLinearMatMul: OpDef = {
  opType: 'QLinearMatMul',
  domain: '',
  sinceVersion: 10,
  inputs: [8, 8],
  outputs: [1, 1],
  attributes: {},
  infer(args) {
    inputType(args, 0, Q8, 'a');
    inputType(args, 2, Q8, 'a_zero_point');
    inputType(args, 3, Q8, 'b');
    inputType(args, 5, Q8, 'b_zero_point');
    const y = inputType(args, 7, Q8, 'y_zero_point');
    for (const [i, name] of [[1, 'a_scale'], [4, 'b_scale'], [6, 'y_scale']] as const) {
      const t = inputType(args, i, SCALES, name);
      if (t === 'float16' && args.opset < 21) throw invalidArgument(`${name}: float16 scales need opset 21`);
    }
    requireSame(args, [0, 2]);
    requireSame(args, [3, 5]);
    return [y];
  },
  run(args) {
    const [a, as, az, b, bs, bz, ys, yz] = Array.from({ length: 8 }, (_, i) => input(args, i));
    return [qlinearMatmul(a, as, az, b, bs, bz, ys, yz)];
  },
};
