// CO_Embed2_Dist_tau_d_expfit_meandiff: in the 2-D delay embedding (y_t, y_{t+τ}), τ the first zero of the ACF
// capped at n/10, take the distances between successive points; fit an exponential density with the same
// mean and return the mean absolute difference between it and the histogram of the distances
// (Freedman–Diaconis-like bin count: range / (3.5·σ / m^{1/3})).
import { histogramCounts } from './c22-histogram';
import { ldf, ldi, ldv, stv } from './c22-mem';
import { FIRST_ZERO_AC, INT_A, N, WORK_A, Z } from './c22-scratch';
import { stdOf } from './c22-stats';
import { CBRT_K } from './c22-tables';

export function coEmbed2DistExpfitMeandiff(): f64 {
  const n = N, y = Z;
  let tau = FIRST_ZERO_AC;
  if (<f64>tau > <f64>n / 10) tau = <i32>Math.floor(<f64>n / 10);
  const m = n - tau - 1;
  const d = WORK_A;
  // distances two at a time (sqrt and the rest round per lane as scalar f64), then the ordered sum
  let i = 0;
  for (; i + 2 <= m; i += 2) {
    const a = f64x2.sub(ldv(y, i + 1), ldv(y, i));
    const b = f64x2.sub(ldv(y, i + tau), ldv(y, i + tau + 1));
    stv(d, i, f64x2.sqrt(f64x2.add(f64x2.mul(a, a), f64x2.mul(b, b))));
  }
  for (; i < m; i++) {
    const a = ldf(y, i + 1) - ldf(y, i);
    const b = ldf(y, i + tau) - ldf(y, i + tau + 1);
    store<f64>(d + (<usize>i << 3), Math.sqrt(a * a + b * b));
  }
  let sum: f64 = 0;
  let minVal = Infinity;
  let maxVal = -Infinity;
  for (i = 0; i < m; i++) {
    const v = ldf(d, i);
    sum += v;
    if (v < minVal) minVal = v;
    if (v > maxVal) maxVal = v;
  }
  const meanDist = sum / <f64>m;
  const sd = stdOf(d, 0, m);
  // the reference gives up (returns 0) when the distances hardly vary
  if (sd < 0.001) return 0;
  // m^{1/3} from the host's Math.pow table: the bin count is a ceil and must see the same rounding
  const nBinsF = Math.ceil((maxVal - minVal) / ((3.5 * sd) / ldf(CBRT_K, m)));
  if (nBinsF == 0) return 0;
  // nBins ≤ 2·(m−1)/√m · m^{1/3}/3.5 + 1 < m: INT_A (n + 2 entries) holds the counts
  if (!(nBinsF <= <f64>n)) return NaN; // not reached: guards memory, never traps
  const nBins = <i32>nBinsF;
  const counts = INT_A;
  const step = histogramCounts(d, 0, m, nBins, counts, minVal, maxVal);
  let diffSum: f64 = 0;
  for (let b = 0; b < nBins; b++) {
    const centre = (<f64>b * step + minVal + (<f64>(b + 1) * step + minVal)) * 0.5;
    let expFit = Math.exp(-centre / meanDist) / meanDist;
    if (expFit < 0) expFit = 0;
    diffSum += Math.abs(<f64>ldi(counts, b) / <f64>m - expFit);
  }
  return diffSum / <f64>nBins;
}
