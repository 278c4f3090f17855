/** Feed validation in Model.run (errors name the input), run-time errors naming the node, dispose, output copies. */
import { describe, expect, it } from 'vitest';
import { GpulseError } from '../../engine/errors.js';
import { loadModel } from '../../engine/onnx/model.js';
import { fromNumbers } from '../../engine/onnx/tensor.js';
import { buildModel } from './build-model.js';
import { gemmModel } from './loader-fixtures.js';

describe('feeds', () => {
  const bytes = buildModel(
    gemmModel({
      nodes: [
        { op: 'Gemm', name: 'fc', inputs: ['x', 'w'], outputs: ['g'], attrs: { transB: 1 } },
        { op: 'Add', name: 'add', inputs: ['g', 'bias'], outputs: ['y'] },
      ],
      inputs: [
        { name: 'x', type: 'float32', dims: ['batch', 3] },
        { name: 'bias', type: 'float32', dims: ['batch', 2] },
      ],
    }),
  );
  const x = { data: new Float32Array(6), dims: [2, 3] };
  const bias = { data: new Float32Array(4), dims: [2, 2] };

  it('runs with valid feeds', async () => {
    const out = await (await loadModel(bytes)).run({ x: { data: Float32Array.from([1, 0, 0, 0, 1, 0]), dims: [2, 3] }, bias });
    expect([...(out.y.data as Float32Array)]).toEqual([1, 4, 2, 5]);
    expect(out.y.dims).toEqual([2, 2]);
  });

  it.each([
    ['missing input', { x }, /input 'bias': missing/],
    ['unknown input', { x, bias, extra: x }, /unknown input 'extra'/],
    ['wrong dtype', { x: { data: new Float64Array(6), dims: [2, 3] }, bias }, /input 'x'.*Float32Array.*Float64Array/],
    ['declared type mismatch', { x: { ...x, type: 'int32' }, bias }, /input 'x'.*expected type float32/],
    ['wrong rank', { x: { data: new Float32Array(6), dims: [6] }, bias }, /input 'x'.*rank 2/],
    ['wrong fixed dim', { x: { data: new Float32Array(8), dims: [2, 4] }, bias }, /input 'x'.*dim 1 must be 3/],
    ['data length', { x: { data: new Float32Array(5), dims: [2, 3] }, bias }, /input 'x'.*need 6 values/],
    ['symbolic dim disagreement', { x, bias: { data: new Float32Array(6), dims: [3, 2] } }, /input 'bias'.*'batch'/],
  ])('%s is refused naming the input', async (_, feeds, pattern) => {
    const error = await (await loadModel(bytes)).run(feeds as never).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(GpulseError);
    expect((error as GpulseError).message).toMatch(pattern);
  });

  it('a shape error at run time names the node and op', async () => {
    const m = await loadModel(buildModel(gemmModel({ inputs: [{ name: 'x', type: 'float32', dims: ['batch', 'k'] }] })));
    await expect(m.run({ x: { data: new Float32Array(8), dims: [2, 4] } })).rejects.toThrow(/node 'fc' \(Gemm\).*K 4 vs 3/);
  });

  it('dispose refuses later runs; outputs never alias the weights', async () => {
    const m = await loadModel(
      buildModel({
        nodes: [{ op: 'Identity', inputs: ['w'], outputs: ['y'] }, { op: 'Relu', inputs: ['x'], outputs: ['r'] }],
        inputs: [{ name: 'x', type: 'float32', dims: [1] }],
        outputs: [{ name: 'y', type: 'float32' }, { name: 'r', type: 'float32' }],
        initializers: { w: fromNumbers('float32', [2], [1, 2]) },
      }),
    );
    const feeds = { x: { data: new Float32Array(1), dims: [1] } };
    (await m.run(feeds)).y.data[0] = 99;
    expect([...(await m.run(feeds)).y.data]).toEqual([1, 2]);
    m.dispose();
    await expect(m.run(feeds)).rejects.toMatchObject({ code: 'DISPOSED' });
  });
});
