/**
 * JS backend of `sketch`: one pass over the float words through the bin table (float32: one load, an add and
 * two shifts per value; no Math.log), counting into a Uint32Array of slots.
 */
import type { KernelImpl } from '../contract.js';
import { throwIfAborted } from '../../errors.js';
import { binTable, type BinTable } from './bin-table.js';
import { defaultMapping } from './cubic-mapping.js';
import { finishSketch, type SketchStats } from './sketch-finish.js';
import { slotOfF32, slotOfF64, wordsOf } from './slot-of.js';
import type { SketchArgs, SketchOut } from './sketch.contract.js';

const CHUNK = 1 << 20;

function countF32(t: BinTable, values: Float32Array, counts: Uint32Array, from: number, to: number, s: SketchStats): void {
  const w = wordsOf(values);
  const packed = t.packed;
  const shift = 23 - t.k;
  const mask = (1 << shift) - 1;
  if (packed) {
    for (let i = from; i < to; i++) {
      const b = w[i];
      counts[(packed[b >>> shift] + (b & mask)) >>> (shift + 1)]++;
    }
  } else {
    for (let i = from; i < to; i++) counts[slotOfF32(t, w[i])]++;
  }
  let { sum, min, max } = s;
  for (let i = from; i < to; i++) {
    const v = values[i];
    if (v === v) {
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  Object.assign(s, { sum, min, max });
}

function countF64(t: BinTable, values: Float64Array, counts: Uint32Array, from: number, to: number, s: SketchStats): void {
  const w = wordsOf(values);
  let { sum, min, max } = s;
  for (let i = from; i < to; i++) {
    counts[slotOfF64(t, w[2 * i + 1], w[2 * i])]++;
    const v = values[i];
    if (v === v) {
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  Object.assign(s, { sum, min, max });
}

export const sketchJs: KernelImpl<SketchArgs, SketchOut> = {
  backend: 'js',
  run({ values, relativeAccuracy, maxBins }, ctx) {
    const t = ctx.telemetry.stage('table', () => binTable(defaultMapping(relativeAccuracy)));
    const counts = new Uint32Array(t.slots);
    const stats: SketchStats = { sum: 0, min: Infinity, max: -Infinity };
    ctx.telemetry.stage('bin', () => {
      for (let from = 0; from < values.length; from += CHUNK) {
        throwIfAborted(ctx.signal);
        const to = Math.min(values.length, from + CHUNK);
        if (values instanceof Float32Array) countF32(t, values, counts, from, to, stats);
        else countF64(t, values, counts, from, to, stats);
      }
    });
    return ctx.telemetry.stage('finish', () => finishSketch(t, counts, stats, values, maxBins));
  },
};
