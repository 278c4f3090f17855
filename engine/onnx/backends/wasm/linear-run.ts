/**
 * Running a packed linear layer on a resident activation: pack or quantize A into the kernel's layout
 * (scratch, freed right after), set the epilogue, call the kernel. Output [..., N] f32, with the min/max
 * of the result when a DynamicQuantizeLinear reads it next.
 */
import { invalidArgument } from '../../../errors.js';
import { roundHalfEven } from '../../ops/elementwise.js';
import { numel } from '../../tensor.js';
import { RELU, TRACK_MIN_MAX } from './gemm-exports.js';
import type { PackedWeight } from './linear-weights.js';
import type { WasmDevice, WasmTensor } from './wasm-device.js';

export interface Epilogue {
  bias: number;
  colScale: number;
  relu: boolean;
  track: boolean;
}

/** 256 bytes of load-time scratch per model: min/max readback and the q4i8 kernel's partial sums. */
export interface Misc {
  minMax: number;
  part: number;
}

const f = Math.fround;

/** DynamicQuantizeLinear's scale and zero point from the data's min and max (ONNX reference steps, f32). */
export function dqlParams(lo: number, hi: number): { scale: number; zp: number } {
  const max = Math.max(0, hi);
  const min = Math.min(0, lo);
  const scale = max === min ? 1 : f(f(max - min) / 255);
  const zp = roundHalfEven(Math.min(255, Math.max(0, f(0 - f(min / scale)))));
  return { scale, zp };
}

/** [min, max] of a resident f32 tensor: from its producer when tracked, else one SIMD pass. */
export function minMaxOf(dev: WasmDevice, x: WasmTensor, misc: Misc): [number, number] {
  if (x.minMax) return x.minMax;
  const e = dev.arena.e;
  e.gemmEpilogue(0, 1, 0, TRACK_MIN_MAX);
  e.minMaxF32(x.ptr, numel(x.dims));
  return readMinMax(dev, misc);
}

function readMinMax(dev: WasmDevice, misc: Misc): [number, number] {
  dev.arena.e.gemmMinMax(misc.minMax);
  const v = dev.f32(misc.minMax, 2);
  return [v[0], v[1]];
}

function rowsOf(x: WasmTensor, K: number): number {
  const last = x.dims[x.dims.length - 1];
  if (x.dims.length === 0 || last !== K) throw invalidArgument(`input [${x.dims.join(', ')}] must end in K=${K}`);
  return K === 0 ? 0 : numel(x.dims) / K;
}

function flags(epi: Epilogue): number {
  return (epi.relu ? RELU : 0) | (epi.track ? TRACK_MIN_MAX : 0);
}

/** Y = A · W (+ epilogue) for f32, block-quantized (f32 or int8 activations) weights. */
export function runLinear(dev: WasmDevice, w: PackedWeight, a: WasmTensor, epi: Epilogue, misc: Misc): WasmTensor {
  const e = dev.arena.e;
  const { K, N } = w;
  const M = rowsOf(a, K);
  const out = dev.alloc('float32', [...a.dims.slice(0, -1), N]);
  e.gemmEpilogue(epi.colScale, 1, epi.bias, flags(epi));
  if (w.kind === 'q4i8') {
    const Kp = (w.kBlocks * w.blockSize) / 2;
    const metaBytes = ((M + 3) & ~3) * w.kBlocks * 4;
    const apBytes = e.packedBytes(M, Kp);
    const ap = dev.scratch(apBytes);
    const sa = dev.scratch(metaBytes);
    const sums = dev.scratch(metaBytes);
    e.quantizeBlocksI8(a.ptr, K * 4, M, K, w.blockSize, ap, sa, sums);
    e.gemmQ4I8(ap, M, w.kBlocks, w.blockSize, sa, sums, w.ptr, N, out.ptr, N * 4, misc.part);
    dev.scratchDone(ap, apBytes);
    dev.scratchDone(sa, metaBytes);
    dev.scratchDone(sums, metaBytes);
  } else if (w.kind === 'f32' || w.kind === 'q') {
    const apBytes = e.packedBytes(M, K);
    const ap = dev.scratch(apBytes);
    e.packRowsF32(a.ptr, K * 4, M, K, ap);
    if (w.kind === 'f32') e.gemmF32(ap, M, K, w.ptr, N, out.ptr, N * 4);
    else e.gemmQ(ap, M, K, w.ptr, N, w.blockSize, w.bits, out.ptr, N * 4);
    dev.scratchDone(ap, apBytes);
  } else {
    throw new Error('runLinear: i16 weights need quantized activations (runQ8Linear)');
  }
  if (epi.track) out.minMax = readMinMax(dev, misc);
  return out;
}

/**
 * The ORT dynamic-int8 chain in one pass pair: DynamicQuantizeLinear of X straight into the i16 operand,
 * then the integer GEMM whose epilogue is Cast · (x_scale · w_scale[col]) (+ bias, relu).
 */
export function runQ8Linear(dev: WasmDevice, w: Extract<PackedWeight, { kind: 'i16' }>, x: WasmTensor, wScale: number, epi: Epilogue, misc: Misc): WasmTensor {
  const e = dev.arena.e;
  const { K, N, Kp } = w;
  const M = rowsOf(x, K);
  const [lo, hi] = minMaxOf(dev, x, misc);
  const { scale, zp } = dqlParams(lo, hi);
  const apBytes = e.packedBytes(M, Kp);
  const ap = dev.scratch(apBytes);
  e.quantizeRowsI16(x.ptr, K * 4, M, K, scale, zp, ap, 0);
  const out = dev.alloc('float32', [...x.dims.slice(0, -1), N]);
  e.gemmEpilogue(wScale, scale, epi.bias, flags(epi));
  e.gemmI16(ap, M, Kp, w.ptr, N, out.ptr, N * 4, 0);
  dev.scratchDone(ap, apBytes);
  if (epi.track) out.minMax = readMinMax(dev, misc);
  return out;
}
