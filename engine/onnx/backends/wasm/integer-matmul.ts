/**
 * MatMulInteger and QLinearMatMul on WASM: A widened to i16 with its zero point subtracted, B packed once
 * at load when constant (per run otherwise), the raw i32 GEMM, and for QLinearMatMul the requantization in
 * f64 with the reference's multiplier — integer results identical to the reference.
 */
import type { GraphNode } from '../../graph.js';
import { packI16, pairsOf } from '../../../kernels/gemm/pack-i16.js';
import { precisionRounder, quantRange } from '../../ops/quant-common.js';
import { numel, numericView, type Tensor } from '../../tensor.js';
import type { CompiledStep, StepIO } from '../types.js';
import type { FuseContext } from './fused-steps.js';
import { onHost, scalarOf, step } from './step-util.js';
import type { WasmDevice, WasmTensor } from './wasm-device.js';

/** Per-column values (scalar broadcast) of an optional tensor, or undefined when its shape is not [N]/scalar. */
function perColumn(t: Tensor | undefined, N: number): ArrayLike<number> | undefined | null {
  if (!t) return undefined;
  const v = numericView(t);
  return v.length === 1 || (v.length === N && t.dims.length === 1) ? v : null;
}

/**
 * i32 = (A − a_zp)(B − b_zp) for A [..., M, K] 8-bit, B [K, N] 2-D; b packed once when constant. Returns
 * null when the shapes need the reference (batched B, per-row a_zp on batched A, …).
 */
export async function integerProduct(dev: WasmDevice, io: StepIO<WasmTensor>, packedB: { ptr: number; K: number; N: number } | undefined): Promise<{ out: WasmTensor; M: number; N: number } | null> {
  const a = io.device(0);
  const e = dev.arena.e;
  let bPtr: number;
  let bBytes = 0;
  let K: number;
  let N: number;
  const aZp = io.has(2) ? await io.tensor(2) : undefined;
  const bZpT = io.has(3) ? await io.tensor(3) : undefined;
  if (a.dims.length < 2) return null;
  K = a.dims[a.dims.length - 1];
  const M = numel(a.dims) / Math.max(K, 1);
  if (packedB) {
    ({ K, N } = packedB);
    bPtr = packedB.ptr;
  } else {
    const b = await io.tensor(1);
    if (b.dims.length !== 2) return null;
    N = b.dims[1];
    const bz = perColumn(bZpT, N);
    if (bz === null || b.dims[0] !== K) return null;
    const packed = packI16(b.data as ArrayLike<number>, K, N, (c) => (bz ? bz[bz.length === 1 ? 0 : c] : 0));
    bBytes = packed.byteLength;
    bPtr = dev.scratch(bBytes);
    new Int16Array(dev.arena.buffer, bPtr, packed.length).set(packed);
  }
  if (a.dims[a.dims.length - 1] !== K) return null;
  // a_zp: scalar, or one per row of a 2-D A.
  let zpRows = 0;
  let zpBytes = 0;
  if (aZp && aZp.data.length !== 1) {
    if (a.dims.length !== 2 || aZp.data.length !== M) return null;
    zpBytes = M * 4;
    zpRows = dev.scratch(zpBytes);
    new Int32Array(dev.arena.buffer, zpRows, M).set(numericView(aZp));
  }
  const Kp = pairsOf(K);
  const apBytes = e.packedBytes(M, Kp);
  const ap = dev.scratch(apBytes);
  e.widenRowsI16(a.ptr, M, K, a.type === 'int8' ? 1 : 0, zpRows, scalarOf(aZp), ap);
  const out = dev.alloc('int32', [...a.dims.slice(0, -1), N]);
  e.gemmI16(ap, M, Kp, bPtr, N, out.ptr, N * 4, 1);
  dev.scratchDone(ap, apBytes);
  if (zpBytes) dev.scratchDone(zpRows, zpBytes);
  if (bBytes) dev.scratchDone(bPtr, bBytes);
  return { out, M, N };
}

/** A constant 2-D B (with constant per-column zero point) packed at load, else undefined. */
export function packConstB(ctx: FuseContext, bName: string, zpName: string | undefined) {
  const b = ctx.ix.constant(bName);
  const zp = zpName ? ctx.ix.constant(zpName) : undefined;
  if (!b || b.dims.length !== 2 || (zpName && !zp)) return undefined;
  const [K, N] = b.dims;
  const bz = perColumn(zp, N);
  if (bz === null || K > 33024) return undefined;
  const packed = packI16(numericView(b), K, N, (c) => (bz ? bz[bz.length === 1 ? 0 : c] : 0));
  return { ptr: ctx.dev.arena.persistBytes(packed), K, N };
}

/** QLinearMatMul: the integer product, then requantization in f64 with the reference's multiplier. */
export function compileQLinear(ctx: FuseContext, node: GraphNode): CompiledStep<WasmTensor> {
  const { dev, ix } = ctx;
  const b = packConstB(ctx, node.inputs[3], node.inputs[5]);
  const outType = ix.type(node.outputs[0])!;
  const [lo, hi] = quantRange(outType);
  // The integer product reads A at 0, its zero point at 2, B at 1 and B's at 3: remap QLinearMatMul's slots.
  const map = [0, 3, 2, 5];
  return step(ctx, node, async (io) => {
    const sub: StepIO<WasmTensor> = { has: (i) => io.has(map[i]), tensor: (i) => io.tensor(map[i]), device: (i) => io.device(map[i]) };
    const [as, bs, ys, yz] = await Promise.all([io.tensor(1), io.tensor(4), io.tensor(6), io.tensor(7)]);
    const r = as.data.length === 1 && ys.data.length === 1 ? await integerProduct(dev, sub, b) : null;
    if (!r) return onHost(node, io);
    const bsv = numericView(bs);
    if (bsv.length !== 1 && bsv.length !== r.N) {
      dev.free(r.out);
      return onHost(node, io);
    }
    const round = precisionRounder(as.type, bs.type, ys.type);
    const a0 = numericView(as)[0];
    const y0 = numericView(ys)[0];
    const multBytes = r.N * 8;
    const mult = dev.scratch(multBytes);
    const mv = new Float64Array(dev.arena.buffer, mult, r.N);
    for (let j = 0; j < r.N; j++) mv[j] = round(round(a0 * bsv[bsv.length === 1 ? 0 : j]) / y0);
    const y = dev.alloc(outType, r.out.dims);
    dev.arena.e.requantize8(r.out.ptr, r.M, r.N, mult, scalarOf(yz), lo, hi, y.ptr);
    dev.scratchDone(mult, multBytes);
    dev.free(r.out);
    return [y];
  });
}
