/**
 * What one ONNX operator declares: its domain and opset range, input/output counts, attribute table, a
 * load-time type check (returns output dtypes) and its JS reference kernel. Kernels are plain functions
 * over Tensor values (typed array + dims), so a faster backend can register a replacement per op later.
 */
import { invalidArgument } from '../../errors.js';
import type { AttrType, Attrs } from '../attributes.js';
import type { DType } from '../dtype.js';
import type { Tensor } from '../tensor.js';

export interface InferArgs {
  /** dtype per input slot; undefined for an absent optional input. */
  inputTypes: readonly (DType | undefined)[];
  attrs: Attrs;
  opset: number;
  outputCount: number;
}

export interface RunArgs {
  inputs: readonly (Tensor | undefined)[];
  attrs: Attrs;
  opset: number;
  outputCount: number;
}

export interface OpDef {
  opType: string;
  /** '' is the default ai.onnx domain. */
  domain: string;
  /** Oldest opset whose semantics this implements; models importing an older one are refused. */
  sinceVersion: number;
  inputs: readonly [min: number, max: number];
  outputs: readonly [min: number, max: number];
  attributes: Readonly<Record<string, AttrType>>;
  /** Checks input dtypes and attribute values at load; returns the dtype of each output. */
  infer(args: InferArgs): DType[];
  /** The JS reference kernel. */
  run(args: RunArgs): Tensor[];
}

/** Throws unless input `i` is present with one of `allowed`; returns its dtype. */
export function inputType(args: InferArgs, i: number, allowed: readonly DType[], label = `input ${i}`): DType {
  const t = args.inputTypes[i];
  if (t === undefined) throw invalidArgument(`${label} is required`);
  if (!allowed.includes(t)) throw invalidArgument(`${label} has type ${t}; supported: ${allowed.join(', ')}`);
  return t;
}

/** Like inputType, but an absent input is fine (returns undefined). */
export function optionalType(args: InferArgs, i: number, allowed: readonly DType[], label = `input ${i}`): DType | undefined {
  return args.inputTypes[i] === undefined ? undefined : inputType(args, i, allowed, label);
}

export function requireSame(args: InferArgs, indices: readonly number[]): void {
  const first = args.inputTypes[indices[0]];
  for (const i of indices) {
    const t = args.inputTypes[i];
    if (t !== undefined && t !== first) throw invalidArgument(`input ${i} has type ${t}, expected ${first} like input ${indices[0]}`);
  }
}

export function input(args: RunArgs, i: number): Tensor {
  const t = args.inputs[i];
  if (!t) throw invalidArgument(`input ${i} is required`);
  return t;
}

export const NUMERIC: readonly DType[] = [
  'float32', 'float64', 'float16', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64',
];
export const FLOATS: readonly DType[] = ['float32', 'float64', 'float16'];
export const ALL_TYPES: readonly DType[] = [...NUMERIC, 'bool', 'int4', 'uint4', 'int2', 'uint2'];
