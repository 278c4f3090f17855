/**
 * Whole models on the WASM and WebGPU backends against the JS reference: the benchmark MLP in its four
 * forms (fp32, ORT dynamic int8, QLinearMatMul, MatMulNBits q4), quantize-on-load, node fallback with a
 * reason in summary(), batch sizes changing between runs (buffer reuse), and the 'auto' choice.
 */
import { describe, expect, it } from 'vitest';
import { buildModel, f32 } from '../onnx/build-model.js';
import { loadModel } from '../../engine/onnx/model.js';
import { GpulseError } from '../../engine/errors.js';
import { buildMlp, mlpInput, mlpLayers } from './mlp-models.js';
import { describeModelBackends, loadOn, maxDiff } from './model-backends.js';

const run = async (m: Awaited<ReturnType<typeof loadOn>>, batch: number, seed = 11) => (await m.run({ x: { data: mlpInput(batch, seed), dims: [batch, 64] } })).y;

describeModelBackends('MLP 64-256-256-1', (backend) => {
  const batches = backend === 'webgpu' ? [1, 3, 64] : [1, 3, 17, 512];

  it.each(['q8', 'qlinear'] as const)('%s: integer path, bit-exact with the JS reference at every batch size', async (kind) => {
    const bytes = buildMlp(kind);
    const [js, dev] = await Promise.all([loadOn(bytes, 'js'), loadOn(bytes, backend)]);
    for (const batch of batches) expect(Array.from((await run(dev, batch)).data as Float32Array)).toEqual(Array.from((await run(js, batch)).data as Float32Array));
  });

  it('fp32: within f32 accumulation error of the float64 reference', async () => {
    const bytes = buildMlp('fp32');
    const [js, dev] = await Promise.all([loadOn(bytes, 'js'), loadOn(bytes, backend)]);
    for (const batch of batches) {
      const { diff, scale } = maxDiff(await run(dev, batch), await run(js, batch));
      expect(diff).toBeLessThan(1e-5 * Math.max(1, scale));
    }
    expect(dev.summary().nodes.every((n) => n.backend === backend)).toBe(true);
  });

  it('q4 MatMulNBits: accuracy_level 4 within int8-activation drift; accuracy_level 0 within f32 error', async () => {
    for (const level of [4, 0]) {
      const bytes = buildMlp('q4', mlpLayers(), level);
      const [js, dev] = await Promise.all([loadOn(bytes, 'js'), loadOn(bytes, backend)]);
      // Level 4 on WASM quantizes A to int8 per block, as onnxruntime does; WebGPU and level 0 keep A in f32.
      const tol = level === 4 && backend === 'wasm' ? 3e-2 : 1e-5;
      for (const batch of batches) {
        const { diff, scale } = maxDiff(await run(dev, batch), await run(js, batch));
        expect(diff, `level ${level}, batch ${batch}`).toBeLessThan(tol * Math.max(1, scale));
      }
      const notes = dev.summary().execution?.notes.join(' ') ?? '';
      if (backend === 'wasm') expect(notes).toMatch(level === 4 ? /int4 × int8/ : /4-bit weights dequantized in registers/);
    }
  });

  it.each(['int8', 'int4'] as const)('quantize-on-load %s: float activations, within f32 error of the JS reference', async (mode) => {
    const bytes = buildMlp('fp32');
    const [js, dev] = await Promise.all([loadOn(bytes, 'js', { quantize: mode }), loadOn(bytes, backend, { quantize: mode })]);
    for (const batch of batches) {
      const { diff, scale } = maxDiff(await run(dev, batch), await run(js, batch));
      expect(diff).toBeLessThan(1e-5 * Math.max(1, scale));
    }
    expect(dev.summary().nodes.filter((n) => n.op === 'ai.gpulse.QuantizedMatMul').every((n) => n.backend === backend)).toBe(true);
  });

  it('a node without a kernel falls back to JS, is named in summary(), and the result is unchanged', async () => {
    const [l] = mlpLayers(3, [8, 6]);
    const bytes = buildModel({
      nodes: [
        { op: 'MatMul', inputs: ['x', 'w'], outputs: ['h'] },
        { op: 'Softmax', inputs: ['h'], outputs: ['s'], attrs: { axis: -1 } },
        { op: 'Relu', inputs: ['s'], outputs: ['y'] },
      ],
      inputs: [{ name: 'x', type: 'float32', dims: ['b', 8] }],
      outputs: [{ name: 'y', type: 'float32', dims: ['b', 6] }],
      initializers: { w: f32([8, 6], l.w) },
    });
    const [js, dev] = await Promise.all([loadOn(bytes, 'js'), loadOn(bytes, backend)]);
    const x = { x: { data: mlpInput(5, 1, 8), dims: [5, 8] } };
    const { diff } = maxDiff((await dev.run(x)).y, (await js.run(x)).y);
    expect(diff).toBeLessThan(1e-6);
    const s = dev.summary();
    expect(s.nodes.map((n) => n.backend)).toEqual([backend, 'js', backend]);
    expect(s.nodes[1].reason).toMatch(/Softmax/);
    expect(s.execution?.notes.join(' ')).toMatch(/fall back to the JS reference/);
  });

  it('runs many times with changing batch sizes (buffers reused) and disposes', async () => {
    const dev = await loadOn(buildMlp('q8'), backend);
    const first = Array.from((await run(dev, 7)).data as Float32Array);
    for (const b of [1, 40, 7, 2]) await run(dev, b);
    expect(Array.from((await run(dev, 7)).data as Float32Array)).toEqual(first);
    dev.dispose();
    await expect(run(dev, 1)).rejects.toThrow(GpulseError);
  });
});

describe('backend choice', () => {
  it('wasm fuses the ORT dynamic-int8 chain and reports it per node', async () => {
    const m = await loadOn(buildMlp('q8'), 'wasm');
    const s = m.summary();
    expect(m.backend).toBe('wasm');
    expect(s.execution?.backend).toBe('wasm');
    expect(s.nodes.filter((n) => n.fusedInto).length).toBe(s.nodes.length);
    expect(s.nodes[0].fusedInto).toBe('DynamicQuantizeLinear → MatMulInteger → Mul → Cast → Mul → Add → Relu');
  });

  it("'auto' picks WASM here (no hardware WebGPU adapter) and the default stays the JS reference", async () => {
    const bytes = buildMlp('fp32');
    expect((await loadModel(bytes)).backend).toBe('js');
    const auto = await loadModel(bytes, { backend: 'auto' });
    expect(['wasm', 'webgpu']).toContain(auto.backend);
  });

  it('an unknown backend is refused', async () => {
    await expect(loadModel(buildMlp('fp32'), { backend: 'cuda' as never })).rejects.toThrow(/backend must be one of/);
  });
});

describe('concurrency', () => {
  it('runs started together are queued and each gets its own result', async () => {
    const bytes = buildMlp('q8');
    const [js, dev] = await Promise.all([loadOn(bytes, 'js'), loadOn(bytes, 'wasm')]);
    const batches = [5, 1, 33, 2];
    const got = await Promise.all(batches.map((b) => run(dev, b, b)));
    for (const [i, b] of batches.entries()) expect(Array.from(got[i].data as Float32Array)).toEqual(Array.from((await run(js, b, b)).data as Float32Array));
  });
});
