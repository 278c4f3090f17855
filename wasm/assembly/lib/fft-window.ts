// Staging of one series for the batched FFT: the first min(len, n) samples, minus `center`, times the
// periodic Hann window of that length (when hann ≠ 0), then zeros up to n. The window of the last length
// used stays cached at `win` (series of one call usually share a length).
import { fftResetTables } from './fft-plan';

let winLen: i32 = -1;
let winAt: usize = 0;

export function windowBytes(n: i32): usize {
  return (<usize>n << 2) + 16;
}

/** Periodic Hann of length L: w[i] = 0.5 − 0.5·cos(2πi/L); L = 1 gives [1]. */
function buildWindow(L: i32, win: usize): void {
  if (winLen == L && winAt == win) return;
  if (L == 1) store<f32>(win, 1);
  else for (let i = 0; i < L; i++) store<f32>(win + (<usize>i << 2), <f32>(0.5 - 0.5 * Math.cos((2.0 * Math.PI * <f64>i) / <f64>L)));
  winLen = L;
  winAt = win;
}

export function resetWindow(): void {
  winLen = -1;
}

/** Forgets both caches (tables and window): the host calls it when it moves or may have overwritten them. */
export function fftResetCaches(): void {
  winLen = -1;
  fftResetTables();
}

/** Writes the staged series to dst (n f32) and returns dst. */
export function stageSeries(src: usize, len: i32, n: i32, hann: i32, center: f32, dst: usize, win: usize): usize {
  const use = len < n ? len : n;
  const c = f32x4.splat(center);
  let i = 0;
  if (hann) {
    buildWindow(use, win);
    for (; i + 4 <= use; i += 4) {
      const o = <usize>i << 2;
      v128.store(dst + o, f32x4.mul(f32x4.sub(v128.load(src + o), c), v128.load(win + o)));
    }
    for (; i < use; i++) {
      const o = <usize>i << 2;
      store<f32>(dst + o, (load<f32>(src + o) - center) * load<f32>(win + o));
    }
  } else {
    for (; i + 4 <= use; i += 4) {
      const o = <usize>i << 2;
      v128.store(dst + o, f32x4.sub(v128.load(src + o), c));
    }
    for (; i < use; i++) store<f32>(dst + (<usize>i << 2), load<f32>(src + (<usize>i << 2)) - center);
  }
  if (use < n) memory.fill(dst + (<usize>use << 2), 0, <usize>(n - use) << 2);
  return dst;
}
