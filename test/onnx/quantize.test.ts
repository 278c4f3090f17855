/**
 * Quantize on load and load-time planning: the symmetric block quantizer's error bound, the MatMul/Gemm
 * rewrite being exactly "the float model with dequantized weights", skip reasons, summary() numbers, the
 * drift probe, and constant folding of DequantizeLinear weights.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../engine/onnx/model.js';
import { dequantizeChannel } from '../../engine/onnx/ops/block-quant.js';
import { seededNormal } from '../../engine/onnx/probe.js';
import { fromNumbers, type Tensor } from '../../engine/onnx/tensor.js';
import { quantizeSymmetric, toNMajor } from '../../engine/onnx/weight-quant.js';
import { buildModel, f32, type ModelInit } from './build-model.js';

const randn = (dims: number[], seed: number, scale = 1): Tensor =>
  fromNumbers('float32', dims, Float64Array.from(seededNormal(dims.reduce((p, d) => p * d, 1), seed), (v) => v * scale));

describe('symmetric block quantizer', () => {
  it('reconstructs every weight within half a step (int8) or one step (int4, where −max may clip)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 100 }), fc.constantFrom(8, 4), fc.integer(), (N, K, bits, seed) => {
        const w = randn([N, K], seed).data as Float32Array;
        const blockSize = bits === 8 ? K : 32;
        const q = quantizeSymmetric(w, N, K, bits, blockSize);
        const row = new Float64Array(K);
        const kBlocks = Math.ceil(K / blockSize);
        for (let n = 0; n < N; n++) {
          dequantizeChannel(q, n, row);
          for (let k = 0; k < K; k++) {
            const step = Math.abs(q.scales[n * kBlocks + Math.floor(k / blockSize)]);
            expect(Math.abs(row[k] - w[n * K + k])).toBeLessThanOrEqual(step * (bits === 8 ? 0.5 : 1) * (1 + 1e-6) + 1e-12);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

/** MatMul with a 3-D activation, then Gemm (transB=0, alpha, beta, bias [N]). */
function mlp(w1: Tensor, w2: Tensor, bias: Tensor): ModelInit {
  return {
    nodes: [
      { op: 'MatMul', name: 'mm', inputs: ['x', 'w1'], outputs: ['h'] },
      { op: 'Reshape', name: 'flat', inputs: ['h', 'shape'], outputs: ['h2'] },
      { op: 'Gemm', name: 'fc', inputs: ['h2', 'w2', 'b'], outputs: ['y'], attrs: { alpha: { float: 0.5 }, beta: { float: 2 } } },
    ],
    inputs: [{ name: 'x', type: 'float32', dims: ['batch', 3, 50] }],
    outputs: [{ name: 'y', type: 'float32', dims: ['rows', 7] }],
    initializers: { w1: w1, w2: w2, b: bias, shape: fromNumbers('int64', [2], [-1, 20]) },
  };
}

/** The weight a quantizer would reconstruct, as a float K×N initializer. */
function dequantized(w: Tensor, bits: number): Tensor {
  const [K, N] = w.dims;
  const blockSize = bits === 8 ? K : 32;
  const q = quantizeSymmetric(toNMajor(w.data as Float32Array, K, N), N, K, bits, blockSize);
  const out = new Float32Array(K * N);
  const row = new Float64Array(K);
  for (let n = 0; n < N; n++) {
    dequantizeChannel(q, n, row);
    for (let k = 0; k < K; k++) out[k * N + n] = row[k];
  }
  return fromNumbers('float32', [K, N], out);
}

