/**
 * Row-wise work on SketchSet matrices ([groups × width], row-major, float64): row totals and non-zero
 * extents, column sums, and merging whole sets into one key-aligned set of matrices.
 */
import type { GroupedSketchOut } from './grouped-sketch.contract.js';
import { windowOf } from './grouped-sketch.contract.js';
import { addInto } from './add-into.js';

export type SketchSetParts = Omit<GroupedSketchOut, 'infCounts'>;

export interface RowIndex {
  totals: Float64Array;
  from: Int32Array;
  to: Int32Array;
}

/** One pass over the matrix: row totals and non-zero extents, so later passes skip the empty columns. */
export function indexRows(m: Float64Array, rows: number, width: number): RowIndex {
  const r: RowIndex = { totals: new Float64Array(rows), from: new Int32Array(rows), to: new Int32Array(rows) };
  for (let g = 0; g < rows; g++) {
    const base = g * width;
    let from = width;
    let to = 0;
    let total = 0;
    for (let c = 0; c < width; c++) {
      const v = m[base + c];
      if (v === 0) continue;
      total += v;
      if (c < from) from = c;
      to = c + 1;
    }
    r.totals[g] = total;
    r.from[g] = Math.min(from, to);
    r.to[g] = to;
  }
  return r;
}

/**
 * Σ over rows, four rows per pass over the union of their extents: a quarter of the read-modify-writes of
 * the output and four input streams in flight (10k × 924 columns: 6.6 ms vs 15 ms row by row).
 */
export function columnSums(m: Float64Array, r: RowIndex, width: number): Float64Array {
  const out = new Float64Array(width);
  const rows = r.totals.length;
  let g = 0;
  for (; g + 4 <= rows; g += 4) {
    const from = Math.min(r.from[g], r.from[g + 1], r.from[g + 2], r.from[g + 3]);
    const to = Math.max(r.to[g], r.to[g + 1], r.to[g + 2], r.to[g + 3]);
    const a = g * width;
    const b = a + width;
    const c = b + width;
    const d = c + width;
    for (let i = from; i < to; i++) out[i] += m[a + i] + m[b + i] + m[c + i] + m[d + i];
  }
  for (; g < rows; g++) addInto(out, r.from[g], m, g * width + r.from[g], r.to[g] - r.from[g]);
  return out;
}

/** dst[bin] += src[bin] over src's row, bins below dst's window collapsing into its first column. */
export function addRow(dst: Float64Array, at: number, lo: number, width: number, src: Float64Array, from: number, srcLo: number, srcWidth: number): void {
  if (width === 0 || srcWidth === 0) return;
  const below = Math.min(Math.max(lo - srcLo, 0), srcWidth);
  let folded = 0;
  for (let c = 0; c < below; c++) folded += src[from + c];
  dst[at] += folded;
  addInto(dst, at + srcLo + below - lo, src, from + below, srcWidth - below);
}

/** The parts of the union of sets (same mapping): keys merged, windows re-cut to maxBins, equal keys added. */
export function mergeParts(sets: readonly SketchSetParts[], maxBins: number): SketchSetParts {
  const keys = Uint32Array.from(new Set(sets.flatMap((s) => Array.from(s.keys)))).sort();
  const G = keys.length;
  const side = (lo: (s: SketchSetParts) => number, width: (s: SketchSetParts) => number) => {
    let a = Infinity;
    let b = -Infinity;
    for (const s of sets) if (width(s) > 0) [a, b] = [Math.min(a, lo(s)), Math.max(b, lo(s) + width(s) - 1)];
    return windowOf(a, b, maxBins);
  };
  const neg = side((s) => s.negLo, (s) => s.negWidth);
  const pos = side((s) => s.posLo, (s) => s.posWidth);
  const parts: SketchSetParts = {
    keys, negLo: neg.lo, negWidth: neg.width, posLo: pos.lo, posWidth: pos.width,
    negative: new Float64Array(G * neg.width), positive: new Float64Array(G * pos.width),
    zeroCounts: new Float64Array(G), nanCounts: new Float64Array(G), sums: new Float64Array(G),
    mins: new Float64Array(G).fill(Infinity), maxs: new Float64Array(G).fill(-Infinity),
  };
  for (const s of sets) {
    let row = 0;
    for (let g = 0; g < s.keys.length; g++) {
      while (keys[row] !== s.keys[g]) row++;
      addRow(parts.negative, row * neg.width, neg.lo, neg.width, s.negative, g * s.negWidth, s.negLo, s.negWidth);
      addRow(parts.positive, row * pos.width, pos.lo, pos.width, s.positive, g * s.posWidth, s.posLo, s.posWidth);
      parts.zeroCounts[row] += s.zeroCounts[g];
      parts.nanCounts[row] += s.nanCounts[g];
      parts.sums[row] += s.sums[g];
      parts.mins[row] = Math.min(parts.mins[row], s.mins[g]);
      parts.maxs[row] = Math.max(parts.maxs[row], s.maxs[g]);
    }
  }
  return parts;
}
