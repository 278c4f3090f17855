/** Constant: the tensor held by exactly one of its value attributes (the planner folds it at load). */
import { invalidArgument } from '../../errors.js';
import { attrFloat, attrFloats, attrInt, attrInts, attrTensor, type Attrs } from '../attributes.js';
import type { DType } from '../dtype.js';
import { fromNumbers, type Tensor } from '../tensor.js';
import type { OpDef } from './op.js';

export function constantValue(attrs: Attrs): Tensor {
  if (attrs.size !== 1) throw invalidArgument('Constant needs exactly one value attribute');
  const tensor = attrTensor(attrs, 'value');
  if (tensor) return tensor;
  if (attrs.has('value_float')) return fromNumbers('float32', [], [attrFloat(attrs, 'value_float', 0)]);
  if (attrs.has('value_int')) return fromNumbers('int64', [], [attrInt(attrs, 'value_int', 0)]);
  const floats = attrFloats(attrs, 'value_floats');
  if (floats) return fromNumbers('float32', [floats.length], floats);
  const ints = attrInts(attrs, 'value_ints');
  if (ints) return fromNumbers('int64', [ints.length], ints);
  throw invalidArgument('Constant has no supported value attribute');
}

export const Constant: OpDef = {
  opType: 'Constant',
  domain: '',
  sinceVersion: 1,
  inputs: [0, 0],
  outputs: [1, 1],
  attributes: { value: 'tensor', value_float: 'float', value_floats: 'floats', value_int: 'int', value_ints: 'ints' },
  infer: (args): DType[] => [constantValue(args.attrs).type],
  run: (args) => [constantValue(args.attrs)],
};
