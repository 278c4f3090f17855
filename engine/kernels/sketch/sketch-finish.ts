/**
 * From a kernel's dense slot counts to the kernel output: the two stores (collapsed to maxBins), the values the
 * table leaves to the host (subnormal float32, float64 outside the table's exponent window) binned exactly
 * with the float64 mapping, and the stats. Shared by every backend so they differ only in how they count.
 */
import type { NumericArray } from '../../types.js';
import { DDSketch } from './ddsketch.js';
import { DenseStore } from './dense-store.js';
import { SLOT_INF, SLOT_NAN, SLOT_NEG, SLOT_SLOW, SLOT_ZERO, type BinTable } from './bin-table.js';
import { forEachSlow } from './slot-of.js';
import type { SketchOut } from './sketch.contract.js';

export interface SketchStats {
  sum: number;
  min: number;
  max: number;
}

export function finishSketch(t: BinTable, counts: ArrayLike<number>, stats: SketchStats, values: NumericArray, maxBins: number): SketchOut {
  const negative = new DenseStore(maxBins);
  const positive = new DenseStore(maxBins);
  negative.addBins(t.iMin - SLOT_NEG, counts, SLOT_NEG, t.posBase);
  positive.addBins(t.iMin - t.posBase, counts, t.posBase, t.slots);
  let zeroCount = counts[SLOT_ZERO];
  if (counts[SLOT_SLOW] > 0) {
    const m = t.mapping;
    forEachSlow(t, values, (i) => {
      const v = values[i];
      if (Math.abs(v) <= m.minIndexable) zeroCount++;
      else if (v > 0) positive.add(m.key(v));
      else negative.add(m.key(-v));
    });
  }
  return {
    negative: negative.bins(),
    positive: positive.bins(),
    zeroCount,
    nanCount: counts[SLOT_NAN],
    infCount: counts[SLOT_INF],
    ...stats,
  };
}

/** The engine's result object from a kernel output (NaN count kept only under nan: 'propagate'). */
export function sketchFromOut(out: SketchOut, t: { mapping: DDSketch['mapping'] }, maxBins: number, keepNaN: boolean): DDSketch {
  const s = new DDSketch({ mapping: t.mapping, maxBins });
  s.negative.addBins(out.negative.offset, out.negative.counts);
  s.positive.addBins(out.positive.offset, out.positive.counts);
  s.zeroCount = out.zeroCount;
  s.nanCount = keepNaN ? out.nanCount : 0;
  s.sum = out.sum;
  s.min = out.min;
  s.max = out.max;
  return s;
}
