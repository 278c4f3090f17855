// The 'fast' feature set, four series per group (engine/kernels/features/fast/fast.wasm.ts plans the
// groups): per series pass 1 and pass 2 (lib/fft-features-moments), lag sums, exact percentile ranks
// (lib/fft-features-select); then the group's windowed deviations go through one lane-per-series real FFT and
// spectral sums (lib/fft-features-spectral). Results are raw sums in per-series f64 records; the host finishes them.
import { fftBuildTables, fftTableBytes, log2i } from './lib/fft-plan';
import { SPLIT_POWER, realFft4, realFftWorkBytes } from './lib/fft-real';
import { fftResetCaches, stageSeries, windowBytes } from './lib/fft-window';
import { ACC_MAX, ACC_MIN, ACC_SE } from './lib/fft-features-acc';
import { lagSums } from './lib/fft-features-lags';
import { pass1, pass2 } from './lib/fft-features-moments';
import { selectRanks, selectScratchBytes } from './lib/fft-features-select';
import { spectralSums } from './lib/fft-features-spectral';

export { fftResetCaches, fftTableBytes, windowBytes };

const EMPTY: u32 = 0xffffffff;

@inline function rowBytes(nfft: i32): usize {
  return ((<usize>nfft << 2) + 79) & ~(<usize>63);
}

/** Scratch for series up to maxLen points (FFT size up to nfft); tables and window live elsewhere. */
export function fastScratchBytes(maxLen: i32, nfft: i32): usize {
  return 5 * rowBytes(nfft) + selectScratchBytes(maxLen) + realFftWorkBytes(nfft) + (<usize>(nfft / 2 + 2) << 4) + 128;
}

/**
 * order: nOrder u32 series indices, grouped by four with one FFT size per group (EMPTY pads a group);
 * bandTable: per log2(FFT size), nBands (start, end) i32 bin ranges; acc: records of accStride bytes per
 * series (index order); ranks: 6 u32 per series; stats: 6 f32 per series (written); tw and win: the FFT
 * tables and window caches (see fft.ts rfftSeries).
 */
export function fastBatch(
  data: usize, starts: usize, lengths: usize, order: usize, nOrder: i32,
  lags: usize, nLags: i32, bandTable: usize, nBands: i32,
  acc: usize, accStride: usize, ranks: usize, stats: usize,
  tw: usize, win: usize, scratch: usize, maxLen: i32, maxNfft: i32,
): void {
  const row = rowBytes(maxNfft);
  const zeroRow = scratch + 4 * row;
  const sel = zeroRow + row;
  const work = sel + selectScratchBytes(maxLen);
  const pbuf = work + realFftWorkBytes(maxNfft);
  memory.fill(zeroRow, 0, <usize>maxNfft << 2);
  const lagAt = <usize>(25 + nBands) << 3;
  const src = memory.data(16);
  const accs = memory.data(16);
  for (let g = 0; g < nOrder; g += 4) {
    let nfft = 0;
    for (let l = 0; l < 4; l++) {
      const slot = <usize>l << 2;
      store<u32>(src + slot, <u32>zeroRow);
      store<u32>(accs + slot, 0);
      const idx = load<u32>(order + (<usize>(g + l) << 2));
      if (idx == EMPTY) continue;
      const p = data + (<usize>load<u32>(starts + (<usize>idx << 2)) << 2);
      const n = <i32>load<u32>(lengths + (<usize>idx << 2));
      const a = acc + <usize>idx * accStride;
      if (!pass1(p, n, a)) continue;
      const e = scratch + <usize>l * row;
      pass2(p, n, a, e);
      lagSums(e, n, lags, nLags, a, lagAt);
      selectRanks(p, n, <f32>load<f64>(a + ACC_MIN), <f32>load<f64>(a + ACC_MAX), ranks + <usize>idx * 24, 6, stats + <usize>idx * 24, sel);
      nfft = 1 << (32 - clz<i32>(n - 1));
      // The deviations are off by δ = Σe/n (μ was rounded to f32); take it out before the FFT too.
      stageSeries(e, n, nfft, 1, <f32>(load<f64>(a + ACC_SE) / <f64>n), e, win);
      store<u32>(src + slot, <u32>e);
      store<u32>(accs + slot, <u32>a);
    }
    if (nfft == 0) continue;
    fftBuildTables(nfft, tw);
    realFft4(load<u32>(src), load<u32>(src, 4), load<u32>(src, 8), load<u32>(src, 12), nfft, work, tw, SPLIT_POWER, pbuf);
    spectralSums(nfft >> 1, pbuf, bandTable + <usize>log2i(nfft) * <usize>nBands * 8, nBands, accs);
  }
}
