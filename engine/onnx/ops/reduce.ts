/**
 * ReduceMean, ReduceMin, ReduceMax. Axes come from the `axes` attribute before opset 18 and from the
 * optional second input from opset 18 on; no axes reduces everything unless noop_with_empty_axes.
 */
import { invalidArgument } from '../../errors.js';
import { attrFlag, attrInts } from '../attributes.js';
import { allocTensor, intValues, normAxis, numericView, writeNumbers, type Tensor } from '../tensor.js';
import { FLOATS, input, inputType, optionalType, type OpDef, type RunArgs } from './op.js';

type Kind = 'mean' | 'min' | 'max';

export function reduce(x: Tensor, axesIn: readonly number[] | undefined, keepDims: boolean, noopEmpty: boolean, kind: Kind): Tensor {
  const rank = x.dims.length;
  if ((axesIn === undefined || axesIn.length === 0) && noopEmpty) return x;
  const axes = new Set((axesIn?.length ? axesIn : x.dims.map((_, i) => i)).map((a) => normAxis(a, rank, 'reduce axis')));
  const outDims: number[] = [];
  const outStride = new Array<number>(rank).fill(0);
  let s = 1;
  for (let d = rank - 1; d >= 0; d--) {
    if (!axes.has(d)) {
      outStride[d] = s;
      s *= x.dims[d];
    }
  }
  x.dims.forEach((d, i) => {
    if (!axes.has(i)) outDims.push(d);
    else if (keepDims) outDims.push(1);
  });
  const out = allocTensor(x.type, outDims);
  const n = out.data.length;
  const acc = new Float64Array(n).fill(kind === 'min' ? Infinity : kind === 'max' ? -Infinity : 0);
  const xv = numericView(x);
  const counter = new Array<number>(rank).fill(0);
  let o = 0;
  for (let i = 0; i < xv.length; i++) {
    const v = xv[i];
    if (kind === 'mean') acc[o] += v;
    else if (kind === 'min') acc[o] = v < acc[o] || Number.isNaN(v) ? v : acc[o];
    else acc[o] = v > acc[o] || Number.isNaN(v) ? v : acc[o];
    for (let d = rank - 1; d >= 0; d--) {
      counter[d]++;
      o += outStride[d];
      if (counter[d] < x.dims[d]) break;
      o -= outStride[d] * counter[d];
      counter[d] = 0;
    }
  }
  if (kind === 'mean') {
    const count = n === 0 ? 0 : xv.length / n;
    for (let i = 0; i < n; i++) acc[i] /= count;
  }
  writeNumbers(out, acc);
  return out;
}

function reduceDef(opType: string, kind: Kind, types: readonly Parameters<typeof inputType>[2][number][]): OpDef {
  const axesOf = (args: RunArgs): number[] | undefined => {
    if (args.opset < 18) return attrInts(args.attrs, 'axes');
    const t = args.inputs[1];
    return t ? intValues(t) : undefined;
  };
  return {
    opType,
    domain: '',
    sinceVersion: 1,
    inputs: [1, 2],
    outputs: [1, 1],
    attributes: { axes: 'ints', keepdims: 'int', noop_with_empty_axes: 'int' },
    infer(args) {
      if (args.opset >= 18 && args.attrs.has('axes')) throw invalidArgument(`${opType}-${args.opset} takes axes as an input`);
      if (args.opset < 18 && args.inputTypes.length > 1) throw invalidArgument(`${opType}-${args.opset} takes one input`);
      attrFlag(args.attrs, 'keepdims', 1);
      attrFlag(args.attrs, 'noop_with_empty_axes', 0);
      optionalType(args, 1, ['int64'], 'axes');
      return [inputType(args, 0, types)];
    },
    run(args) {
      const keep = attrFlag(args.attrs, 'keepdims', 1);
      const noop = attrFlag(args.attrs, 'noop_with_empty_axes', 0);
      return [reduce(input(args, 0), axesOf(args), keep, noop, kind)];
    },
  };
}

const ORDERED = [...FLOATS, 'int8', 'uint8', 'int32', 'uint32', 'int64', 'uint64'] as const;
export const ReduceMean = reduceDef('ReduceMean', 'mean', [...FLOATS, 'int32', 'uint32', 'int64', 'uint64']);
export const ReduceMin = reduceDef('ReduceMin', 'min', ORDERED);
export const ReduceMax = reduceDef('ReduceMax', 'max', ORDERED);
