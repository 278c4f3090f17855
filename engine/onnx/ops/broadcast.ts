/** Numpy-style (multidirectional) and unidirectional broadcasting. */
import { invalidArgument } from '../../errors.js';
import { numel, sameDims } from '../tensor.js';

export function broadcastDims(...shapes: (readonly number[])[]): number[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(rank).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const o = rank - s.length + i;
      const d = s[i];
      if (out[o] === 1) out[o] = d;
      else if (d !== 1 && d !== out[o]) {
        throw invalidArgument(`shapes ${shapes.map((x) => `[${x.join(', ')}]`).join(' and ')} cannot be broadcast`);
      }
    }
  }
  return out;
}

/** Checks that `from` broadcasts to exactly `to` (Gemm's C, LayerNormalization's scale, …). */
export function checkUnidirectional(from: readonly number[], to: readonly number[], what: string): void {
  const ok = from.length <= to.length && from.every((d, i) => d === 1 || d === to[to.length - from.length + i]);
  if (!ok) throw invalidArgument(`${what} [${from.join(', ')}] cannot be broadcast to [${to.join(', ')}]`);
}

/**
 * For each element of an `outDims` tensor, the flat index of the element of an `inDims` tensor that
 * broadcasting reads. `inDims` must broadcast to `outDims`.
 */
export function broadcastIndex(outDims: readonly number[], inDims: readonly number[]): Int32Array {
  const n = numel(outDims);
  const map = new Int32Array(n);
  if (numel(inDims) === 1) return map;
  if (sameDims(outDims, inDims)) {
    for (let i = 0; i < n; i++) map[i] = i;
    return map;
  }
  const rank = outDims.length;
  const strides = new Array<number>(rank).fill(0);
  let s = 1;
  for (let i = inDims.length - 1; i >= 0; i--) {
    const o = rank - inDims.length + i;
    strides[o] = inDims[i] === 1 ? 0 : s;
    s *= inDims[i];
  }
  const counter = new Array<number>(rank).fill(0);
  let offset = 0;
  for (let i = 0; i < n; i++) {
    map[i] = offset;
    // Odometer increment over the output index, updating the input offset incrementally.
    for (let d = rank - 1; d >= 0; d--) {
      counter[d]++;
      offset += strides[d];
      if (counter[d] < outDims[d]) break;
      offset -= strides[d] * counter[d];
      counter[d] = 0;
    }
  }
  return map;
}
