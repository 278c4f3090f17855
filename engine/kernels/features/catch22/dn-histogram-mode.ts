/**
 * DN_HistogramMode_{5,10}: centre of the most populated bin of an equal-width histogram of the
 * z-scored series; when several bins tie, the mean of their centres.
 */
import { histogramCounts } from './histogram.js';
import type { Catch22Scratch } from './scratch.js';

const counts = new Int32Array(10);

export function dnHistogramMode(s: Catch22Scratch, nBins: number): number {
  const n = s.n;
  const minVal = s.minZ;
  const maxVal = s.maxZ;
  const step = histogramCounts(s.z, 0, n, nBins, counts, minVal, maxVal);
  let maxCount = 0;
  let numMaxs = 1;
  let sumCentres = 0;
  for (let i = 0; i < nBins; i++) {
    const centre = (i * step + minVal + ((i + 1) * step + minVal)) * 0.5;
    if (counts[i] > maxCount) {
      maxCount = counts[i];
      numMaxs = 1;
      sumCentres = centre;
    } else if (counts[i] === maxCount) {
      numMaxs++;
      sumCentres += centre;
    }
  }
  return sumCentres / numMaxs;
}
