/**
 * The benchmark MLP 64 → 256 → 256 → 1 (ReLU between layers), seeded weights, built with onnx-proto in the
 * four forms the inference suite and the backend tests use:
 *   fp32  — MatMul + Add + Relu;
 *   q8    — what onnxruntime's quantize_dynamic emits: DynamicQuantizeLinear → MatMulInteger (int8 weights,
 *           per-tensor symmetric, zero point 0) → Cast → Mul(x_scale · w_scale) → Add → Relu;
 *   qlinear — static QDQ: QuantizeLinear → QLinearMatMul → DequantizeLinear → Add → Relu, activation scales
 *           calibrated on seeded inputs;
 *   q4    — com.microsoft MatMulNBits (4-bit, block 32, symmetric, bias input, accuracy_level 4) → Relu.
 */
import { roundHalfEven } from '../../engine/onnx/ops/elementwise.js';
import { quantizeSymmetric, toNMajor } from '../../engine/onnx/weight-quant.js';
import { fromNumbers } from '../../engine/onnx/tensor.js';
import { rng } from '../support/seeded.js';
import { buildModel, f32, t, type NodeInit } from '../onnx/build-model.js';
import type { Tensor } from '../../engine/onnx/tensor.js';
import { affine, calibrate } from './mlp-calibrate.js';

export const SIZES = [64, 256, 256, 1] as const;
export type MlpKind = 'fp32' | 'q8' | 'qlinear' | 'q4';

export interface Layer {
  K: number;
  N: number;
  /** K×N row-major. */
  w: Float32Array;
  b: Float32Array;
}

/** He-style seeded weights so activations stay O(1) through the ReLUs. */
export function mlpLayers(seed = 7, sizes: readonly number[] = SIZES): Layer[] {
  const r = rng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  return sizes.slice(0, -1).map((K, i) => {
    const N = sizes[i + 1];
    const s = Math.sqrt(2 / K);
    return { K, N, w: Float32Array.from({ length: K * N }, () => s * normal()), b: Float32Array.from({ length: N }, () => 0.1 * normal()) };
  });
}

/** Seeded standard-normal input rows. */
export function mlpInput(batch: number, seed = 11, K: number = SIZES[0]): Float32Array {
  const r = rng(seed);
  return Float32Array.from({ length: batch * K }, () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()));
}

/** Float forward pass in f64 (calibration for the QLinear form). Returns every layer's output. */
export function mlpForward(layers: Layer[], x: Float32Array, batch: number): Float64Array[] {
  const outs: Float64Array[] = [];
  let cur: ArrayLike<number> = x;
  layers.forEach((l, li) => {
    const y = new Float64Array(batch * l.N);
    for (let r = 0; r < batch; r++) {
      for (let n = 0; n < l.N; n++) {
        let s = l.b[n];
        for (let k = 0; k < l.K; k++) s += cur[r * l.K + k] * l.w[k * l.N + n];
        y[r * l.N + n] = li < layers.length - 1 ? Math.max(0, s) : s;
      }
    }
    outs.push(y);
    cur = y;
  });
  return outs;
}

function io(N0: number, N: number) {
  return { inputs: [{ name: 'x', type: 'float32' as const, dims: ['batch', N0] }], outputs: [{ name: 'y', type: 'float32' as const, dims: ['batch', N] }] };
}

