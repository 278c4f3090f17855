// SB_BinaryStats: longest run in a binarised series.
//  - mean_longstretch1: y_t above the mean → 1; longest stretch of 1s.
//  - diff_longstretch0: increment y_{t+1} − y_t negative → 0; longest stretch of 0s.
// Matching the reference: only the first n − 1 symbols count, a stretch is the distance between successive
// "breaking" symbols, and the last symbol always closes a stretch. The symbols are never stored: each scan
// keeps the last break and the longest stretch with selects (no branches on the data).
import { ldf } from './c22-mem';
import { N, Z } from './c22-scratch';

export function sbBinaryStatsMeanLongstretch1(): f64 {
  const n = N, y = Z;
  let sum: f64 = 0;
  for (let i = 0; i < n; i++) sum += ldf(y, i);
  const m = sum / <f64>n;
  const count = n - 1;
  let longest = 0, lastBreak = 0;
  for (let i = 0; i < count; i++) {
    // symbol 0 (y − mean ≤ 0) breaks a stretch of 1s
    const brk = ldf(y, i) - m <= 0 || i == count - 1;
    const stretch = i - lastBreak;
    longest = select<i32>(max(longest, stretch), longest, brk);
    lastBreak = select<i32>(i, lastBreak, brk);
  }
  return <f64>longest;
}

export function sbBinaryStatsDiffLongstretch0(): f64 {
  const n = N, y = Z;
  const count = n - 1;
  let longest = 0, lastBreak = 0;
  for (let i = 0; i < count; i++) {
    // symbol 1 (increment ≥ 0, or NaN) breaks a stretch of 0s
    const brk = !(ldf(y, i + 1) - ldf(y, i) < 0) || i == count - 1;
    const stretch = i - lastBreak;
    longest = select<i32>(max(longest, stretch), longest, brk);
    lastBreak = select<i32>(i, lastBreak, brk);
  }
  return <f64>longest;
}
