/**
 * The sampled path's rank windows (WASM backend). A stratified sample of s keys predicts where each wanted
 * rank lies; a window of sample positions around it (Z standard deviations of the binomial count plus slack)
 * becomes a value interval. One pass then counts the values below each window and copies the keys inside, and
 * assignRanks checks with those exact counts that every wanted rank fell inside its window. A miss (odds about
 * 1e-4 per window at Z = 4) or an overfull buffer sends the call to the exact path, so results never depend on
 * the sample.
 */

const Z = 4;

/** Positions in the sorted non-NaN sample (−1: open below; `sampled`: open above), merged when they overlap. */
export function sampleWindows(q: Float64Array, sampled: number): { lo: number; hi: number }[] {
  const spans = Array.from(q, (p) => {
    const c = p * sampled;
    const d = Z * Math.sqrt(sampled * p * (1 - p)) + 2;
    const lo = Math.floor(c - d) - 1;
    const hi = Math.ceil(c + d) + 1;
    return { lo: lo < 0 ? -1 : lo, hi: hi >= sampled ? sampled : hi };
  }).sort((a, b) => a.lo - b.lo);
  const out: { lo: number; hi: number }[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.lo <= last.hi) last.hi = Math.max(last.hi, s.hi);
    else out.push({ ...s });
  }
  return out;
}

/** A value interval [lo, hi] (inclusive) of the input, and the sample positions it came from. */
export interface ValueWindow {
  lo: number;
  hi: number;
  span: { lo: number; hi: number };
}

/**
 * Turns sample windows into value windows given the sampled value at a position, merging windows that touch
 * (equal sampled values at the edges, or −0 next to +0), so the windows are disjoint as the pass requires.
 * The pass compares floats: a window never splits the zeros, and NaN lies outside every window.
 */
export function valueWindows(pos: { lo: number; hi: number }[], valueAt: (position: number) => number, sampled: number): ValueWindow[] {
  const out: ValueWindow[] = [];
  for (const p of pos) {
    const lo = p.lo < 0 ? -Infinity : valueAt(p.lo);
    const hi = p.hi >= sampled ? Infinity : valueAt(p.hi);
    const last = out[out.length - 1];
    if (last && lo <= last.hi) {
      last.hi = Math.max(last.hi, hi);
      last.span.hi = Math.max(last.span.hi, p.hi);
    } else out.push({ lo, hi, span: { ...p } });
  }
  return out;
}

/** The pass's exact counts for one window, and the buffer capacity it had. */
export interface WindowCount {
  below: number;
  inside: number;
  cap: number;
}

/**
 * For ascending ranks: which window holds each, and its rank inside that window's buffer; null when a rank lies
 * outside every window or in one whose buffer overflowed.
 */
export function assignRanks(ranks: Float64Array, counts: WindowCount[]): { window: number; rel: number }[] | null {
  const out: { window: number; rel: number }[] = [];
  let k = 0;
  for (const r of ranks) {
    while (k < counts.length && r >= counts[k].below + counts[k].inside) k++;
    const c = counts[k];
    if (!c || r < c.below || c.inside > c.cap) return null;
    out.push({ window: k, rel: r - c.below });
  }
  return out;
}
