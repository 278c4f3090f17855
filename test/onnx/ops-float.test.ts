/**
 * Float and shape operators against onnxruntime-node on single-node models: attribute combinations and
 * random shapes (fast-check) that the ONNX node tests do not cover, including opset-dependent semantics
 * (Softmax before/after 13, Reduce* axes attribute vs input at 18, Clip attributes vs inputs at 11).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DType } from '../../engine/onnx/dtype.js';
import { seededNormal } from '../../engine/onnx/probe.js';
import { fromNumbers, type Tensor } from '../../engine/onnx/tensor.js';
import { buildModel, type AttrInit } from './build-model.js';
import { diffWithOrt } from './ort-oracle.js';

let seed = 1;
const randn = (type: DType, dims: number[], scale = 1): Tensor =>
  fromNumbers(type, dims, Float64Array.from(seededNormal(dims.reduce((p, d) => p * d, 1), seed++), (v) => v * scale));

/** One node, inputs x0, x1, … and outputs y0, y1, …; returns the ORT diff. */
async function single(op: string, inputs: Tensor[], attrs: Record<string, AttrInit> = {}, opset = 17, outTypes?: DType[], nOut = 1) {
  const names = inputs.map((_, i) => `x${i}`);
  const outs = Array.from({ length: nOut }, (_, i) => `y${i}`);
  const model = buildModel({
    opset,
    nodes: [{ op, inputs: names, outputs: outs, attrs }],
    inputs: inputs.map((t, i) => ({ name: names[i], type: t.type, dims: [...t.dims] })),
    outputs: outs.map((name, i) => ({ name, type: outTypes?.[i] ?? inputs[0].type })),
  });
  return diffWithOrt(model, Object.fromEntries(inputs.map((t, i) => [names[i], t])));
}

const shape = (maxRank: number) => fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: maxRank });

