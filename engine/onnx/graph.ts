/**
 * ModelProto -> validated Graph: opset imports, initializers (size-checked), typed inputs/outputs, and
 * nodes resolved against the op registry with parsed attributes. Anything gpulse cannot run is refused
 * here, with the node and op named. Topological order and dtypes come from topo.ts.
 */
import { invalidArgument } from '../errors.js';
import { parseAttributes, type Attrs } from './attributes.js';
import { longToNumber, type ModelProto, type NodeProto, type ValueInfoProto } from './decode.js';
import { codeName, dtypeFromCode, type DType } from './dtype.js';
import { at, nodeLabel, printable } from './errors.js';
import type { OpDef } from './ops/op.js';
import { findOp } from './ops/registry.js';
import { tensorFromProto, type TensorLimits } from './tensor-proto.js';
import type { Tensor } from './tensor.js';
import { sortAndType } from './topo.js';

/** A declared graph input or output. dims: number, symbolic name, or null (unknown); null = unknown rank. */
export interface ValueInfo {
  name: string;
  type: DType;
  dims: (number | string | null)[] | null;
}

export interface GraphNode {
  label: string;
  name: string;
  op: OpDef;
  opset: number;
  /** '' marks an absent optional input / unused optional output. */
  inputs: string[];
  outputs: string[];
  attrs: Attrs;
}

export interface Graph {
  opsets: Map<string, number>;
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  initializers: Map<string, Tensor>;
  /** Topologically sorted. */
  nodes: GraphNode[];
  types: Map<string, DType>;
}

const normDomain = (d: string | null | undefined) => (!d || d === 'ai.onnx' ? '' : d);

export function buildGraph(model: ModelProto, limits: TensorLimits): Graph {
  const g = model.graph!;
  const opsets = new Map<string, number>();
  for (const o of model.opsetImport ?? []) opsets.set(normDomain(o.domain), longToNumber(o.version, 'opset version'));
  if ((g.sparseInitializer?.length ?? 0) > 0) throw invalidArgument('sparse initializers are not supported');

  const initializers = new Map<string, Tensor>();
  for (const [i, t] of (g.initializer ?? []).entries()) {
    const name = t.name ?? '';
    const where = `initializer '${name || `#${i}`}'`;
    if (!name || initializers.has(name)) throw invalidArgument(`${where}: missing or duplicate name`);
    initializers.set(name, tensorFromProto(t, where, limits));
  }
  // Before IR 4 initializers are also listed as inputs (overridable defaults); gpulse treats them as constants.
  const inputs = (g.input ?? []).filter((v) => !initializers.has(v.name ?? '')).map((v) => valueInfo(v, 'graph input'));
  if ((g.output ?? []).length === 0) throw invalidArgument('the graph declares no outputs');
  const nodes = (g.node ?? []).map((n, i) => resolveNode(n, i, opsets, limits));
  const { sorted, types } = sortAndType(nodes, inputs, initializers);
  const outputs = (g.output ?? []).map((v) => {
    const name = v.name ?? '';
    const t = types.get(name);
    if (!t) throw invalidArgument(`graph output '${printable(name)}' is never produced`);
    // An output may leave its element type unset; the computed type then stands.
    if (!v.type?.tensorType?.elemType) return { name, type: t, dims: null };
    const o = valueInfo(v, 'graph output');
    if (t !== o.type) throw invalidArgument(`graph output '${o.name}' is declared ${o.type} but computed as ${t}`);
    return o;
  });
  return { opsets, inputs, outputs, initializers, nodes: sorted, types };
}

function valueInfo(v: ValueInfoProto, what: string): ValueInfo {
  const name = v.name ?? '';
  const where = `${what} '${printable(name)}'`;
  if (!name) throw invalidArgument(`${what} without a name`);
  const tt = v.type?.tensorType;
  if (!tt) throw invalidArgument(`${where}: only tensor types are supported`);
  const type = dtypeFromCode(tt.elemType ?? 0);
  if (!type) throw invalidArgument(`${where}: unsupported data type ${codeName(tt.elemType ?? 0)}`);
  const dims = tt.shape
    ? (tt.shape.dim ?? []).map((d) => (d.dimParam ? d.dimParam : d.dimValue != null ? longToNumber(d.dimValue, where) : null))
    : null;
  return { name, type, dims };
}

function resolveNode(n: NodeProto, index: number, opsets: Map<string, number>, limits: TensorLimits): GraphNode {
  const opType = n.opType ?? '';
  const label = nodeLabel(n.name ?? '', opType, index);
  return at(label, () => {
    const domain = normDomain(n.domain);
    const opset = opsets.get(domain);
    if (opset === undefined) throw invalidArgument(`domain '${printable(domain || 'ai.onnx')}' is not imported by the model`);
    const op = findOp(domain, opType);
    if (!op) throw invalidArgument(`unsupported operator ${printable(domain ? `${domain}.${opType}` : opType)}`);
    if (opset < op.sinceVersion) throw invalidArgument(`opset ${opset} is older than the supported ${op.sinceVersion}`);
    // Trailing empty names are the same as omitted optional inputs/outputs.
    const inputs = trimTrailing([...(n.input ?? [])]);
    const outputs = trimTrailing([...(n.output ?? [])]);
    const [inMin, inMax] = op.inputs;
    const [outMin, outMax] = op.outputs;
    if (inputs.length < inMin || inputs.length > inMax) throw invalidArgument(`takes ${inMin}–${inMax} inputs, got ${inputs.length}`);
    if (outputs.length < outMin || outputs.length > outMax) {
      throw invalidArgument(`takes ${outMin}–${outMax} outputs, got ${outputs.length}`);
    }
    for (let i = 0; i < inMin; i++) if (!inputs[i]) throw invalidArgument(`required input ${i} is empty`);
    const attrs = parseAttributes(n.attribute ?? [], op.attributes, limits);
    return { label, name: n.name ?? '', op, opset, inputs, outputs, attrs };
  });
}

function trimTrailing(names: string[]): string[] {
  while (names.length > 0 && !names[names.length - 1]) names.pop();
  return names;
}
