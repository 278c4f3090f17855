/**
 * QuantizeLinear, DequantizeLinear, DynamicQuantizeLinear, MatMulInteger, QLinearMatMul: onnxruntime-node as
 * the oracle where its JS API can carry the types (int8/uint8/int16/uint16, float16), hand-computed
 * expectations for the rest (int4/uint4, remainder blocks, rounding ties, saturation).
 */
import { describe, expect, it } from 'vitest';
import { fromNumbers } from '../../engine/onnx/tensor.js';
import { buildModel } from './build-model.js';
import { HALF_TOLERANCE } from './helpers.js';
import { diffWithOrt } from './ort-oracle.js';
import { model, ours, randInt, randn } from './single-node.js';

describe('QuantizeLinear / DequantizeLinear', () => {
  it('rounds half to even and saturates', async () => {
    const x = fromNumbers('float32', [8], [0.5, 1.5, 2.5, -0.5, -2.5, 1000, -1000, 3.49]);
    const y = await ours(model('QuantizeLinear', [['x', x], ['s', fromNumbers('float32', [], [1])], ['z', fromNumbers('int8', [], [0])]], 'int8'));
    expect([...(y.data as Int8Array)]).toEqual([0, 2, 2, 0, -2, 127, -128, 3]);
  });

  it('matches onnxruntime per tensor and per axis for int8, uint8, int16, uint16', async () => {
    for (const type of ['int8', 'uint8', 'int16', 'uint16'] as const) {
      for (const axis of [0, 1, -1]) {
        const x = randn([3, 4, 5], 50);
        const len = [3, 4, 5].at(axis)!;
        const s = fromNumbers('float32', [len], Array.from({ length: len }, (_, i) => 0.25 + i * 0.5));
        const z = randInt(type, [len], type.startsWith('u') ? 0 : -10, 10);
        const q = model('QuantizeLinear', [['x', x], ['s', s], ['z', z]], type, { axis });
        expect(await diffWithOrt(q.bytes, q.feeds), `Q ${type} axis ${axis}`).toBeNull();
        const xq = await ours(q);
        const dq = model('DequantizeLinear', [['x', xq], ['s', s], ['z', z]], 'float32', { axis });
        expect(await diffWithOrt(dq.bytes, dq.feeds), `DQ ${type} axis ${axis}`).toBeNull();
      }
    }
  });

  it('dequantizes with float16 scales to float16, as onnxruntime does', async () => {
    const x = randInt('uint8', [2, 6], 0, 255);
    const s = fromNumbers('float16', [], [0.0123]);
    const q = model('DequantizeLinear', [['x', x], ['s', s], ['z', fromNumbers('uint8', [], [128])]], 'float16');
    expect(await diffWithOrt(q.bytes, q.feeds, HALF_TOLERANCE)).toBeNull();
  });

  it('blocked quantization handles a remainder block (dim not a multiple of block_size)', async () => {
    // x [2, 5], block 2 along axis 1 -> 3 blocks, the last holding one column.
    const x = fromNumbers('float32', [2, 5], [1, 2, 3, 4, 5, -1, -2, -3, -4, -5]);
    const s = fromNumbers('float32', [2, 3], [1, 2, 4, 0.5, 1, 2]);
    const z = fromNumbers('int4', [2, 3], [0, 1, -1, 0, 0, 7]);
    const y = await ours(model('QuantizeLinear', [['x', x], ['s', s], ['z', z]], 'int4', { axis: 1, block_size: 2 }));
    // row 0: 1/1, 2/1, 3/2+1, 4/2+1, 5/4−1 ; row 1: −1/.5, −2/.5, −3/1, −4/1, −5/2+7
    expect([...(y.data as Int8Array)]).toEqual([1, 2, 3, 3, 0, -2, -4, -3, -4, 5]);
    const back = await ours(model('DequantizeLinear', [['x', y], ['s', s], ['z', z]], 'float32', { axis: 1, block_size: 2 }));
    expect([...(back.data as Float32Array)]).toEqual([1, 2, 4, 4, 4, -1, -2, -3, -4, -4]);
  });

  it('uint4 output of QuantizeLinear without zero point uses output_dtype, and int4 saturates at [-8, 7]', async () => {
    const x = fromNumbers('float32', [4], [-20, -8.5, 6.5, 20]);
    const s = fromNumbers('float32', [], [1]);
    const y4 = await ours(model('QuantizeLinear', [['x', x], ['s', s]], 'int4', { output_dtype: 22 }));
    expect(y4.type).toBe('int4');
    expect([...(y4.data as Int8Array)]).toEqual([-8, -8, 6, 7]);
    const yu = await ours(model('QuantizeLinear', [['x', x], ['s', s]], 'uint4', { output_dtype: 21 }));
    expect([...(yu.data as Uint8Array)]).toEqual([0, 0, 6, 15]);
  });

  it('DynamicQuantizeLinear matches onnxruntime on random data and on all zeros', async () => {
    for (const x of [randn([4, 7], 3), fromNumbers('float32', [5], [0, 0, 0, 0, 0]), randn([9], 0.001)]) {
      const bytes = buildModel({
        opset: 11,
        nodes: [{ op: 'DynamicQuantizeLinear', inputs: ['x'], outputs: ['y', 's', 'z'] }],
        inputs: [{ name: 'x', type: 'float32', dims: [...x.dims] }],
        outputs: [{ name: 'y', type: 'uint8' }, { name: 's', type: 'float32' }, { name: 'z', type: 'uint8' }],
      });
      expect(await diffWithOrt(bytes, { x })).toBeNull();
    }
  });
});

describe('integer matmuls', () => {
  it('MatMulInteger with per-column b zero points matches onnxruntime', async () => {
    const a = randInt('uint8', [3, 4], 0, 255);
    const b = randInt('uint8', [4, 5], 0, 255);
    const m = model('MatMulInteger', [['a', a], ['b', b], ['az', fromNumbers('uint8', [], [12])], ['bz', randInt('uint8', [5], 100, 150)]], 'int32', {}, 10);
    expect(await diffWithOrt(m.bytes, m.feeds)).toBeNull();
    const batched = model('MatMulInteger', [['a', randInt('int8', [2, 3, 4], -128, 127)], ['b', randInt('int8', [4, 2], -128, 127)]], 'int32', {}, 10);
    expect(await diffWithOrt(batched.bytes, batched.feeds)).toBeNull();
  });

  it('QLinearMatMul matches onnxruntime (uint8 and int8, 2-D and batched)', async () => {
    for (const type of ['uint8', 'int8'] as const) {
      const [lo, hi] = type === 'uint8' ? [0, 255] : [-128, 127];
      for (const aDims of [[3, 6], [2, 3, 6]]) {
        const m = model(
          'QLinearMatMul',
          [
            ['a', randInt(type, aDims, lo, hi)], ['as', fromNumbers('float32', [], [0.02])], ['az', randInt(type, [], lo / 2, hi / 2)],
            ['b', randInt(type, [6, 4], lo, hi)], ['bs', fromNumbers('float32', [], [0.013])], ['bz', randInt(type, [], lo / 2, hi / 2)],
            ['ys', fromNumbers('float32', [], [0.9])], ['yz', randInt(type, [], lo / 2, hi / 2)],
          ],
          type,
          {},
          10,
        );
        expect(await diffWithOrt(m.bytes, m.feeds), `${type} ${aDims}`).toBeNull();
      }
    }
  });
});

