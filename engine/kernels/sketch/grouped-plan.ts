/**
 * The host side of grouped sketches, shared by every backend: from pass 1's slot range (plus the values the
 * table leaves to the host) to the shared window and the slot → column map the counting pass uses, and from
 * the counted [groups × width] matrix (columns: zero, slow, ∞, NaN, negative window, positive window) to the
 * kernel output.
 */
import { GpulseError } from '../../errors.js';
import type { NumericArray } from '../../types.js';
import { SLOT_INF, SLOT_NAN, SLOT_NEG, SLOT_ZERO, type BinTable } from './bin-table.js';
import type { DenseGroups } from './dense-groups.js';
import { windowOf, type GroupedSketchOut } from './grouped-sketch.contract.js';
import { forEachSlow } from './slot-of.js';

/** Lowest / highest bin slot per sign seen by pass 1 (min > max: none). */
export interface SlotRange {
  negMin: number;
  negMax: number;
  posMin: number;
  posMax: number;
}

export const EMPTY_RANGE: SlotRange = { negMin: Infinity, negMax: -Infinity, posMin: Infinity, posMax: -Infinity };

/** A value binned on the host: side 0 zero, −1 negative, +1 positive. */
export interface SlowValue {
  i: number;
  side: -1 | 0 | 1;
  index: number;
}

export function collectSlow(t: BinTable, values: NumericArray): SlowValue[] {
  const m = t.mapping;
  const out: SlowValue[] = [];
  forEachSlow(t, values, (i) => {
    const v = values[i];
    if (Math.abs(v) <= m.minIndexable) out.push({ i, side: 0, index: 0 });
    else out.push({ i, side: v > 0 ? 1 : -1, index: m.key(Math.abs(v)) });
  });
  return out;
}

export interface GroupedPlan {
  neg: { lo: number; width: number };
  pos: { lo: number; width: number };
  /** Matrix columns: 4 specials + neg.width + pos.width. */
  width: number;
  /** Column of each bin slot, clamped into the window (that is the collapse). */
  colOf: Int32Array;
}

/** Cells a grouped matrix may have (u32 while counting, float64 in the result). */
export const MAX_CELLS = 2 ** 27;

export function planGrouped(t: BinTable, r: SlotRange, slow: SlowValue[], maxBins: number, groups: number): GroupedPlan {
  let [nlo, nhi] = r.negMin <= r.negMax ? [t.iMin + r.negMin - SLOT_NEG, t.iMin + r.negMax - SLOT_NEG] : [Infinity, -Infinity];
  let [plo, phi] = r.posMin <= r.posMax ? [t.iMin + r.posMin - t.posBase, t.iMin + r.posMax - t.posBase] : [Infinity, -Infinity];
  for (const s of slow) {
    if (s.side < 0) [nlo, nhi] = [Math.min(nlo, s.index), Math.max(nhi, s.index)];
    if (s.side > 0) [plo, phi] = [Math.min(plo, s.index), Math.max(phi, s.index)];
  }
  const neg = windowOf(nlo, nhi, maxBins);
  const pos = windowOf(plo, phi, maxBins);
  const width = 4 + neg.width + pos.width;
  if (groups * width > MAX_CELLS) {
    throw new GpulseError('INPUT_TOO_LARGE', `groupedSketch: ${groups} groups × ${width} bins exceed ${MAX_CELLS} cells; lower maxBins or split the groups`);
  }
  const colOf = new Int32Array(t.slots);
  for (let s = 0; s < 4; s++) colOf[s] = s;
  const clamp = (x: number, w: number): number => Math.min(Math.max(x, 0), Math.max(w - 1, 0));
  for (let s = SLOT_NEG; s < t.posBase; s++) colOf[s] = 4 + clamp(t.iMin + s - SLOT_NEG - neg.lo, neg.width);
  for (let s = t.posBase; s < t.slots; s++) colOf[s] = 4 + neg.width + clamp(t.iMin + s - t.posBase - pos.lo, pos.width);
  return { neg, pos, width, colOf };
}

export interface GroupStats {
  sums: Float64Array;
  mins: Float64Array;
  maxs: Float64Array;
}

export function finishGrouped(d: DenseGroups, plan: GroupedPlan, matrix: ArrayLike<number>, stats: GroupStats, slow: SlowValue[]): GroupedSketchOut {
  const G = d.keys.length;
  const { neg, pos, width } = plan;
  const out: GroupedSketchOut = {
    keys: d.keys, negLo: neg.lo, negWidth: neg.width, posLo: pos.lo, posWidth: pos.width,
    negative: new Float64Array(G * neg.width), positive: new Float64Array(G * pos.width),
    zeroCounts: new Float64Array(G), nanCounts: new Float64Array(G), infCounts: new Float64Array(G),
    ...stats,
  };
  for (let g = 0; g < G; g++) {
    const row = g * width;
    out.zeroCounts[g] = matrix[row + SLOT_ZERO];
    out.infCounts[g] = matrix[row + SLOT_INF];
    out.nanCounts[g] = matrix[row + SLOT_NAN];
    for (let c = 0; c < neg.width; c++) out.negative[g * neg.width + c] = matrix[row + 4 + c];
    for (let c = 0; c < pos.width; c++) out.positive[g * pos.width + c] = matrix[row + 4 + neg.width + c];
  }
  for (const s of slow) {
    const g = d.index[s.i];
    if (s.side === 0) out.zeroCounts[g]++;
    else if (s.side < 0) out.negative[g * neg.width + Math.max(s.index, neg.lo) - neg.lo]++;
    else out.positive[g * pos.width + Math.max(s.index, pos.lo) - pos.lo]++;
  }
  return out;
}

export function emptyStats(G: number): GroupStats {
  return { sums: new Float64Array(G), mins: new Float64Array(G).fill(Infinity), maxs: new Float64Array(G).fill(-Infinity) };
}

/** Per-group sum / min / max on the host (NaN left out), in input order. */
export function hostGroupStats(values: NumericArray, index: Uint32Array, G: number): GroupStats {
  const s = emptyStats(G);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    const g = index[i];
    s.sums[g] += v;
    if (v < s.mins[g]) s.mins[g] = v;
    if (v > s.maxs[g]) s.maxs[g] = v;
  }
  return s;
}
