/**
 * The ORT dynamic-int8 chain as one WASM step: DynamicQuantizeLinear → MatMulInteger(B const) → Cast →
 * Mul(·, Mul(x_scale, w_scale const)) [→ Add bias → Relu] becomes a quantize pass straight into the i16
 * operand plus one integer GEMM whose epilogue applies Cast · scale, bias and ReLU (linear-run.ts).
 */
import { attrInt } from '../../attributes.js';
import type { GraphNode } from '../../graph.js';
import { numericView } from '../../tensor.js';
import { isRowVector } from '../graph-index.js';
import type { CompiledStep } from '../types.js';
import { feedsDql, is, type Fused, type FuseContext } from './fused-steps.js';
import { runQ8Linear } from './linear-run.js';
import { columns, weightI16, type PackedWeight } from './linear-weights.js';
import { matchTail } from './tail.js';
import type { WasmTensor } from './wasm-device.js';

/** DynamicQuantizeLinear → MatMulInteger → Cast → Mul(scale) [→ Add → Relu] as one quantize + int8 GEMM. */
export function fuseQ8(ctx: FuseContext, dql: GraphNode): Fused | undefined {
  const { ix } = ctx;
  if (!is(dql, 'DynamicQuantizeLinear') || ix.type(dql.inputs[0]) !== 'float32') return undefined;
  const [xq, xs, xzp] = dql.outputs;
  const mmi = xq ? ix.soleReader(xq) : undefined;
  if (!is(mmi, 'MatMulInteger') || mmi.inputs[0] !== xq || mmi.inputs[2] !== xzp || !xzp || ix.soleReader(xzp) !== mmi) return undefined;
  const b = ix.constant(mmi.inputs[1]);
  const bzp = mmi.inputs[3] ? ix.constant(mmi.inputs[3]) : undefined;
  if (!b || b.dims.length !== 2 || (mmi.inputs[3] && !bzp)) return undefined;
  const [K, N] = b.dims;
  if (K > 33024 || (bzp && bzp.data.length !== 1 && bzp.data.length !== N)) return undefined;
  const cast = ix.soleReader(mmi.outputs[0]);
  if (!is(cast, 'Cast') || attrInt(cast.attrs, 'to', 0) !== 1) return undefined;
  const mul = ix.soleReader(cast.outputs[0]);
  const spNode = xs ? ix.soleReader(xs) : undefined;
  if (!is(mul, 'Mul') || !is(spNode, 'Mul') || ix.soleReader(spNode.outputs[0]) !== mul) return undefined;
  const sp = spNode.outputs[0];
  if (!(mul.inputs.includes(sp) && mul.inputs.includes(cast.outputs[0]))) return undefined;
  const ws = ix.constant(spNode.inputs[0] === xs ? spNode.inputs[1] : spNode.inputs[0]);
  if (!ws || ws.type !== 'float32' || !isRowVector(ws, N) || spNode.inputs[0] === spNode.inputs[1]) return undefined;
  const tail = matchTail(ix, mul.outputs[0], N);
  const arena = ctx.dev.arena;
  const zpv = bzp ? numericView(bzp) : undefined;
  const w = weightI16(arena, numericView(b), K, N, (c) => (zpv ? zpv[zpv.length === 1 ? 0 : c] : 0)) as Extract<PackedWeight, { kind: 'i16' }>;
  const wScale = columns(arena, ws.data as Float32Array, N);
  const bias = columns(arena, tail.bias?.data as Float32Array | undefined, N);
  const track = feedsDql(ix, tail.out);
  const nodes = [dql, mmi, spNode, cast, mul, ...tail.nodes];
  const step: CompiledStep<WasmTensor> = {
    labels: nodes.map((n) => n.label),
    backend: 'wasm',
    inputs: [ix.slot(dql.inputs[0])],
    outputs: [ix.slot(tail.out)],
    run: (io) => [runQ8Linear(ctx.dev, w, io.device(0), wScale, { bias, colScale: wScale, relu: tail.relu, track }, ctx.misc)],
  };
  return { nodes, step, kernel: 'dynamic int8: quantize to i16 + int8 GEMM (weights pre-widened to i16, i32x4.dot_i16x8_s), Cast·scale·bias·relu epilogue' };
}

