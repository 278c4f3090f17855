// Equal-width histogram as the reference builds it: bin = trunc((v − min) / step), clamped to the last bin (so
// the maximum lands there), edges e_i = i·step + min.
import { ldf, ldv } from './c22-mem';

@inline function countBin(counts: usize, q: f64, nBins: i32): void {
  let bin = Math.trunc(q);
  if (bin < 0) bin = 0;
  if (bin >= <f64>nBins) bin = <f64>(nBins - 1);
  // a NaN bin (0/0 when all values are equal) counts nowhere, as a typed-array write at NaN does in JS
  if (isNaN(bin)) return;
  const at = counts + (<usize><i32>bin << 2);
  store<i32>(at, load<i32>(at) + 1);
}

/** Counts v[start..start+count) into counts[0..nBins) (i32); returns the bin step. */
export function histogramCounts(
  v: usize, start: i32, count: i32, nBins: i32, counts: usize, minVal: f64, maxVal: f64,
): f64 {
  const step = (maxVal - minVal) / <f64>nBins;
  memory.fill(counts, 0, <usize>nBins << 2);
  const mv = f64x2.splat(minVal), sv = f64x2.splat(step);
  const end = start + count;
  let i = start;
  // the divisions two at a time (f64x2.div rounds per lane exactly as f64 division)
  for (; i + 2 <= end; i += 2) {
    const q = f64x2.div(f64x2.sub(ldv(v, i), mv), sv);
    countBin(counts, f64x2.extract_lane(q, 0), nBins);
    countBin(counts, f64x2.extract_lane(q, 1), nBins);
  }
  if (i < end) countBin(counts, (ldf(v, i) - minVal) / step, nBins);
  return step;
}
