/**
 * Run by relaxed-build.test.ts in a child Node started with --experimental-wasm-relaxed-simd: loads the
 * MLPs on the WASM backend (which then picks the relaxed-SIMD build) and prints, per model, the build used
 * and the largest difference from the JS reference, as one JSON line.
 */
import { loadModel } from '../../engine/onnx/model.js';
import { buildMlp, mlpInput, mlpLayers } from './mlp-models.js';

const out: Record<string, { device: string; diff: number; scale: number }> = {};
for (const [name, bytes, quantize] of [
  ['fp32', buildMlp('fp32'), 'none'],
  ['q8', buildMlp('q8'), 'none'],
  ['q4-level4', buildMlp('q4'), 'none'],
  ['q4-level0', buildMlp('q4', mlpLayers(), 0), 'none'],
  ['int4-on-load', buildMlp('fp32'), 'int4'],
] as const) {
  const [js, wasm] = await Promise.all([loadModel(bytes, { quantize, probe: false }), loadModel(bytes, { quantize, probe: false, backend: 'wasm' })]);
  let diff = 0;
  let scale = 0;
  for (const batch of [1, 3, 37]) {
    const feeds = { x: { data: mlpInput(batch, batch), dims: [batch, 64] } };
    const a = (await wasm.run(feeds)).y.data as Float32Array;
    const b = (await js.run(feeds)).y.data as Float32Array;
    b.forEach((v, i) => {
      diff = Math.max(diff, Math.abs(a[i] - v));
      scale = Math.max(scale, Math.abs(v));
    });
  }
  out[name] = { device: wasm.summary().execution?.device ?? '', diff, scale };
}
process.stdout.write(`${JSON.stringify(out)}\n`);
