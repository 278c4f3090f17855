/** Single-node models and seeded data for the operator tests. */
import type { DType } from '../../engine/onnx/dtype.js';
import { loadModel } from '../../engine/onnx/model.js';
import { seededNormal } from '../../engine/onnx/probe.js';
import { fromNumbers, type Tensor } from '../../engine/onnx/tensor.js';
import { buildModel, type AttrInit } from './build-model.js';

let seed = 100;
export const nextSeed = (): number => seed++;
export const randn = (dims: number[], scale = 1, type: DType = 'float32'): Tensor =>
  fromNumbers(type, dims, Float64Array.from(seededNormal(dims.reduce((p, d) => p * d, 1), seed++), (v) => v * scale));
export const randInt = (type: DType, dims: number[], lo: number, hi: number): Tensor =>
  fromNumbers(type, dims, Array.from(seededNormal(dims.reduce((p, d) => p * d, 1), seed++), (v) => Math.min(hi, Math.max(lo, Math.round(v * (hi - lo) / 4 + (hi + lo) / 2)))));

export function model(op: string, inputs: [string, Tensor | undefined][], outType: DType, attrs: Record<string, AttrInit> = {}, opset = 21, domain = '') {
  const present = inputs.filter((i): i is [string, Tensor] => i[1] !== undefined);
  const bytes = buildModel({
    opset,
    opsets: domain ? { [domain]: 1 } : {},
    nodes: [{ op, domain, inputs: inputs.map(([n, t]) => (t ? n : '')), outputs: ['y'], attrs }],
    inputs: present.map(([name, t]) => ({ name, type: t.type, dims: [...t.dims] })),
    outputs: [{ name: 'y', type: outType }],
  });
  return { bytes, feeds: Object.fromEntries(present) };
}

export async function ours(m: { bytes: Uint8Array; feeds: Record<string, Tensor> }): Promise<Tensor> {
  return (await (await loadModel(m.bytes)).run(m.feeds)).y;
}

/** Seeded integers in [0, max] (an LCG: tests must not depend on Math.random). */
export function seededInts(n: number, max: number, seed = nextSeed()): number[] {
  let s = (seed * 2654435761) >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.floor((s / 4294967296) * (max + 1));
  });
}
