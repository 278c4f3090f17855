/**
 * The plain O(n²) DFT of the real sequence x (zero-padded or truncated to n), bins 0 … n/2, in f64: the
 * yardstick for every FFT here. Angles come from an exact integer (k·t mod n) into a cos/sin table, so the
 * reference itself carries no phase drift.
 */
const tables = new Map<number, { cos: Float64Array; sin: Float64Array }>();

function table(n: number): { cos: Float64Array; sin: Float64Array } {
  let t = tables.get(n);
  if (!t) {
    t = { cos: new Float64Array(n), sin: new Float64Array(n) };
    for (let i = 0; i < n; i++) {
      t.cos[i] = Math.cos((2 * Math.PI * i) / n);
      t.sin[i] = -Math.sin((2 * Math.PI * i) / n);
    }
    if (tables.size > 16) tables.clear();
    tables.set(n, t);
  }
  return t;
}

/** re[k], im[k] for k = 0 … ⌊n/2⌋ of Σ_t x[t]·e^{−2πikt/n}, t < min(x.length, n). */
export function naiveRealDft(x: ArrayLike<number>, n: number): { re: Float64Array; im: Float64Array } {
  const bins = Math.floor(n / 2) + 1;
  const re = new Float64Array(bins);
  const im = new Float64Array(bins);
  const { cos, sin } = table(n);
  const use = Math.min(x.length, n);
  for (let k = 0; k < bins; k++) {
    let sr = 0;
    let si = 0;
    let idx = 0;
    for (let t = 0; t < use; t++) {
      sr += x[t] * cos[idx];
      si += x[t] * sin[idx];
      idx += k;
      if (idx >= n) idx -= n;
    }
    re[k] = sr;
    im[k] = si;
  }
  return { re, im };
}
