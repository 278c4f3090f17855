/** Reshape, Flatten and Identity: new dims over the same data (tensors are immutable, so no copy). */
import { invalidArgument } from '../../errors.js';
import { attrFlag, attrInt } from '../attributes.js';
import { intValues, numel, type Tensor } from '../tensor.js';
import { ALL_TYPES, input, inputType, type OpDef } from './op.js';

export function reshapeDims(inDims: readonly number[], shape: readonly number[], allowZero: boolean): number[] {
  const total = numel(inDims);
  let inferAt = -1;
  const out = shape.map((d, i) => {
    if (d === -1) {
      if (inferAt >= 0) throw invalidArgument('Reshape shape has more than one -1');
      inferAt = i;
      return 1;
    }
    if (d === 0 && !allowZero) {
      if (i >= inDims.length) throw invalidArgument(`Reshape shape copies dim ${i}, but the input has rank ${inDims.length}`);
      return inDims[i];
    }
    if (d < 0) throw invalidArgument(`Reshape shape has invalid dim ${d}`);
    return d;
  });
  if (inferAt >= 0) {
    if (allowZero && shape.includes(0)) throw invalidArgument('Reshape shape has both 0 and -1 with allowzero=1');
    const known = numel(out);
    if (known === 0 || total % known !== 0) {
      throw invalidArgument(`cannot infer -1 reshaping [${inDims.join(', ')}] to [${shape.join(', ')}]`);
    }
    out[inferAt] = total / known;
  }
  if (numel(out) !== total) throw invalidArgument(`cannot reshape [${inDims.join(', ')}] to [${out.join(', ')}]`);
  return out;
}

export const Reshape: OpDef = {
  opType: 'Reshape',
  domain: '',
  sinceVersion: 5,
  inputs: [2, 2],
  outputs: [1, 1],
  attributes: { allowzero: 'int' },
  infer(args) {
    attrFlag(args.attrs, 'allowzero', 0);
    inputType(args, 1, ['int64']);
    return [inputType(args, 0, ALL_TYPES)];
  },
  run(args) {
    const x = input(args, 0);
    const dims = reshapeDims(x.dims, intValues(input(args, 1)), attrFlag(args.attrs, 'allowzero', 0));
    return [{ type: x.type, dims, data: x.data }];
  },
};

export function flattenDims(dims: readonly number[], axisAttr: number): number[] {
  const rank = dims.length;
  const axis = axisAttr < 0 ? axisAttr + rank : axisAttr;
  if (axis < 0 || axis > rank) throw invalidArgument(`Flatten axis ${axisAttr} is out of range for rank ${rank}`);
  return [numel(dims.slice(0, axis)), numel(dims.slice(axis))];
}

export const Flatten: OpDef = {
  opType: 'Flatten',
  domain: '',
  sinceVersion: 1,
  inputs: [1, 1],
  outputs: [1, 1],
  attributes: { axis: 'int' },
  infer: (args) => [inputType(args, 0, ALL_TYPES)],
  run(args) {
    const x = input(args, 0);
    return [{ type: x.type, dims: flattenDims(x.dims, attrInt(args.attrs, 'axis', 1)), data: x.data }];
  },
};

export const Identity: OpDef = {
  opType: 'Identity',
  domain: '',
  sinceVersion: 1,
  inputs: [1, 1],
  outputs: [1, 1],
  attributes: {},
  infer: (args) => [inputType(args, 0, ALL_TYPES)],
  run: (args): Tensor[] => [input(args, 0)],
};