/** accuracyLevel applies to q4 (MatMulNBits accuracy_level; 4 = int8 activations, as published q4 models use). */
export function buildMlp(kind: MlpKind, layers: Layer[] = mlpLayers(), accuracyLevel = 4): Uint8Array {
  const nodes: NodeInit[] = [];
  const init: Record<string, Tensor> = {};
  const last = layers.length - 1;
  let x = 'x';
  let calib: ReturnType<typeof calibrate> = [];
  if (kind === 'qlinear') calib = calibrate(layers);
  layers.forEach((l, i) => {
    const out = i === last ? 'y' : `h${i}`;
    const pre = i === last ? out : `pre${i}`;
    const lin = `lin${i}`;
    if (kind === 'fp32') {
      init[`w${i}`] = f32([l.K, l.N], l.w);
      init[`b${i}`] = f32([l.N], l.b);
      nodes.push({ op: 'MatMul', inputs: [x, `w${i}`], outputs: [lin] }, { op: 'Add', inputs: [lin, `b${i}`], outputs: [pre] });
    } else if (kind === 'q8') {
      const m = l.w.reduce((a, v) => Math.max(a, Math.abs(v)), 0);
      const ws = Math.fround(m / 127);
      init[`wq${i}`] = t('int8', [l.K, l.N], Array.from(l.w, (v) => Math.max(-127, Math.min(127, roundHalfEven(v / ws)))));
      init[`wzp${i}`] = t('int8', [], [0]);
      init[`ws${i}`] = f32([], [ws]);
      init[`b${i}`] = f32([l.N], l.b);
      nodes.push(
        { op: 'DynamicQuantizeLinear', inputs: [x], outputs: [`xq${i}`, `xs${i}`, `xzp${i}`] },
        { op: 'MatMulInteger', inputs: [`xq${i}`, `wq${i}`, `xzp${i}`, `wzp${i}`], outputs: [`mi${i}`] },
        { op: 'Cast', inputs: [`mi${i}`], outputs: [`mf${i}`], attrs: { to: 1 } },
        { op: 'Mul', inputs: [`xs${i}`, `ws${i}`], outputs: [`sc${i}`] },
        { op: 'Mul', inputs: [`mf${i}`, `sc${i}`], outputs: [lin] },
        { op: 'Add', inputs: [lin, `b${i}`], outputs: [pre] },
      );
    } else if (kind === 'qlinear') {
      const inRange = i === 0 ? { lo: -4, hi: 4 } : calib[i - 1];
      const [xs, xzp] = affine(inRange.lo, inRange.hi);
      const [ys, yzp] = affine(calib[i].preLo, calib[i].preHi);
      const m = l.w.reduce((a, v) => Math.max(a, Math.abs(v)), 0);
      const ws = Math.fround(m / 127);
      Object.assign(init, {
        [`xs${i}`]: f32([], [xs]), [`xzp${i}`]: t('uint8', [], [xzp]),
        [`wq${i}`]: t('int8', [l.K, l.N], Array.from(l.w, (v) => Math.max(-127, Math.min(127, roundHalfEven(v / ws))))),
        [`ws${i}`]: f32([], [ws]), [`wzp${i}`]: t('int8', [], [0]),
        [`ys${i}`]: f32([], [ys]), [`yzp${i}`]: t('uint8', [], [yzp]),
        [`b${i}`]: f32([l.N], l.b),
      });
      nodes.push(
        { op: 'QuantizeLinear', inputs: [x, `xs${i}`, `xzp${i}`], outputs: [`xq${i}`] },
        { op: 'QLinearMatMul', inputs: [`xq${i}`, `xs${i}`, `xzp${i}`, `wq${i}`, `ws${i}`, `wzp${i}`, `ys${i}`, `yzp${i}`], outputs: [`yq${i}`] },
        { op: 'DequantizeLinear', inputs: [`yq${i}`, `ys${i}`, `yzp${i}`], outputs: [lin] },
        { op: 'Add', inputs: [lin, `b${i}`], outputs: [pre] },
      );
    } else {
      const q = quantizeSymmetric(toNMajor(l.w, l.K, l.N), l.N, l.K, 4, 32);
      const kb = Math.ceil(l.K / 32);
      init[`wq${i}`] = t('uint8', [l.N, kb, 16], q.codes);
      init[`ws${i}`] = f32([l.N * kb], q.scales);
      init[`b${i}`] = f32([l.N], l.b);
      nodes.push({
        op: 'MatMulNBits',
        domain: 'com.microsoft',
        inputs: [x, `wq${i}`, `ws${i}`, '', '', `b${i}`],
        outputs: [pre],
        attrs: { K: l.K, N: l.N, bits: 4, block_size: 32, accuracy_level: accuracyLevel },
      });
    }
    if (i !== last) nodes.push({ op: 'Relu', inputs: [pre], outputs: [out] });
    x = out;
  });
  const dims = io(layers[0].K, layers[last].N);
  return buildModel({ nodes, ...dims, initializers: init, opset: 21, opsets: kind === 'q4' ? { 'com.microsoft': 1 } : {} });
}

export const tensorOf = (x: Float32Array, batch: number, K: number = SIZES[0]): Tensor => fromNumbers('float32', [batch, K], x);
