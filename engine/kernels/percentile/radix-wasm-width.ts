/**
 * What differs between f32 and f64 input on the WASM backend: element size, the exports to call, how keys are
 * read back, and the window block layout. Keys cross to the host as bigint (only a handful per call).
 */
import type { NumericArray } from '../../types.js';
import type { PercentileExports, PlaceAndSelectArgs } from './radix-wasm-exports.js';
import { WIN32, WIN64 } from './radix-wasm-layout.js';
import { fromKeyF32, fromKeyF64 } from './order-keys.js';

export interface KeyWidth {
  bytes: 4 | 8;
  win: typeof WIN32 | typeof WIN64;
  copyIn(memory: ArrayBuffer, at: number, values: NumericArray): void;
  readKeys(memory: ArrayBuffer, at: number, count: number): bigint[];
  /** Writes a window bound (a value of the input's type). */
  writeBound(memory: ArrayBuffer, at: number, x: number): void;
  toFloat(key: bigint): number;
  /** count keys at `at` as the floats they stand for (many keys, no bigint). */
  readFloats(memory: ArrayBuffer, at: number, count: number): Float64Array;
  keysFrom(e: PercentileExports, p: number, n: number): number;
  select(e: PercentileExports, p: number, len: number, ranks: number, nr: number, out: number, scratch: number): void;
  sample(e: PercentileExports, p: number, n: number, s: number, seed: number, dst: number): number;
  /** Step one of the counting sort by group; false when a bucket overflowed (see group-scatter-two-step.ts). */
  superScatter(e: PercentileExports, values: number, groups: number, n: number, base: number, cursor: number, limit: number, supers: number, tmpKeys: number, tmpLow: number, nans: number): boolean;
  placeAndSelect(e: PercentileExports, args: PlaceAndSelectArgs): void;
  /** The pass against the first w (1–4) windows. */
  windowPass(e: PercentileExports, p: number, n: number, win: number, w: number): void;
}

export const WIDTH32: KeyWidth = {
  bytes: 4,
  win: WIN32,
  copyIn: (m, at, v) => new Float32Array(m, at, v.length).set(v),
  readKeys: (m, at, count) => Array.from(new Uint32Array(m, at, count), BigInt),
  writeBound: (m, at, x) => void (new Float32Array(m, at, 1)[0] = x),
  toFloat: (key) => fromKeyF32(Number(key)),
  readFloats: (m, at, count) => {
    const keys = new Uint32Array(m, at, count);
    const out = new Float64Array(count);
    for (let i = 0; i < count; i++) out[i] = fromKeyF32(keys[i]);
    return out;
  },
  keysFrom: (e, p, n) => e.keysFromF32(p, n),
  select: (e, ...a) => e.selectU32(...a),
  sample: (e, ...a) => e.sampleKeysF32(...a),
  superScatter: (e, ...a) => e.groupSuperScatterF32(...a) !== 0,
  placeAndSelect: (e, a) => e.placeAndSelectU32(...a),
  windowPass: (e, p, n, win, w) => [e.windowPassF32x1, e.windowPassF32x2, e.windowPassF32x3, e.windowPassF32x4][w - 1](p, n, win),
};

export const WIDTH64: KeyWidth = {
  bytes: 8,
  win: WIN64,
  copyIn: (m, at, v) => new Float64Array(m, at, v.length).set(v),
  readKeys: (m, at, count) => Array.from(new BigUint64Array(m, at, count)),
  writeBound: (m, at, x) => void (new Float64Array(m, at, 1)[0] = x),
  toFloat: (key) => fromKeyF64(Number(key >> 32n), Number(key & 0xffffffffn)),
  readFloats: (m, at, count) => {
    const words = new Uint32Array(m, at, 2 * count);
    const out = new Float64Array(count);
    for (let i = 0; i < count; i++) out[i] = fromKeyF64(words[2 * i + 1], words[2 * i]);
    return out;
  },
  keysFrom: (e, p, n) => e.keysFromF64(p, n),
  select: (e, ...a) => e.selectU64(...a),
  sample: (e, ...a) => e.sampleKeysF64(...a),
  superScatter: (e, ...a) => e.groupSuperScatterF64(...a) !== 0,
  placeAndSelect: (e, a) => e.placeAndSelectU64(...a),
  windowPass: (e, p, n, win, w) => [e.windowPassF64x1, e.windowPassF64x2, e.windowPassF64x3, e.windowPassF64x4][w - 1](p, n, win),
};

export function widthOf(values: NumericArray): KeyWidth {
  return values instanceof Float64Array ? WIDTH64 : WIDTH32;
}
