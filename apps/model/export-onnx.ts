/**
 * The autoencoder as an ONNX model (onnx-proto), weights stored int8.
 *
 * Graph (opset 17), inputs x: float32 [N, D] (features-for-model.ts vectors):
 *   per layer l: W_l = DequantizeLinear(Wq_l int8 [in, out], scale_l f32 [out], zero_l int8 [out], axis = 1)
 *                h_l = MatMul(h_{l−1}, W_l) + b_l  (+ Relu on hidden layers except the bottleneck)
 *   d = x − recon;  error = d·d  (float32 [N, D], per-feature squared error, for explanations)
 *   score = ReduceMean(error, axes = [1], keepdims = 0)  (float32 [N], the anomaly score)
 * Weights: symmetric per-output-column int8, scale = max|w| / 127, zero point 0. Biases stay float32.
 * gpulse folds the DequantizeLinear of each weight at load; onnxruntime runs it as written.
 */
import * as onnxProtoModule from 'onnx-proto';
import type { Layer } from './nn.js';

type OnnxNs = typeof onnxProtoModule.onnx;
// onnx-proto is CommonJS: under Node's ESM loader the namespace sits on `default`, under bundlers on the module.
const mod = onnxProtoModule as unknown as { onnx?: OnnxNs; default?: { onnx?: OnnxNs } };
const onnx: OnnxNs = (mod.onnx ?? mod.default?.onnx) as OnnxNs;

const FLOAT = 1;
const INT8 = 3;

export interface QuantizedLayer {
  /** in × out int8 codes, row-major. */
  q: Int8Array;
  /** One scale per output column. */
  scale: Float32Array;
  b: Float32Array;
  inDim: number;
  outDim: number;
  relu: boolean;
}

/** Symmetric per-output-column int8 (round half away from zero; |code| ≤ 127). */
export function quantizeLayer(L: Layer): QuantizedLayer {
  const q = new Int8Array(L.inDim * L.outDim);
  const scale = new Float32Array(L.outDim);
  for (let o = 0; o < L.outDim; o++) {
    let m = 0;
    for (let i = 0; i < L.inDim; i++) m = Math.max(m, Math.abs(L.w[i * L.outDim + o]));
    scale[o] = m > 0 ? m / 127 : 1;
    for (let i = 0; i < L.inDim; i++) {
      const c = Math.round(L.w[i * L.outDim + o] / scale[o]);
      q[i * L.outDim + o] = Math.max(-127, Math.min(127, c));
    }
  }
  return { q, scale, b: Float32Array.from(L.b), inDim: L.inDim, outDim: L.outDim, relu: L.relu };
}

/** The weights the shipped model computes with (codes × scale, in float32), for checks and evaluation in JS. */
export function dequantized(Q: QuantizedLayer): Layer {
  const w = new Float64Array(Q.q.length);
  for (let i = 0; i < Q.inDim; i++) for (let o = 0; o < Q.outDim; o++) w[i * Q.outDim + o] = Math.fround(Q.q[i * Q.outDim + o] * Q.scale[o]);
  return { w, b: Float64Array.from(Q.b), inDim: Q.inDim, outDim: Q.outDim, relu: Q.relu };
}

function tensor(name: string, dims: number[], dataType: number, data: Float32Array | Int8Array) {
  return onnx.TensorProto.create({ name, dims, dataType, rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice() });
}

function valueInfo(name: string, dims: (number | string)[]) {
  return onnx.ValueInfoProto.create({
    name,
    type: { tensorType: { elemType: FLOAT, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } },
  });
}

export interface ExportMeta {
  /** Free-form key/values stored as model metadata_props (feature names, window, training config). */
  [key: string]: string;
}

export function exportOnnx(layers: QuantizedLayer[], meta: ExportMeta = {}): Uint8Array {
  const dim = layers[0].inDim;
  const nodes: ReturnType<typeof onnx.NodeProto.create>[] = [];
  const inits: ReturnType<typeof onnx.TensorProto.create>[] = [];
  const node = (name: string, opType: string, input: string[], output: string[], attribute: unknown[] = []) =>
    nodes.push(onnx.NodeProto.create({ name, opType, input, output, attribute: attribute as never }));
  let h = 'x';
  layers.forEach((L, l) => {
    inits.push(tensor(`w${l}_q`, [L.inDim, L.outDim], INT8, L.q));
    inits.push(tensor(`w${l}_scale`, [L.outDim], FLOAT, L.scale));
    inits.push(tensor(`w${l}_zero`, [L.outDim], INT8, new Int8Array(L.outDim)));
    inits.push(tensor(`b${l}`, [L.outDim], FLOAT, L.b));
    node(`dq${l}`, 'DequantizeLinear', [`w${l}_q`, `w${l}_scale`, `w${l}_zero`], [`w${l}`], [
      onnx.AttributeProto.create({ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 1 }),
    ]);
    node(`fc${l}`, 'MatMul', [h, `w${l}`], [`mm${l}`]);
    const last = l === layers.length - 1;
    node(`bias${l}`, 'Add', [`mm${l}`, `b${l}`], [L.relu ? `pre${l}` : last ? 'recon' : `h${l}`]);
    if (L.relu) node(`relu${l}`, 'Relu', [`pre${l}`], [`h${l}`]);
    h = last ? 'recon' : `h${l}`;
  });
  node('diff', 'Sub', ['x', 'recon'], ['d']);
  node('square', 'Mul', ['d', 'd'], ['error']);
  node('score', 'ReduceMean', ['error'], ['score'], [
    onnx.AttributeProto.create({ name: 'axes', type: onnx.AttributeProto.AttributeType.INTS, ints: [1] }),
    onnx.AttributeProto.create({ name: 'keepdims', type: onnx.AttributeProto.AttributeType.INT, i: 0 }),
  ]);
  const graph = onnx.GraphProto.create({
    name: 'gpulse-anomaly-autoencoder',
    node: nodes,
    input: [valueInfo('x', ['N', dim])],
    output: [valueInfo('score', ['N']), valueInfo('error', ['N', dim])],
    initializer: inits,
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 17 }],
    producerName: 'gpulse apps/model/train.ts',
    producerVersion: '1',
    docString: 'Window anomaly score: int8 dense autoencoder over robust-z fast features (apps/model/features-for-model.ts); score = mean squared reconstruction error.',
    graph,
    metadataProps: Object.entries(meta).map(([key, value]) => ({ key, value })),
  });
  return onnx.ModelProto.encode(model).finish();
}
