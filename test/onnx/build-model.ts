/** Builds small ONNX models in tests (onnx-proto encode), so op and loader tests need no files. */
import { onnx } from '../../engine/onnx/decode.js';
import { dtypeCode, PACKED_BITS, type DType } from '../../engine/onnx/dtype.js';
import { packBits } from '../../engine/onnx/pack.js';
import { fromNumbers, type Tensor } from '../../engine/onnx/tensor.js';

export type AttrInit = number | string | number[] | Tensor | { float: number } | { floats: number[] };

export interface NodeInit {
  op: string;
  inputs: string[];
  outputs: string[];
  attrs?: Record<string, AttrInit>;
  domain?: string;
  name?: string;
}

export interface ModelInit {
  nodes: NodeInit[];
  inputs: { name: string; type: DType; dims?: (number | string)[] }[];
  outputs: { name: string; type: DType; dims?: (number | string)[] }[];
  initializers?: Record<string, Tensor>;
  opset?: number;
  /** Extra opset imports, e.g. { 'com.microsoft': 1 }. */
  opsets?: Record<string, number>;
}

export function tensorProto(name: string, t: Tensor) {
  const bits = PACKED_BITS[t.type];
  const raw = bits ? packBits(t.data as Int8Array, bits) : new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength).slice();
  return onnx.TensorProto.create({ name, dims: [...t.dims], dataType: dtypeCode(t.type), rawData: raw });
}

function attribute(name: string, v: AttrInit) {
  const A = onnx.AttributeProto.AttributeType;
  if (typeof v === 'number') return onnx.AttributeProto.create({ name, type: A.INT, i: v });
  if (typeof v === 'string') return onnx.AttributeProto.create({ name, type: A.STRING, s: new TextEncoder().encode(v) });
  if (Array.isArray(v)) return onnx.AttributeProto.create({ name, type: A.INTS, ints: v });
  if ('float' in v) return onnx.AttributeProto.create({ name, type: A.FLOAT, f: v.float });
  if ('floats' in v) return onnx.AttributeProto.create({ name, type: A.FLOATS, floats: v.floats });
  return onnx.AttributeProto.create({ name, type: A.TENSOR, t: tensorProto('', v) });
}

function valueInfo(v: { name: string; type: DType; dims?: (number | string)[] }) {
  const shape = v.dims ? { dim: v.dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } : undefined;
  return onnx.ValueInfoProto.create({ name: v.name, type: { tensorType: { elemType: dtypeCode(v.type), shape } } });
}

export function buildModel(m: ModelInit): Uint8Array {
  const graph = onnx.GraphProto.create({
    name: 'test',
    node: m.nodes.map((n, i) =>
      onnx.NodeProto.create({
        name: n.name ?? `n${i}`,
        opType: n.op,
        domain: n.domain ?? '',
        input: n.inputs,
        output: n.outputs,
        attribute: Object.entries(n.attrs ?? {}).map(([k, v]) => attribute(k, v)),
      }),
    ),
    input: m.inputs.map(valueInfo),
    output: m.outputs.map(valueInfo),
    initializer: Object.entries(m.initializers ?? {}).map(([k, t]) => tensorProto(k, t)),
  });
  const opsetImport = [
    { domain: '', version: m.opset ?? 17 },
    ...Object.entries(m.opsets ?? {}).map(([domain, version]) => ({ domain, version })),
  ];
  return onnx.ModelProto.encode(onnx.ModelProto.create({ irVersion: 8, opsetImport, graph, producerName: 'gpulse-test' })).finish();
}

/** A float32 tensor from numbers. */
export const f32 = (dims: number[], values: ArrayLike<number>): Tensor => fromNumbers('float32', dims, values);
export const t = (type: DType, dims: number[], values: ArrayLike<number>): Tensor => fromNumbers(type, dims, values);
