/**
 * LayerNormalization (opset 17): normalise over dims [axis, rank), then Y = X̂ · Scale + B with Scale and
 * B broadcast to X. Optional outputs Mean and InvStdDev have X's leading dims and 1 for reduced ones.
 */
import { invalidArgument } from '../../errors.js';
import { attrFloat, attrInt } from '../attributes.js';
import { allocTensor, normAxis, numericView, writeNumbers, type Tensor } from '../tensor.js';
import { broadcastIndex, checkUnidirectional } from './broadcast.js';
import { FLOATS, input, inputType, optionalType, requireSame, type OpDef } from './op.js';

export function layerNorm(x: Tensor, scale: Tensor, bias: Tensor | undefined, axisAttr: number, epsilon: number): Tensor[] {
  const rank = x.dims.length;
  const axis = normAxis(axisAttr, rank);
  const size = x.dims.slice(axis).reduce((p, d) => p * d, 1);
  const rows = x.dims.slice(0, axis).reduce((p, d) => p * d, 1);
  checkUnidirectional(scale.dims, x.dims, 'LayerNormalization Scale');
  if (bias) checkUnidirectional(bias.dims, x.dims, 'LayerNormalization B');
  const xv = numericView(x);
  const sv = numericView(scale);
  const bv = bias ? numericView(bias) : undefined;
  const sMap = broadcastIndex(x.dims, scale.dims);
  const bMap = bias ? broadcastIndex(x.dims, bias.dims) : undefined;
  const y = new Float64Array(xv.length);
  const statDims = x.dims.map((d, i) => (i < axis ? d : 1));
  const mean = allocTensor('float32', statDims);
  const invStd = allocTensor('float32', statDims);
  for (let r = 0; r < rows; r++) {
    const base = r * size;
    let m = 0;
    for (let k = 0; k < size; k++) m += xv[base + k];
    m /= size;
    let v = 0;
    for (let k = 0; k < size; k++) v += (xv[base + k] - m) ** 2;
    const inv = 1 / Math.sqrt(v / size + epsilon);
    mean.data[r] = m;
    invStd.data[r] = inv;
    for (let k = 0; k < size; k++) {
      const i = base + k;
      y[i] = (xv[i] - m) * inv * sv[sMap[i]] + (bv && bMap ? bv[bMap[i]] : 0);
    }
  }
  const out = allocTensor(x.type, x.dims);
  writeNumbers(out, y);
  return [out, mean, invStd];
}

export const LayerNormalization: OpDef = {
  opType: 'LayerNormalization',
  domain: '',
  sinceVersion: 17,
  inputs: [2, 3],
  outputs: [1, 3],
  attributes: { axis: 'int', epsilon: 'float', stash_type: 'int' },
  infer(args) {
    if (attrInt(args.attrs, 'stash_type', 1) !== 1) throw invalidArgument('only stash_type 1 (float32) is supported');
    const t = inputType(args, 0, FLOATS);
    inputType(args, 1, FLOATS);
    optionalType(args, 2, FLOATS);
    requireSame(args, [0, 1, 2]);
    return [t, 'float32', 'float32'].slice(0, args.outputCount) as typeof FLOATS[number][];
  },
  run(args) {
    const outs = layerNorm(
      input(args, 0),
      input(args, 1),
      args.inputs[2],
      attrInt(args.attrs, 'axis', -1),
      attrFloat(args.attrs, 'epsilon', 1e-5),
    );
    return outs.slice(0, args.outputCount);
  },
};
