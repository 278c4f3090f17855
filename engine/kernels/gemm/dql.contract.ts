/**
 * Kernel `dynamicQuantize`: ONNX DynamicQuantizeLinear of f32 data — uint8 codes, scale and zero point,
 * every step in f32 as the ONNX reference does; exact on every backend.
 */
import type { KernelDef } from '../contract.js';
import { dynamicQuantizeLinear } from '../../onnx/ops/dynamic-quantize-linear.js';

export interface DqlArgs {
  x: Float32Array;
}

export interface DqlOut {
  y: Uint8Array;
  scale: number;
  zp: number;
}

export function dqlReference({ x }: DqlArgs): DqlOut {
  const [y, s, z] = dynamicQuantizeLinear({ type: 'float32', dims: [x.length], data: x });
  return { y: y.data as Uint8Array, scale: (s.data as Float32Array)[0], zp: (z.data as Uint8Array)[0] };
}

export const dqlKernel: KernelDef<DqlArgs, DqlOut> = {
  name: 'dynamicQuantize',
  summary: 'DynamicQuantizeLinear: uint8 asymmetric per-tensor quantization, range widened to include 0.',
  inputs: { x: 'Float32Array' },
  attributes: {},
  outputs: { y: 'Uint8Array', scale: 'f32', zp: 'uint8' },
  reference: dqlReference,
  tolerance: { js: { kind: 'exact' }, wasm: { kind: 'exact' }, webgpu: { kind: 'exact' } },
  compare(actual, expected) {
    if (actual.scale !== expected.scale) return `scale ${actual.scale} ≠ ${expected.scale}`;
    if (actual.zp !== expected.zp) return `zp ${actual.zp} ≠ ${expected.zp}`;
    for (let i = 0; i < expected.y.length; i++) if (actual.y[i] !== expected.y[i]) return `y[${i}]: ${actual.y[i]} ≠ ${expected.y[i]}`;
    return actual.y.length === expected.y.length ? null : `length ${actual.y.length} ≠ ${expected.y.length}`;
  },
};
