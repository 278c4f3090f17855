/** Shared helpers for the ONNX tests: paths, TensorProto files, tolerant comparison. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeTensor } from '../../engine/onnx/decode.js';
import { float16ToFloat32Array } from '../../engine/onnx/float16.js';
import { tensorFromProto } from '../../engine/onnx/tensor-proto.js';
import type { Tensor } from '../../engine/onnx/tensor.js';
import type { OutputTensor } from '../../engine/onnx/model.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const nodeTestsDir = path.resolve(repoRoot, '../shared/data/onnx-node-tests');
export const helloDeepaPath = path.resolve(repoRoot, 'node_modules/openwakeword-js/models/hello_deepa.onnx');

export function readTensorFile(file: string): Tensor {
  return tensorFromProto(decodeTensor(readFileSync(file)), path.basename(file));
}

export interface Tolerance {
  abs: number;
  rel: number;
}

/** float32/float64: |a − e| ≤ 1e-5 + 1e-4·|e|. float16 results carry ~1e-3 relative rounding. */
export const FLOAT_TOLERANCE: Tolerance = { abs: 1e-5, rel: 1e-4 };
export const HALF_TOLERANCE: Tolerance = { abs: 1e-3, rel: 1e-3 };

function values(t: Pick<Tensor, 'type' | 'data'>): ArrayLike<number | bigint> {
  return t.type === 'float16' ? float16ToFloat32Array(t.data as Uint16Array) : (t.data as ArrayLike<number | bigint>);
}

/** null when `actual` matches `expected`: same type and dims; integers exact, floats within tolerance. */
export function compareTensor(actual: Tensor | OutputTensor, expected: Tensor, tol = FLOAT_TOLERANCE): string | null {
  if (actual.type !== expected.type) return `type ${actual.type} != expected ${expected.type}`;
  if (actual.dims.join(',') !== expected.dims.join(',')) return `dims [${actual.dims}] != expected [${expected.dims}]`;
  const a = values(actual);
  const e = values(expected);
  const isFloat = ['float32', 'float64', 'float16'].includes(expected.type);
  const t = expected.type === 'float16' ? HALF_TOLERANCE : tol;
  for (let i = 0; i < e.length; i++) {
    const x = a[i];
    const y = e[i];
    if (!isFloat) {
      if (x !== y) return `element ${i}: ${x} != expected ${y}`;
      continue;
    }
    const xn = Number(x);
    const yn = Number(y);
    if (Number.isNaN(yn) ? !Number.isNaN(xn) : !(Math.abs(xn - yn) <= t.abs + t.rel * Math.abs(yn)) && xn !== yn) {
      return `element ${i}: ${xn} != expected ${yn} (abs ${t.abs} + rel ${t.rel})`;
    }
  }
  return null;
}
