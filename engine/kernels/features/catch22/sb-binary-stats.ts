/**
 * SB_BinaryStats: longest run in a binarised series.
 *  - mean_longstretch1: y_t above the mean → 1; longest stretch of 1s.
 *  - diff_longstretch0: increment y_{t+1} − y_t negative → 0; longest stretch of 0s.
 * Matching the reference: only the first n − 1 symbols are used, a stretch is measured as the
 * distance between successive "breaking" symbols (so it counts one more than the run between them
 * after the first break), and the last symbol always closes a stretch.
 */
import type { Catch22Scratch } from './scratch.js';

/** Longest gap between successive indices i < count where bits[i] = breakBit; index count − 1 always breaks. */
function longestGap(bits: Int32Array, count: number, breakBit: number): number {
  let longest = 0;
  let lastBreak = 0;
  for (let i = 0; i < count; i++) {
    if (bits[i] === breakBit || i === count - 1) {
      const stretch = i - lastBreak;
      if (stretch > longest) longest = stretch;
      lastBreak = i;
    }
  }
  return longest;
}

export function sbBinaryStatsMeanLongstretch1(s: Catch22Scratch): number {
  const n = s.n;
  const y = s.z;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += y[i];
  const m = sum / n;
  const bits = s.intA;
  for (let i = 0; i < n - 1; i++) bits[i] = y[i] - m <= 0 ? 0 : 1;
  return longestGap(bits, n - 1, 0);
}

export function sbBinaryStatsDiffLongstretch0(s: Catch22Scratch): number {
  const n = s.n;
  const y = s.z;
  const bits = s.intA;
  for (let i = 0; i < n - 1; i++) bits[i] = y[i + 1] - y[i] < 0 ? 0 : 1;
  return longestGap(bits, n - 1, 1);
}
