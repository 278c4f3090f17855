/**
 * Node attributes, parsed once at load against the op's declared attribute table: an attribute the op does
 * not declare, or one of the wrong type, is a load error naming the node.
 */
import { invalidArgument } from '../errors.js';
import { longToNumber, type AttributeProto } from './decode.js';
import { tensorFromProto, type TensorLimits } from './tensor-proto.js';
import type { Tensor } from './tensor.js';

export type AttrType = 'int' | 'float' | 'string' | 'ints' | 'floats' | 'tensor';
export type AttrValue = number | string | number[] | Tensor;
export type Attrs = ReadonlyMap<string, AttrValue>;

// AttributeProto.AttributeType codes.
const TYPE_CODES: Record<number, AttrType | 'other'> = {
  1: 'float',
  2: 'int',
  3: 'string',
  4: 'tensor',
  6: 'floats',
  7: 'ints',
};

function inferType(a: AttributeProto): number {
  if (a.type) return a.type;
  // IR < 3 models may leave `type` unset: read it from whichever field holds data.
  if (a.t) return 4;
  if (a.g) return 5;
  if (a.floats?.length) return 6;
  if (a.ints?.length) return 7;
  if (a.strings?.length) return 8;
  if (a.s?.length) return 3;
  if (a.f) return 1;
  return 2;
}

export function parseAttributes(
  protos: readonly AttributeProto[],
  spec: Readonly<Record<string, AttrType>>,
  limits: TensorLimits,
): Map<string, AttrValue> {
  const out = new Map<string, AttrValue>();
  for (const a of protos) {
    const name = a.name ?? '';
    const want = spec[name];
    if (!want) throw invalidArgument(`unsupported attribute '${name}'`);
    if (a.refAttrName) throw invalidArgument(`attribute '${name}' refers to a function attribute (not supported)`);
    const code = inferType(a);
    const got = TYPE_CODES[code] ?? 'other';
    if (got !== want) throw invalidArgument(`attribute '${name}' must be ${want}, got attribute type ${code}`);
    if (out.has(name)) throw invalidArgument(`attribute '${name}' is given twice`);
    out.set(name, readValue(a, want, limits));
  }
  return out;
}

function readValue(a: AttributeProto, type: AttrType, limits: TensorLimits): AttrValue {
  const what = `attribute '${a.name}'`;
  switch (type) {
    case 'int':
      return longToNumber(a.i, what);
    case 'float':
      return a.f ?? 0;
    case 'string':
      return new TextDecoder().decode(a.s ?? new Uint8Array(0));
    case 'ints':
      return (a.ints ?? []).map((v) => longToNumber(v, what));
    case 'floats':
      return [...(a.floats ?? [])];
    case 'tensor':
      if (!a.t) throw invalidArgument(`${what} has no tensor`);
      return tensorFromProto(a.t, what, limits);
  }
}

function get(attrs: Attrs, name: string, type: string, check: (v: AttrValue) => boolean): AttrValue | undefined {
  const v = attrs.get(name);
  if (v !== undefined && !check(v)) throw invalidArgument(`attribute '${name}' must be ${type}`);
  return v;
}

export function attrInt(attrs: Attrs, name: string, fallback: number): number {
  return (get(attrs, name, 'an int', (v) => typeof v === 'number') as number | undefined) ?? fallback;
}

export function attrFloat(attrs: Attrs, name: string, fallback: number): number {
  return (get(attrs, name, 'a float', (v) => typeof v === 'number') as number | undefined) ?? fallback;
}

export function attrString(attrs: Attrs, name: string, fallback: string): string {
  return (get(attrs, name, 'a string', (v) => typeof v === 'string') as string | undefined) ?? fallback;
}

export function attrInts(attrs: Attrs, name: string): number[] | undefined {
  return get(attrs, name, 'a list of ints', Array.isArray) as number[] | undefined;
}

export function attrFloats(attrs: Attrs, name: string): number[] | undefined {
  return get(attrs, name, 'a list of floats', Array.isArray) as number[] | undefined;
}

export function attrTensor(attrs: Attrs, name: string): Tensor | undefined {
  return get(attrs, name, 'a tensor', (v) => typeof v === 'object' && !Array.isArray(v)) as Tensor | undefined;
}

/** 0/1 flag attributes (transA, allowzero, saturate, …): anything else is a load error. */
export function attrFlag(attrs: Attrs, name: string, fallback: 0 | 1): boolean {
  const v = attrInt(attrs, name, fallback);
  if (v !== 0 && v !== 1) throw invalidArgument(`attribute '${name}' must be 0 or 1, got ${v}`);
  return v === 1;
}
