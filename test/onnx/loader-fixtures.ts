/** Fixtures for the loader tests: a small Gemm model and a helper expecting a clean refusal. */
import { expect } from 'vitest';
import { GpulseError } from '../../engine/errors.js';
import { loadModel, type LoadOptions } from '../../engine/onnx/model.js';
import { f32, type ModelInit } from './build-model.js';

export async function refusal(bytes: Uint8Array, options: LoadOptions = {}): Promise<GpulseError> {
  const error = await loadModel(bytes, options).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(GpulseError);
  return error as GpulseError;
}

export const gemmModel = (extra: Partial<ModelInit> = {}): ModelInit => ({
  nodes: [{ op: 'Gemm', name: 'fc', inputs: ['x', 'w'], outputs: ['y'], attrs: { transB: 1 } }],
  inputs: [{ name: 'x', type: 'float32', dims: ['batch', 3] }],
  outputs: [{ name: 'y', type: 'float32', dims: ['batch', 2] }],
  initializers: { w: f32([2, 3], [1, 2, 3, 4, 5, 6]) },
  ...extra,
});

