/**
 * A DDSketch store: float64 counts for the contiguous bin indices [lo, hi], collapsing the lowest bins once
 * the span passes maxBins. Collapsing keeps the window [hi − maxBins + 1, hi] and adds everything below it
 * into its lowest bin; since hi only grows, adding values one by one ends in the same state as adding them
 * all and collapsing once, which is what lets the kernels bin in bulk and collapse at the end.
 */
import type { BinsView } from './bin-rank.js';
import { addInto, addIntoAny } from './add-into.js';

export class DenseStore {
  /** counts[i] is bin offset + i; capacity may exceed [lo, hi]. */
  private counts = new Float64Array(0);
  private offset = 0;
  /** Lowest and highest bin in use; lo > hi while empty. */
  lo = 0;
  hi = -1;
  total = 0;

  constructor(readonly maxBins = Infinity) {}

  get isEmpty(): boolean {
    return this.lo > this.hi;
  }

  add(index: number, weight = 1): void {
    this.include(index, index);
    this.counts[Math.max(index, this.lo) - this.offset] += weight;
    this.total += weight;
  }

  /** Adds counts[i] to bin offset + i for i in [from, to) (a store, a kernel's output, a decoded message). */
  addBins(offset: number, counts: ArrayLike<number>, from = 0, to = counts.length): void {
    while (from < to && counts[from] === 0) from++;
    while (to > from && counts[to - 1] === 0) to--;
    if (from >= to) return;
    this.include(offset + from, offset + to - 1);
    // Bins below the (possibly collapsed) window land in its lowest bin.
    const split = Math.min(Math.max(this.lo - offset, from), to);
    let below = 0;
    for (let i = from; i < split; i++) below += counts[i];
    this.counts[this.lo - this.offset] += below;
    let total = below;
    for (let i = split; i < to; i++) total += counts[i];
    addIntoAny(this.counts, split + offset - this.offset, counts, split, to - split);
    this.total += total;
  }

  merge(other: DenseStore): void {
    if (!other.isEmpty) this.addBins(other.offset, other.counts, other.lo - other.offset, other.hi - other.offset + 1);
  }

  get(index: number): number {
    return index < this.lo || index > this.hi ? 0 : this.counts[index - this.offset];
  }

  /** A copy of the counts of [lo, hi] (empty when the store is). */
  bins(): { offset: number; counts: Float64Array } {
    if (this.isEmpty) return { offset: 0, counts: new Float64Array(0) };
    return { offset: this.lo, counts: this.counts.slice(this.lo - this.offset, this.hi - this.offset + 1) };
  }

  /** The counts as a view for quantile lookups (bin-rank.ts). */
  view(): BinsView {
    if (this.isEmpty) return { counts: this.counts, from: 0, to: 0, first: 0, total: 0 };
    return { counts: this.counts, from: this.lo - this.offset, to: this.hi - this.offset + 1, first: this.lo, total: this.total };
  }

  clone(): DenseStore {
    const s = new DenseStore(this.maxBins);
    s.merge(this);
    return s;
  }

  /**
   * One store holding the sum of many (the fast path of merging many sketches): one allocation and one
   * unrolled pass per source. It runs at the speed of reading the sources' counts from memory (adding
   * four sources at a time measured no faster).
   */
  static sum(stores: readonly DenseStore[], maxBins: number): DenseStore {
    const out = new DenseStore(maxBins);
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of stores) {
      if (s.isEmpty) continue;
      lo = Math.min(lo, s.lo);
      hi = Math.max(hi, s.hi);
    }
    if (lo > hi) return out;
    out.include(lo, hi);
    for (const s of stores) {
      if (s.isEmpty) continue;
      // Bins below a collapsed window fold into its lowest bin.
      const split = Math.min(Math.max(out.lo, s.lo), s.hi + 1);
      let below = 0;
      for (let k = s.lo; k < split; k++) below += s.counts[k - s.offset];
      out.counts[out.lo - out.offset] += below;
      addInto(out.counts, split - out.offset, s.counts, split - s.offset, s.hi + 1 - split);
      out.total += s.total;
    }
    return out;
  }

  /** Widens [lo, hi] to take bins a..b, collapsing the lowest bins when the span passes maxBins. */
  private include(a: number, b: number): void {
    const newHi = this.isEmpty ? b : Math.max(this.hi, b);
    const newLo = Math.max(this.isEmpty ? a : Math.min(this.lo, a), newHi - this.maxBins + 1);
    if (!this.isEmpty && newLo === this.lo && newHi === this.hi) return;
    if (newLo >= this.offset && newHi < this.offset + this.counts.length) {
      if (!this.isEmpty && newLo > this.lo) {
        let moved = 0;
        for (let k = this.lo; k <= Math.min(this.hi, newLo - 1); k++) {
          moved += this.counts[k - this.offset];
          this.counts[k - this.offset] = 0;
        }
        this.counts[newLo - this.offset] += moved;
      }
    } else {
      // Grow with slack on both sides so a stream of adds reallocates O(log span) times.
      const span = newHi - newLo + 1;
      const cap = Math.max(span, Math.min(Math.max(2 * this.counts.length, 32), 2 * this.maxBins));
      const newOffset = newLo - Math.floor((cap - span) / 2);
      const next = new Float64Array(cap);
      if (!this.isEmpty) {
        for (let k = this.lo; k <= this.hi; k++) next[Math.max(k, newLo) - newOffset] += this.counts[k - this.offset];
      }
      this.counts = next;
      this.offset = newOffset;
    }
    this.lo = newLo;
    this.hi = newHi;
  }
}
