// Batched real FFT for the `rfft` kernel: series i is data[starts[i] … starts[i] + lengths[i]) (f32),
// zero-padded or truncated to n, optionally Hann-windowed; four series per pass of the lane-per-series FFT.
// Output rows: magnitude (n/2 + 1 f32) or complex (n/2 + 1 interleaved re, im pairs).
import { fftBuildTables, fftTableBytes } from './lib/fft-plan';
import { SPLIT_COMPLEX, SPLIT_MAGNITUDE, realFft4, realFftWorkBytes } from './lib/fft-real';
import { storeTransposed } from './lib/fft-simd';
import { fftResetCaches, stageSeries, windowBytes } from './lib/fft-window';

export { fftResetCaches, fftTableBytes, realFftWorkBytes, windowBytes };

/**
 * Scratch bytes rfftSeries needs beyond the tables and the window: 4 staging rows, a zero row, work,
 * magnitudes, and a trash row that takes the padding lanes' output (a whole complex row: n + 2 floats).
 */
export function rfftScratchBytes(n: i32): usize {
  const row = (<usize>n << 2) + 64;
  return 6 * row + 2 * realFftWorkBytes(n);
}

/** Rows of magnitudes from one vector per bin (lane = series) at mags. */
function writeMagnitude(mags: usize, bins: i32, r0: usize, r1: usize, r2: usize, r3: usize): void {
  let k = 0;
  for (; k + 4 <= bins; k += 4) {
    const p = mags + (<usize>k << 4);
    const o = <usize>k << 2;
    storeTransposed(v128.load(p), v128.load(p, 16), v128.load(p, 32), v128.load(p, 48), r0 + o, r1 + o, r2 + o, r3 + o);
  }
  for (; k < bins; k++) {
    const v = v128.load(mags + (<usize>k << 4));
    const o = <usize>k << 2;
    store<f32>(r0 + o, f32x4.extract_lane(v, 0));
    store<f32>(r1 + o, f32x4.extract_lane(v, 1));
    store<f32>(r2 + o, f32x4.extract_lane(v, 2));
    store<f32>(r3 + o, f32x4.extract_lane(v, 3));
  }
}

function writeComplex(work: usize, bins: i32, r0: usize, r1: usize, r2: usize, r3: usize): void {
  let k = 0;
  for (; k + 2 <= bins; k += 2) {
    const p = work + (<usize>k << 5);
    const o = <usize>k << 3;
    storeTransposed(v128.load(p), v128.load(p, 16), v128.load(p, 32), v128.load(p, 48), r0 + o, r1 + o, r2 + o, r3 + o);
  }
  if (k < bins) {
    const p = work + (<usize>k << 5);
    const re = v128.load(p), im = v128.load(p, 16);
    const o = <usize>k << 3;
    store<f32>(r0 + o, f32x4.extract_lane(re, 0));
    store<f32>(r0 + o, f32x4.extract_lane(im, 0), 4);
    store<f32>(r1 + o, f32x4.extract_lane(re, 1));
    store<f32>(r1 + o, f32x4.extract_lane(im, 1), 4);
    store<f32>(r2 + o, f32x4.extract_lane(re, 2));
    store<f32>(r2 + o, f32x4.extract_lane(im, 2), 4);
    store<f32>(r3 + o, f32x4.extract_lane(re, 3));
    store<f32>(r3 + o, f32x4.extract_lane(im, 3), 4);
  }
}

/**
 * rfft of `count` series. starts/lengths: u32 arrays; out: count rows of rowBytes; tw: fftTableBytes(n)
 * bytes and win: windowBytes(n) bytes, both caches the host keeps intact between calls (or resets with
 * fftResetCaches); scratch: rfftScratchBytes(n).
 */
export function rfftSeries(
  data: usize, starts: usize, lengths: usize, count: i32, n: i32, hann: i32, complexOut: i32,
  out: usize, tw: usize, win: usize, scratch: usize,
): void {
  fftBuildTables(n, tw);
  const row = ((<usize>n << 2) + 64) & ~(<usize>15);
  const zeroRow = scratch + 4 * row;
  memory.fill(zeroRow, 0, <usize>n << 2);
  const work = scratch + 5 * row;
  const mags = work + realFftWorkBytes(n);
  const trash = mags + realFftWorkBytes(n);
  const bins = (n >> 1) + 1;
  const rowBytes = <usize>bins << (complexOut ? 3 : 2);
  const src = memory.data(16);
  const dst = memory.data(16);
  for (let g = 0; g < count; g += 4) {
    for (let lane = 0; lane < 4; lane++) {
      const s = g + lane;
      const slot = <usize>lane << 2;
      if (s >= count) {
        store<usize>(src + slot, zeroRow);
        store<usize>(dst + slot, trash);
        continue;
      }
      const start = data + (<usize>load<u32>(starts + (<usize>s << 2)) << 2);
      const len = <i32>load<u32>(lengths + (<usize>s << 2));
      store<usize>(src + slot, !hann && len >= n ? start : stageSeries(start, len, n, hann, 0, scratch + <usize>lane * row, win));
      store<usize>(dst + slot, out + <usize>s * rowBytes);
    }
    const kind = complexOut ? SPLIT_COMPLEX : SPLIT_MAGNITUDE;
    realFft4(load<usize>(src), load<usize>(src, 4), load<usize>(src, 8), load<usize>(src, 12), n, work, tw, kind, mags);
    if (complexOut) writeComplex(work, bins, load<usize>(dst), load<usize>(dst, 4), load<usize>(dst, 8), load<usize>(dst, 12));
    else writeMagnitude(mags, bins, load<usize>(dst), load<usize>(dst, 4), load<usize>(dst, 8), load<usize>(dst, 12));
  }
}
