/**
 * Fused WASM steps: a GEMM-like head plus the Add (bias) / Relu tail that follows it, as one kernel call.
 *   f32:  MatMul(A, B const) | Gemm(A, B const, C const row, transA 0)
 *   q:    MatMulNBits (4/8-bit; accuracy_level 4 + 4-bit → int8 activations) | ai.gpulse QuantizedMatMul
 *   q8:   the onnxruntime dynamic-int8 chain (fuse-q8.ts).
 * Each returns the nodes it covers and the step, or undefined when the pattern does not apply.
 */
import { attrFlag, attrFloat, attrInt } from '../../attributes.js';
import type { GraphNode } from '../../graph.js';
import { packQUnsupported } from '../../../kernels/gemm/pack-q.js';
import { packQ4I8Unsupported } from '../../../kernels/gemm/pack-q4i8.js';
import type { GraphIndex } from '../graph-index.js';
import { isRowVector } from '../graph-index.js';
import type { CompiledStep } from '../types.js';
import { runLinear, type Misc } from './linear-run.js';
import { columns, weightF32, weightQ, weightQ4I8, type PackedWeight } from './linear-weights.js';
import { matchTail, type Tail } from './tail.js';
import { nbitsWeight } from './nbits-weight.js';
import type { WasmDevice, WasmTensor } from './wasm-device.js';

export interface FuseContext {
  ix: GraphIndex;
  dev: WasmDevice;
  misc: Misc;
}

export interface Fused {
  nodes: GraphNode[];
  step: CompiledStep<WasmTensor>;
  /** What the step runs, for the summary. */
  kernel: string;
}

export const is = (n: GraphNode | undefined, op: string, domain = ''): n is GraphNode => !!n && n.op.opType === op && n.op.domain === domain;

/** Whether a DynamicQuantizeLinear reads `name` (the GEMM then tracks min/max for it). */
export function feedsDql(ix: GraphIndex, name: string): boolean {
  return ix.readersOf(name).some((n) => is(n, 'DynamicQuantizeLinear'));
}

function linearStep(ctx: FuseContext, head: GraphNode, tail: Tail, w: PackedWeight, bias: number, kernel: string, check?: (a: WasmTensor) => void): Fused {
  const track = feedsDql(ctx.ix, tail.out);
  const step: CompiledStep<WasmTensor> = {
    labels: [head.label, ...tail.nodes.map((n) => n.label)],
    backend: 'wasm',
    inputs: [ctx.ix.slot(head.inputs[0])],
    outputs: [ctx.ix.slot(tail.out)],
    run(io) {
      const a = io.device(0);
      check?.(a);
      return [runLinear(ctx.dev, w, a, { bias, colScale: 0, relu: tail.relu, track }, ctx.misc)];
    },
  };
  return { nodes: [head, ...tail.nodes], step, kernel };
}

/** MatMul / Gemm with a constant f32 weight. */
export function fuseF32(ctx: FuseContext, node: GraphNode): Fused | undefined {
  const { ix } = ctx;
  const isGemm = node.op.opType === 'Gemm' && node.op.domain === '';
  if (!(node.op.opType === 'MatMul' && node.op.domain === '') && !isGemm) return undefined;
  const b = ix.constant(node.inputs[1]);
  if (!b || b.type !== 'float32' || b.dims.length !== 2 || ix.type(node.inputs[0]) !== 'float32') return undefined;
  const transB = isGemm && attrFlag(node.attrs, 'transB', 0);
  if (isGemm && attrFlag(node.attrs, 'transA', 0)) return undefined;
  const [K, N] = transB ? [b.dims[1], b.dims[0]] : [b.dims[0], b.dims[1]];
  const c = isGemm && node.inputs[2] ? ix.constant(node.inputs[2]) : undefined;
  const beta = isGemm ? attrFloat(node.attrs, 'beta', 1) : 1;
  if (isGemm && node.inputs[2] && (!c || c.type !== 'float32' || !isRowVector(c, N))) return undefined;
  const withC = !!c && beta !== 0;
  const tail = matchTail(ix, node.outputs[0], N, !withC);
  const w = weightF32(ctx.dev.arena, b.data as Float32Array, K, N, transB, isGemm ? attrFloat(node.attrs, 'alpha', 1) : 1);
  const bias = withC ? columns(ctx.dev.arena, c!.data as Float32Array, N, beta) : columns(ctx.dev.arena, tail.bias?.data as Float32Array | undefined, N);
  const need2d = isGemm ? (a: WasmTensor) => {
    if (a.dims.length !== 2) throw new Error(`Gemm needs 2-D A, got [${a.dims.join(', ')}]`);
  } : undefined;
  return linearStep(ctx, node, tail, w, bias, 'f32 GEMM (4×8 f32x4 tile, packed B)', need2d);
}

/** MatMulNBits and QuantizedMatMul with constant weights: dequantize in registers (or int8 activations). */
export function fuseBlockQuant(ctx: FuseContext, node: GraphNode): Fused | undefined {
  const { ix } = ctx;
  const nbits = node.op.opType === 'MatMulNBits' && node.op.domain === 'com.microsoft';
  const ours = node.op.opType === 'QuantizedMatMul' && node.op.domain === 'ai.gpulse';
  if ((!nbits && !ours) || ix.type(node.inputs[0]) !== 'float32') return undefined;
  const w = nbitsWeight(ix, node, nbits);
  if (!w || packQUnsupported(w)) return undefined;
  let biasData: Float32Array | undefined;
  let beta = 1;
  const biasName = nbits ? node.inputs[5] : node.inputs[3];
  if (biasName) {
    const b = ix.constant(biasName);
    if (!b || b.type !== 'float32' || !isRowVector(b, w.N)) return undefined;
    biasData = b.data as Float32Array;
    if (ours) beta = attrFloat(node.attrs, 'beta', 1);
    if (beta === 0) biasData = undefined;
  }
  const tail = matchTail(ix, node.outputs[0], w.N, !biasData);
  const int8 = nbits && attrInt(node.attrs, 'accuracy_level', 0) === 4 && !packQ4I8Unsupported(w);
  const packed = int8 ? weightQ4I8(ctx.dev.arena, w) : weightQ(ctx.dev.arena, w);
  const bias = columns(ctx.dev.arena, biasData ?? (tail.bias?.data as Float32Array | undefined), w.N, beta);
  const kernel = int8
    ? `int4 × int8 GEMM (accuracy_level 4: A quantized per block of ${w.blockSize}, nibbles unpacked in registers, i32x4.dot_i16x8_s)`
    : `${w.bits}-bit weights dequantized in registers × f32 (block ${w.blockSize})`;
  return linearStep(ctx, node, tail, packed, bias, kernel);
}

