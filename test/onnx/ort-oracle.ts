/** onnxruntime-node as a test oracle: run one model in gpulse and in ORT (one thread) and compare. */
import * as ort from 'onnxruntime-node';
import { loadModel } from '../../engine/onnx/model.js';
import type { Tensor } from '../../engine/onnx/tensor.js';
import { compareTensor, type Tolerance, FLOAT_TOLERANCE } from './helpers.js';

export async function runOrt(model: Uint8Array, feeds: Record<string, Tensor>): Promise<Record<string, Tensor>> {
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 1, graphOptimizationLevel: 'disabled' });
  const ortFeeds = Object.fromEntries(
    Object.entries(feeds).map(([k, v]) => [k, new ort.Tensor(v.type as ort.Tensor.Type, v.data as ort.Tensor.DataType, [...v.dims])]),
  );
  const out = await session.run(ortFeeds);
  await session.release();
  return Object.fromEntries(
    Object.entries(out).map(([k, v]) => [k, { type: v.type as Tensor['type'], dims: [...v.dims], data: v.data as Tensor['data'] }]),
  );
}

/** Runs both; returns a description of the first mismatch, or null. */
export async function diffWithOrt(model: Uint8Array, feeds: Record<string, Tensor>, tol: Tolerance = FLOAT_TOLERANCE): Promise<string | null> {
  const ours = await (await loadModel(model)).run(feeds);
  const theirs = await runOrt(model, feeds);
  for (const [name, expected] of Object.entries(theirs)) {
    if (!ours[name]) return `output '${name}' missing`;
    const problem = compareTensor(ours[name], expected, tol);
    if (problem) return `output '${name}': ${problem}`;
  }
  return null;
}
