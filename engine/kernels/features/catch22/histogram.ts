/**
 * Equal-width histogram as the reference builds it: bin = trunc((v − min) / step), clamped to the
 * last bin (so the maximum lands there), edges e_i = i·step + min.
 */

/** Counts v[start..start+count) into counts[0..nBins); returns the bin step. */
export function histogramCounts(
  v: Float64Array, start: number, count: number, nBins: number, counts: Int32Array, minVal: number, maxVal: number,
): number {
  const step = (maxVal - minVal) / nBins;
  counts.fill(0, 0, nBins);
  for (let i = start; i < start + count; i++) {
    let bin = Math.trunc((v[i] - minVal) / step);
    if (bin < 0) bin = 0;
    if (bin >= nBins) bin = nBins - 1;
    counts[bin]++;
  }
  return step;
}
