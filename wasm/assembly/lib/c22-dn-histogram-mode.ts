// DN_HistogramMode_{5,10}: centre of the most populated bin of an equal-width histogram of the z-scored series;
// when several bins tie, the mean of their centres.
import { histogramCounts } from './c22-histogram';
import { ldi } from './c22-mem';
import { MAX_Z, MIN_Z, N, Z } from './c22-scratch';

const counts = memory.data(10 * 4);

export function dnHistogramMode(nBins: i32): f64 {
  const minVal = MIN_Z;
  const step = histogramCounts(Z, 0, N, nBins, counts, minVal, MAX_Z);
  let maxCount = 0;
  let numMaxs = 1;
  let sumCentres: f64 = 0;
  for (let i = 0; i < nBins; i++) {
    const centre = (<f64>i * step + minVal + (<f64>(i + 1) * step + minVal)) * 0.5;
    const c = ldi(counts, i);
    if (c > maxCount) {
      maxCount = c;
      numMaxs = 1;
      sumCentres = centre;
    } else if (c == maxCount) {
      numMaxs++;
      sumCentres += centre;
    }
  }
  return sumCentres / <f64>numMaxs;
}
