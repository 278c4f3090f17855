/**
 * Many DDSketches as one dense [groups × bins] count matrix per sign (keys ascending), sharing one mapping and
 * one bin window per sign. Quantiles for every group, merging of whole sets and of all groups into one sketch
 * are loops over flat Float64Arrays: no per-group objects until get() materializes one.
 */
import { invalidArgument } from '../../errors.js';
import type { BackendName, Telemetry } from '../../types.js';
import { quantilesOf, type BinsView } from './bin-rank.js';
import { DDSketch } from './ddsketch.js';
import type { IndexMapping } from './index-mapping.js';
import { columnSums, indexRows, mergeParts, type RowIndex, type SketchSetParts } from './sketch-rows.js';

export type { SketchSetParts } from './sketch-rows.js';

export class SketchSet {
  readonly keys: Uint32Array;
  readonly negLo: number;
  readonly negWidth: number;
  readonly posLo: number;
  readonly posWidth: number;
  /** keys.length × negWidth: bins of |v| for v < 0, column c is bin negLo + c. */
  readonly negative: Float64Array;
  /** keys.length × posWidth. */
  readonly positive: Float64Array;
  readonly zeroCounts: Float64Array;
  /** NaN kept under nan: 'propagate' (that group's quantiles are NaN). */
  readonly nanCounts: Float64Array;
  readonly sums: Float64Array;
  readonly mins: Float64Array;
  readonly maxs: Float64Array;
  /** Per group: zeros plus every bin. */
  readonly counts: Float64Array;
  backend?: BackendName;
  telemetry?: Telemetry;
  /** Per group and sign: total and the [from, to) columns holding its non-zero bins. */
  private readonly neg: RowIndex;
  private readonly pos: RowIndex;

  constructor(
    readonly mapping: IndexMapping,
    readonly maxBins: number,
    parts: SketchSetParts,
  ) {
    ({ keys: this.keys, negLo: this.negLo, negWidth: this.negWidth, posLo: this.posLo, posWidth: this.posWidth } = parts);
    ({ negative: this.negative, positive: this.positive, zeroCounts: this.zeroCounts, nanCounts: this.nanCounts } = parts);
    ({ sums: this.sums, mins: this.mins, maxs: this.maxs } = parts);
    this.neg = indexRows(this.negative, this.size, this.negWidth);
    this.pos = indexRows(this.positive, this.size, this.posWidth);
    this.counts = Float64Array.from(this.zeroCounts, (z, g) => z + this.neg.totals[g] + this.pos.totals[g]);
  }

  get size(): number {
    return this.keys.length;
  }

  /** Row of `key`, or −1. */
  indexOf(key: number): number {
    let lo = 0;
    let hi = this.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid] === key) return mid;
      if (this.keys[mid] < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private views(g: number): [BinsView, BinsView] {
    const view = (m: Float64Array, r: RowIndex, width: number, lo: number): BinsView => ({
      counts: m,
      from: g * width + r.from[g],
      to: g * width + r.to[g],
      first: lo + r.from[g],
      total: r.totals[g],
    });
    return [view(this.negative, this.neg, this.negWidth, this.negLo), view(this.positive, this.pos, this.posWidth, this.posLo)];
  }

  /** keys.length × q.length, row-major; NaN for empty groups and groups holding NaN. */
  quantiles(q: number | ArrayLike<number>): Float64Array {
    const qs = typeof q === 'number' ? [q] : Array.from(q);
    for (const p of qs) if (!(p >= 0 && p <= 1)) throw invalidArgument(`q: ${p} must be in [0, 1]`);
    // One walk per row for all q: walk them sorted, write them back in the caller's order.
    const order = qs.map((_, j) => j).sort((a, b) => qs[a] - qs[b]);
    const sorted = order.map((j) => qs[j]);
    const m = qs.length;
    const row = new Float64Array(m);
    const out = new Float64Array(this.size * m);
    const value = (k: number): number => this.mapping.value(k);
    for (let g = 0; g < this.size; g++) {
      if (this.nanCounts[g] > 0) {
        out.fill(NaN, g * m, (g + 1) * m);
        continue;
      }
      const [neg, pos] = this.views(g);
      quantilesOf(sorted, neg, this.zeroCounts[g], pos, value, this.mins[g], this.maxs[g], row, 0);
      for (let j = 0; j < m; j++) out[g * m + order[j]] = row[j];
    }
    return out;
  }

  /** Group g as a DDSketch of its own. */
  get(g: number): DDSketch {
    if (!(Number.isInteger(g) && g >= 0 && g < this.size)) throw invalidArgument(`group index ${g} is not in [0, ${this.size})`);
    const s = new DDSketch({ mapping: this.mapping, maxBins: this.maxBins });
    s.negative.addBins(this.negLo - g * this.negWidth, this.negative, g * this.negWidth, (g + 1) * this.negWidth);
    s.positive.addBins(this.posLo - g * this.posWidth, this.positive, g * this.posWidth, (g + 1) * this.posWidth);
    s.zeroCount = this.zeroCounts[g];
    s.nanCount = this.nanCounts[g];
    s.sum = this.sums[g];
    s.min = this.mins[g];
    s.max = this.maxs[g];
    return s;
  }

  sketchFor(key: number): DDSketch | undefined {
    const g = this.indexOf(key);
    return g < 0 ? undefined : this.get(g);
  }

  /** All groups merged into one sketch: column sums of the matrices (the fast way to merge many sketches). */
  mergeAll(): DDSketch {
    const s = new DDSketch({ mapping: this.mapping, maxBins: this.maxBins });
    s.negative.addBins(this.negLo, columnSums(this.negative, this.neg, this.negWidth));
    s.positive.addBins(this.posLo, columnSums(this.positive, this.pos, this.posWidth));
    for (let g = 0; g < this.size; g++) {
      s.zeroCount += this.zeroCounts[g];
      s.nanCount += this.nanCounts[g];
      s.sum += this.sums[g];
      s.min = Math.min(s.min, this.mins[g]);
      s.max = Math.max(s.max, this.maxs[g]);
    }
    return s;
  }

  /** Adds group g (default: every group) into `target`, a sketch with the same mapping. */
  mergeInto(target: DDSketch, g?: number): DDSketch {
    return target.merge(g === undefined ? this.mergeAll() : this.get(g));
  }

  /** A new set with the union of both key sets; equal keys merge. Windows are re-cut to maxBins. */
  merge(other: SketchSet): SketchSet {
    return SketchSet.mergeAll([this, other]);
  }

  /** Merges many sets at once (one allocation for the result). */
  static mergeAll(sets: readonly SketchSet[]): SketchSet {
    if (sets.length === 0) throw invalidArgument('SketchSet.mergeAll: no sets');
    const first = sets[0];
    for (const s of sets) {
      if (s.mapping.id !== first.mapping.id) throw invalidArgument(`merge: mappings differ (${first.mapping.id} vs ${s.mapping.id})`);
    }
    return new SketchSet(first.mapping, first.maxBins, mergeParts(sets, first.maxBins));
  }
}
