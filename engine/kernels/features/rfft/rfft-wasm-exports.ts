/**
 * The exports of wasm/assembly/fft.ts, typed. Pointers are byte offsets into the module's memory; series are
 * f32, starts/lengths u32 (in elements). Tables for n live at `tw` and are rebuilt only when n or tw change.
 */
import type { ScratchExports } from '../../../backends/wasm/runtime.js';

/** What every module with the FFT caches exports (fft.ts, features.ts). */
export interface FftCacheExports extends ScratchExports {
  fftTableBytes(n: number): number;
  windowBytes(n: number): number;
  fftResetCaches(): void;
}

export interface FftExports extends FftCacheExports {
  rfftScratchBytes(n: number): number;
  rfftSeries(
    data: number, starts: number, lengths: number, count: number, n: number, hann: number, complexOut: number,
    out: number, tw: number, win: number, scratch: number,
  ): void;
}