describe('quantize on load', () => {
  const w1 = randn([50, 20], 1, 0.2);
  const w2 = randn([20, 7], 2, 0.3);
  const bias = randn([7], 3);
  const bytes = buildModel(mlp(w1, w2, bias));
  const x = { data: randn([2, 3, 50], 4).data as Float32Array, dims: [2, 3, 50] };

  for (const [mode, bits] of [['int8', 8], ['int4', 4]] as const) {
    it(`${mode}: equals the float model run with the dequantized weights`, async () => {
      const quantized = await loadModel(bytes, { quantize: mode });
      const reference = await loadModel(buildModel(mlp(dequantized(w1, bits), dequantized(w2, bits), bias)));
      const got = (await quantized.run({ x })).y.data as Float32Array;
      const want = (await reference.run({ x })).y.data as Float32Array;
      want.forEach((v, i) => expect(Math.abs(got[i] - v)).toBeLessThanOrEqual(1e-5 + 1e-5 * Math.abs(v)));

      const s = quantized.summary();
      expect(s.ops).toEqual({ 'ai.gpulse.QuantizedMatMul': 2, Reshape: 1 });
      expect(s.foldedAtLoad).toEqual({});
      expect(s.quantization.weights.map((w) => [w.weight, w.op, w.K, w.N, w.bits, w.blockSize])).toEqual([
        ['w1', 'MatMul', 50, 20, bits, bits === 8 ? 50 : 32],
        ['w2', 'Gemm', 20, 7, bits, bits === 8 ? 20 : 32],
      ]);
      // int8: K + 4 bytes per channel; int4: 16 + 4 bytes per 32-weight block (K padded to a whole block).
      const expected = bits === 8 ? 20 * (50 + 4) + 7 * (20 + 4) : 20 * 2 * (16 + 4) + 7 * (16 + 4);
      expect(s.parameterBytes.beforeQuantization - s.parameterBytes.afterQuantization).toBe((50 * 20 + 20 * 7) * 4 - expected);
      expect(s.quantization.execution).toMatch(/activations are not quantized/);
      const drift = s.quantization.drift;
      expect(drift && 'outputs' in drift && drift.outputs.y.relL2).toBeLessThan(bits === 8 ? 0.02 : 0.2);
      expect(drift && 'inputDims' in drift && drift.inputDims.x).toEqual([1, 3, 50]);
    });
  }

  it('probe options: off, symbolic dims, caller feeds', async () => {
    expect((await loadModel(bytes, { quantize: 'int8', probe: false })).summary().quantization.drift).toBeUndefined();
    const dims = (await loadModel(bytes, { quantize: 'int8', probe: { dims: { batch: 4 }, runs: 2 } })).summary().quantization.drift;
    expect(dims && 'inputDims' in dims && [dims.inputDims.x, dims.runs]).toEqual([[4, 3, 50], 2]);
    const fed = (await loadModel(bytes, { quantize: 'int4', probe: { feeds: { x } } })).summary().quantization.drift;
    expect(fed && 'input' in fed && fed.input).toBe('caller-feeds');
    await expect(loadModel(bytes, { quantize: 'int4', probe: { feeds: {} } })).rejects.toThrow(/input 'x': missing/);
  });

  it('lists what it cannot quantize, with the reason', async () => {
    const m = await loadModel(
      buildModel({
        nodes: [
          { op: 'MatMul', name: 'dyn', inputs: ['x', 'x2'], outputs: ['a'] },
          { op: 'Gemm', name: 'ta', inputs: ['a', 'w'], outputs: ['y'], attrs: { transA: 1 } },
        ],
        inputs: [{ name: 'x', type: 'float32', dims: [2, 2] }, { name: 'x2', type: 'float32', dims: [2, 2] }],
        outputs: [{ name: 'y', type: 'float32' }],
        initializers: { w: f32([2, 2], [1, 2, 3, 4]) },
      }),
      { quantize: 'int8' },
    );
    expect(m.summary().quantization.skipped).toEqual([
      { node: "node 'dyn' (MatMul)", reason: 'weight B is computed at run time, not an initializer' },
      { node: "node 'ta' (Gemm)", reason: 'Gemm with transA=1' },
    ]);
  });
});

describe('planning', () => {
  it('folds DequantizeLinear of a weight into a float initializer and drops the int8 original', async () => {
    const wq = fromNumbers('int8', [4, 3], [1, -2, 3, 4, -5, 6, 7, 8, -9, 10, 11, 127]);
    const m = await loadModel(
      buildModel({
        opset: 21,
        nodes: [
          { op: 'DequantizeLinear', inputs: ['wq', 'ws'], outputs: ['w'], attrs: { axis: 1 } },
          { op: 'MatMul', inputs: ['x', 'w'], outputs: ['y'] },
        ],
        inputs: [{ name: 'x', type: 'float32', dims: [1, 4] }],
        outputs: [{ name: 'y', type: 'float32' }],
        initializers: { wq, ws: f32([3], [0.5, 0.25, 2]) },
      }),
    );
    const s = m.summary();
    expect(s.foldedAtLoad).toEqual({ DequantizeLinear: 1 });
    expect(s.ops).toEqual({ MatMul: 1 });
    expect(s.parameterBytes).toEqual({ loaded: 12 + 12, beforeQuantization: 48, afterQuantization: 48 });
    const y = await m.run({ x: { data: Float32Array.from([1, 0, 0, 1]), dims: [1, 4] } });
    expect([...(y.y.data as Float32Array)]).toEqual([(1 + 10) * 0.5, (-2 + 11) * 0.25, (3 + 127) * 2]);
  });
});
