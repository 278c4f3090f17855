/** Model.summary(): ops, parameter bytes before/after quantization, backend per node, probe drift. */
import type { Graph } from './graph.js';
import type { DriftReport } from './probe.js';
import type { QuantizedWeight, QuantizeMode } from './quantize.js';
import { backendFor } from './ops/registry.js';
import type { ModelBackend } from './backends/types.js';
import { byteSize } from './tensor.js';

export interface QuantizationSummary {
  mode: QuantizeMode;
  weights: QuantizedWeight[];
  skipped: { node: string; reason: string }[];
}

export interface ModelSummary {
  producer: string;
  irVersion: number;
  opsets: Record<string, number>;
  /** Nodes per op type in the plan that runs (after folding and quantization). */
  ops: Record<string, number>;
  /** Per node: the backend that runs it; fusedInto names the fused chain it runs in; reason says why a node fell back to JS. */
  nodes: { label: string; op: string; backend: ModelBackend; fusedInto?: string; reason?: string }[];
  /** The backend the model was loaded for and what its planner did (fused kernels, fallbacks). */
  execution?: { backend: ModelBackend; device?: string; notes: string[] };
  /** Nodes evaluated once at load (op type -> count). */
  foldedAtLoad: Record<string, number>;
  /**
   * In-memory bytes of the model's constants: as decoded from the file (int4/uint4 held unpacked, one
   * byte per value), after constant folding (the float model), and in the plan that runs.
   */
  parameterBytes: { loaded: number; beforeQuantization: number; afterQuantization: number };
  quantization: QuantizationSummary & {
    /** How the JS backend executes the (quantized) weights. */
    execution: string;
    drift?: DriftReport | { skipped: string };
  };
}

const EXECUTION: Record<QuantizeMode, string> = {
  none: 'float weights; JS reference kernels accumulate in float64',
  int8:
    'MatMul/Gemm weights held as int8 codes (uint8, zero point 128) with one float32 scale per output channel; ' +
    'the JS backend dequantizes one output channel at a time and multiplies it with float activations ' +
    '(activations are not quantized; float64 accumulation)',
  int4:
    'MatMul/Gemm weights held as 4-bit codes packed two per byte (zero point 8) with one float32 scale per 32 ' +
    'weights along K (MatMulNBits layout); the JS backend dequantizes one output channel at a time and ' +
    'multiplies it with float activations (activations are not quantized; float64 accumulation)',
};

const paramBytes = (g: Graph) => [...g.initializers.values()].reduce((s, t) => s + byteSize(t), 0);

export function buildSummary(p: {
  meta: { producer: string; irVersion: number };
  loaded: Graph;
  floatGraph: Graph;
  graph: Graph;
  folded: Record<string, number>;
  quantization: QuantizationSummary;
  drift?: DriftReport | { skipped: string };
}): ModelSummary {
  const ops: Record<string, number> = {};
  const nodes = p.graph.nodes.map((n) => {
    const op = n.op.domain ? `${n.op.domain}.${n.op.opType}` : n.op.opType;
    ops[op] = (ops[op] ?? 0) + 1;
    return { label: n.label, op, backend: backendFor(n.op) };
  });
  return {
    ...p.meta,
    opsets: Object.fromEntries([...p.graph.opsets].map(([d, v]) => [d || 'ai.onnx', v])),
    ops,
    nodes,
    foldedAtLoad: p.folded,
    parameterBytes: {
      loaded: paramBytes(p.loaded),
      beforeQuantization: paramBytes(p.floatGraph),
      afterQuantization: paramBytes(p.graph),
    },
    quantization: { ...p.quantization, execution: EXECUTION[p.quantization.mode], ...(p.drift ? { drift: p.drift } : {}) },
  };
}
