/**
 * Quantize on load: every MatMul/Gemm whose weight (B) is a 2-D float32 initializer becomes a
 * QuantizedMatMul (ops/quantized-matmul.ts) holding the weight symmetric-quantized in MatMulNBits layout:
 *   'int8' — 8-bit, one scale per output channel (block = K);
 *   'int4' — 4-bit, one scale per 32 weights along K (MatMulNBits-like, q4 block 32 symmetric).
 * Nodes that cannot be converted are listed with the reason. Returns a new graph; the input graph is
 * untouched (the load-time probe runs both).
 */
import { attrFlag, attrFloat, type AttrValue } from './attributes.js';
import { pruneInitializers } from './fold.js';
import type { Graph, GraphNode } from './graph.js';
import { GPULSE_DOMAIN, QuantizedMatMul } from './ops/quantized-matmul.js';
import { byteSize, makeTensor, type Tensor } from './tensor.js';
import { inferNode } from './topo.js';
import { quantizeSymmetric, toNMajor } from './weight-quant.js';

export type QuantizeMode = 'none' | 'int8' | 'int4';

export interface QuantizedWeight {
  weight: string;
  node: string;
  op: string;
  N: number;
  K: number;
  bits: number;
  blockSize: number;
  bytesBefore: number;
  bytesAfter: number;
}

export interface QuantizeResult {
  graph: Graph;
  weights: QuantizedWeight[];
  skipped: { node: string; reason: string }[];
}

export function quantizeGraph(graph: Graph, mode: Exclude<QuantizeMode, 'none'>): QuantizeResult {
  const bits = mode === 'int8' ? 8 : 4;
  const initializers = new Map(graph.initializers);
  const types = new Map(graph.types);
  const weights: QuantizedWeight[] = [];
  const skipped: QuantizeResult['skipped'] = [];
  const nodes = graph.nodes.map((node) => {
    if (node.op.domain !== '' || (node.op.opType !== 'MatMul' && node.op.opType !== 'Gemm')) return node;
    const reason = unsupportedReason(node, initializers, types);
    if (reason) {
      skipped.push({ node: node.label, reason });
      return node;
    }
    const isGemm = node.op.opType === 'Gemm';
    const b = initializers.get(node.inputs[1])!;
    const transB = isGemm && attrFlag(node.attrs, 'transB', 0);
    const [K, N] = transB ? [b.dims[1], b.dims[0]] : [b.dims[0], b.dims[1]];
    const wNK = transB ? (b.data as Float32Array) : toNMajor(b.data as Float32Array, K, N);
    const blockSize = mode === 'int8' ? K : 32;
    const alpha = isGemm ? attrFloat(node.attrs, 'alpha', 1) : 1;
    const q = quantizeSymmetric(wNK, N, K, bits, blockSize, alpha);
    const kBlocks = Math.ceil(K / blockSize);
    const codesName = `${node.inputs[1]}::${mode}:${node.label}`;
    const scalesName = `${codesName}:scales`;
    const codes = makeTensor('uint8', [N, kBlocks, q.codes.length / (N * kBlocks)], q.codes);
    const scales = makeTensor('float32', [N, kBlocks], q.scales);
    initializers.set(codesName, codes);
    initializers.set(scalesName, scales);
    weights.push({
      weight: node.inputs[1],
      node: node.label,
      op: node.op.opType,
      N,
      K,
      bits,
      blockSize,
      bytesBefore: byteSize(b),
      bytesAfter: byteSize(codes) + byteSize(scales),
    });
    const attrs = new Map<string, AttrValue>([['K', K], ['N', N], ['bits', bits], ['block_size', blockSize]]);
    if (isGemm) attrs.set('beta', attrFloat(node.attrs, 'beta', 1));
    const inputs = [node.inputs[0], codesName, scalesName];
    if (isGemm && node.inputs[2]) inputs.push(node.inputs[2]);
    const replaced: GraphNode = { ...node, op: QuantizedMatMul, opset: 1, inputs, attrs };
    types.set(codesName, 'uint8');
    types.set(scalesName, 'float32');
    inferNode(replaced, types);
    return replaced;
  });
  const opsets = new Map(graph.opsets).set(GPULSE_DOMAIN, 1);
  return {
    graph: { ...graph, opsets, nodes, types, initializers: pruneInitializers(initializers, nodes, graph) },
    weights,
    skipped,
  };
}

function unsupportedReason(node: GraphNode, initializers: ReadonlyMap<string, Tensor>, types: ReadonlyMap<string, string>): string | undefined {
  const b = initializers.get(node.inputs[1]);
  if (!b) return 'weight B is computed at run time, not an initializer';
  if (b.type !== 'float32' || types.get(node.inputs[0]) !== 'float32') return 'only float32 A and B are quantized';
  if (b.dims.length !== 2) return `weight B is ${b.dims.length}-D (2-D only)`;
  if (b.dims[0] === 0 || b.dims[1] === 0) return 'weight B is empty';
  if (node.op.opType === 'Gemm' && attrFlag(node.attrs, 'transA', 0)) return 'Gemm with transA=1';
  return undefined;
}