describe('float ops vs onnxruntime', () => {
  it('MatMul: numpy shapes (1-D promotion, batch broadcasting)', async () => {
    await fc.assert(
      fc.asyncProperty(shape(2), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.boolean(), fc.boolean(), async (batch, M, K, N, aVec, bVec) => {
        const aDims = aVec ? [K] : [...batch, M, K];
        const bDims = bVec ? [K] : [...batch.map((d, i) => (i === 0 ? 1 : d)), K, N];
        expect(await single('MatMul', [randn('float32', aDims), randn('float32', bDims)])).toBeNull();
      }),
      { numRuns: 25 },
    );
  });

  it('Gemm: transA, transB, alpha, beta and every bias shape', async () => {
    const [M, K, N] = [3, 5, 4];
    for (const transA of [0, 1]) {
      for (const transB of [0, 1]) {
        for (const cDims of [null, [], [N], [1, N], [M, 1], [M, N]]) {
          const a = randn('float32', transA ? [K, M] : [M, K]);
          const b = randn('float32', transB ? [N, K] : [K, N]);
          const inputs = cDims ? [a, b, randn('float32', cDims)] : [a, b];
          const attrs = { transA, transB, alpha: { float: 0.7 }, beta: { float: -1.3 } };
          expect(await single('Gemm', inputs, attrs, 13), `transA ${transA} transB ${transB} C ${cDims}`).toBeNull();
        }
      }
    }
  });

  it('Softmax: opset 11 flattens at axis, opset 13 normalises one axis', async () => {
    for (const opset of [11, 13]) {
      for (const axis of [undefined, 0, 1, 2, -1, -3]) {
        const attrs: Record<string, AttrInit> = axis === undefined ? {} : { axis };
        expect(await single('Softmax', [randn('float32', [2, 3, 4], 3)], attrs, opset), `opset ${opset} axis ${axis}`).toBeNull();
      }
    }
  });

  it('LayerNormalization: axis, epsilon, optional bias, Mean and InvStdDev outputs', async () => {
    for (const axis of [-1, 1, 0]) {
      const x = randn('float32', [2, 3, 4], 2);
      const normDims = [2, 3, 4].slice(axis < 0 ? 3 + axis : axis);
      const scale = randn('float32', normDims);
      const out = await single('LayerNormalization', [x, scale, randn('float32', normDims)], { axis, epsilon: { float: 1e-3 } }, 17, ['float32', 'float32', 'float32'], 3);
      expect(out, `axis ${axis}`).toBeNull();
      expect(await single('LayerNormalization', [x, scale], { axis }, 17), `axis ${axis} no bias`).toBeNull();
    }
  });

  it('Transpose: random permutations, several dtypes', async () => {
    await fc.assert(
      fc.asyncProperty(shape(4), fc.constantFrom<DType>('float32', 'int64', 'uint8', 'float16'), fc.boolean(), fc.array(fc.double({ noNaN: true }), { minLength: 4, maxLength: 4 }), async (dims, type, explicit, keys) => {
        const perm = dims.map((_, i) => i).sort((a, b) => keys[a] - keys[b]);
        expect(await single('Transpose', [randn(type, dims, 50)], explicit ? { perm } : {})).toBeNull();
      }),
      { numRuns: 20 },
    );
  });

  it('Cast: float -> integers truncate toward zero, float16 rounds to nearest even, bool', async () => {
    const x = fromNumbers('float32', [10], [-3.7, -0.5, 0, 0.49, 1.5, 2.5, 100.9, -100.9, 65519, 1e-8]);
    const codes: [DType, number][] = [['int8', 3], ['uint8', 2], ['int32', 6], ['int64', 7], ['float16', 10], ['float64', 11], ['bool', 9], ['uint16', 4]];
    for (const [type, to] of codes) {
      const src = type === 'uint8' || type === 'uint16' ? fromNumbers('float32', [4], [0, 1.9, 200.5, 17]) : x;
      expect(await single('Cast', [src], { to }, 17, [type]), `to ${type}`).toBeNull();
    }
    const big = fromNumbers('int64', [4], [2 ** 40 + 5, -(2 ** 33) - 1, 7, -7]);
    expect(await single('Cast', [big], { to: 6 }, 17, ['int32']), 'int64 -> int32 wraps').toBeNull();
    expect(await single('Cast', [randn('float16', [6])], { to: 1 }, 17, ['float32'])).toBeNull();
  });

  it('Reduce*: axes attribute (opset 13) and input (opset 18), keepdims', async () => {
    const x = randn('float32', [2, 3, 4]);
    for (const op of ['ReduceMean', 'ReduceMin', 'ReduceMax']) {
      for (const keepdims of [0, 1]) {
        for (const axes of [[1], [0, 2], [-1], undefined]) {
          const attrs13: Record<string, AttrInit> = axes ? { axes, keepdims } : { keepdims };
          expect(await single(op, [x], attrs13, 13), `${op}-13 ${axes} ${keepdims}`).toBeNull();
          const inputs = axes ? [x, fromNumbers('int64', [axes.length], axes)] : [x];
          expect(await single(op, inputs, { keepdims }, 18), `${op}-18 ${axes} ${keepdims}`).toBeNull();
        }
      }
    }
  });

  it('Clip: attributes at opset 6, optional inputs at 13', async () => {
    const x = randn('float32', [3, 4], 3);
    expect(await single('Clip', [x], { min: { float: -0.5 }, max: { float: 1 } }, 6)).toBeNull();
    expect(await single('Clip', [x, fromNumbers('float32', [], [-1])], {}, 13)).toBeNull();
    expect(await single('Clip', [x, fromNumbers('float32', [], [-1]), fromNumbers('float32', [], [0.25])], {}, 13)).toBeNull();
  });

  it('Add/Sub/Mul/Div: broadcasting, float and integer semantics', async () => {
    await fc.assert(
      fc.asyncProperty(shape(3), fc.constantFrom('Add', 'Sub', 'Mul', 'Div'), fc.constantFrom<DType>('float32', 'int32', 'int64', 'float16'), async (dims, op, type) => {
        const a = randn(type, dims, 100);
        const bDims = dims.map((d, i) => (i % 2 === 0 ? 1 : d)).slice(1);
        const b = fromNumbers(type, bDims, Array.from(randn('float32', bDims, 20).data as Float32Array, (v) => (Math.abs(v) < 1 ? 3 : v)));
        expect(await single(op, [a, b])).toBeNull();
      }),
      { numRuns: 40 },
    );
  });

  it('Pow, Sqrt, Round (half to even), Relu, Sigmoid, Tanh, variadic Min/Max', async () => {
    const x = randn('float32', [2, 5], 4);
    const pos = fromNumbers('float32', [2, 5], Array.from(x.data as Float32Array, Math.abs));
    expect(await single('Pow', [pos, fromNumbers('float32', [5], [2, 0.5, -1, 3, 1.7])])).toBeNull();
    expect(await single('Sqrt', [pos])).toBeNull();
    expect(await single('Round', [fromNumbers('float32', [8], [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999, 7.51])])).toBeNull();
    for (const op of ['Relu', 'Sigmoid', 'Tanh']) expect(await single(op, [x]), op).toBeNull();
    for (const op of ['Min', 'Max']) expect(await single(op, [x, randn('float32', [5]), randn('float32', [2, 1])]), op).toBeNull();
  });
});
