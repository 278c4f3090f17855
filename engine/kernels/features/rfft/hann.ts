/**
 * The periodic ("DFT-even") Hann window, as scipy.signal.get_window('hann', L): w[i] = 0.5 − 0.5·cos(2πi/L).
 * It windows the series' own samples before zero padding; a 1-point window is [1] (scipy's length guard).
 * Tables are cached per length: one call usually windows many series of the same length.
 */
const cache = new Map<number, Float64Array>();

export function hannWindow(length: number): Float64Array {
  let w = cache.get(length);
  if (!w) {
    w = new Float64Array(length);
    if (length === 1) w[0] = 1;
    else for (let i = 0; i < length; i++) w[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / length);
    if (cache.size > 64) cache.clear();
    cache.set(length, w);
  }
  return w;
}

/** Smallest power of two ≥ length (1 for 0 and 1). */
export function nextPow2(length: number): number {
  let n = 1;
  while (n < length) n *= 2;
  return n;
}

export function isPow2(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && (n & (n - 1)) === 0;
}
