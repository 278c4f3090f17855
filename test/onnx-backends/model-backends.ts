/** Test support: loading a model on a backend (WebGPU gated by the skip policy) and comparing outputs. */
import { describe, it } from 'vitest';
import { loadModel, type Model, type OutputTensor } from '../../engine/onnx/model.js';
import type { ModelBackend } from '../../engine/onnx/backends/types.js';
import type { LoadOptions } from '../../engine/onnx/model.js';
import { gpuAvailable, NO_ADAPTER } from '../support/gpu.js';

export const DEVICE_BACKENDS: readonly Exclude<ModelBackend, 'js'>[] = ['wasm', 'webgpu'];

export function describeModelBackends(title: string, body: (backend: Exclude<ModelBackend, 'js'>) => void): void {
  for (const backend of DEVICE_BACKENDS) {
    describe(`${title} [${backend}]`, async () => {
      if (backend === 'webgpu' && !(await gpuAvailable())) {
        it.skip(NO_ADAPTER, () => {});
        return;
      }
      body(backend);
    });
  }
}

export async function loadOn(bytes: Uint8Array, backend: ModelBackend, options: LoadOptions = {}): Promise<Model> {
  return loadModel(bytes, { probe: false, ...options, backend });
}

/** max |a − e| and max |e| over two float outputs. */
export function maxDiff(a: OutputTensor, e: OutputTensor): { diff: number; scale: number } {
  const x = a.data as ArrayLike<number>;
  const y = e.data as ArrayLike<number>;
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < y.length; i++) {
    diff = Math.max(diff, Math.abs(x[i] - y[i]));
    scale = Math.max(scale, Math.abs(y[i]));
  }
  return { diff, scale };
}
