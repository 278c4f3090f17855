/**
 * Kernel `fastFeatures`, WASM backend (wasm/assembly/features.ts, f32 SIMD). Series go in by chunks of
 * about 1 MiB, copied into module memory as f32; within a chunk they are grouped four at a time by FFT size
 * (the spectral part runs one series per f32x4 lane). The module returns raw sums and the order statistics
 * at each series' percentile ranks; finishRow (f64) makes the features.
 */
import type { KernelImpl } from '../../contract.js';
import { throwIfAborted } from '../../../errors.js';
import type { WasmModuleHandle } from '../../../backends/wasm/runtime.js';
import type { FftCacheExports } from '../rfft/rfft-wasm-exports.js';
import { chunkSpan, fftArena, seriesChunks, WasmLayout } from '../rfft/wasm-layout.js';
import { nextPow2 } from '../rfft/hann.js';
import { A, accWidth, finishRow } from './fast-accumulators.js';
import { MIN_LENGTH, bandRanges, fastLayout, type FastConfig } from './fast-layout.js';
import { percentilePlan, percentilesFromPairs, rankPairs } from './fast-percentiles.js';
import type { FastArgs, FastOut } from './fast.contract.js';

export interface FeaturesExports extends FftCacheExports {
  fastScratchBytes(maxLen: number, nfft: number): number;
  fastBatch(
    data: number, starts: number, lengths: number, order: number, nOrder: number,
    lags: number, nLags: number, bandTable: number, nBands: number,
    acc: number, accStride: number, ranks: number, stats: number,
    tw: number, win: number, scratch: number, maxLen: number, maxNfft: number,
  ): void;
}

const CHUNK_BYTES = 1 << 20;
const CHUNK_SERIES = 4096;
const EMPTY = 0xffffffff;

/** Series indices (relative to the chunk) grouped by FFT size, four per group, padded with EMPTY. */
function groupOrder(lengths: Uint32Array, from: number, to: number, out: Uint32Array): number {
  const bySize = new Map<number, number[]>();
  for (let i = from; i < to; i++) {
    const n = lengths[i];
    const key = n < MIN_LENGTH ? 0 : nextPow2(n);
    let list = bySize.get(key);
    if (!list) bySize.set(key, (list = []));
    list.push(i - from);
  }
  let k = 0;
  for (const list of bySize.values()) {
    for (const i of list) out[k++] = i;
    while (k % 4 !== 0) out[k++] = EMPTY;
  }
  return k;
}

export function fastWasmCompute(h: WasmModuleHandle<FeaturesExports>, args: FastArgs, signal?: AbortSignal): FastOut {
  const { values, starts, lengths } = args;
  const cfg: FastConfig = { lags: args.lags, bands: args.bands };
  const L = fastLayout(cfg);
  const e = h.exports;
  const count = starts.length;
  const out = new Float64Array(count * L.width);
  const status = new Uint8Array(count);
  if (count === 0) return { values: out, status };
  const nBands = cfg.bands.length - 1;
  const accW = accWidth(cfg);
  let maxLen = MIN_LENGTH;
  for (let i = 0; i < count; i++) maxLen = Math.max(maxLen, lengths[i]);
  const maxNfft = nextPow2(maxLen);
  const maxLog = Math.log2(maxNfft);
  const chunks = seriesChunks(lengths, Infinity, CHUNK_BYTES, CHUNK_SERIES);
  let maxSeries = 0;
  let maxSpan = 0;
  for (const [from, to] of chunks) {
    maxSeries = Math.max(maxSeries, to - from);
    const [lo, hi] = chunkSpan(starts, lengths, from, to, Infinity);
    maxSpan = Math.max(maxSpan, hi - lo);
  }
  const M = new WasmLayout();
  const { tw, win } = fftArena(h, M, maxNfft);
  const scratch = M.take(e.fastScratchBytes(maxLen, maxNfft));
  const lagsP = M.take(4 * cfg.lags.length);
  const bandP = M.take(8 * nBands * (maxLog + 1));
  const st = M.take(4 * maxSeries);
  const ln = M.take(4 * maxSeries);
  const order = M.take(4 * (maxSeries + 3 * 32));
  const acc = M.take(8 * accW * maxSeries);
  const ranks = M.take(24 * maxSeries);
  const stats = M.take(24 * maxSeries);
  const data = M.take(4 * maxSpan);
  const base = h.reserve(M.bytes);
  const buf = e.memory.buffer;
  new Uint32Array(buf, base + lagsP, cfg.lags.length).set(cfg.lags);
  const bandV = new Int32Array(buf, base + bandP, 2 * nBands * (maxLog + 1));
  for (let lg = 2; lg <= maxLog; lg++) {
    const r = bandRanges(2 ** (lg - 1), cfg.bands);
    for (let b = 0; b < nBands; b++) {
      bandV[2 * (lg * nBands + b)] = r.starts[b];
      bandV[2 * (lg * nBands + b) + 1] = r.ends[b];
    }
  }
  const stV = new Uint32Array(buf, base + st, maxSeries);
  const lnV = new Uint32Array(buf, base + ln, maxSeries);
  const orderV = new Uint32Array(buf, base + order, maxSeries + 96);
  const accV = new Float64Array(buf, base + acc, accW * maxSeries);
  const ranksV = new Uint32Array(buf, base + ranks, 6 * maxSeries);
  const statsV = new Float32Array(buf, base + stats, 6 * maxSeries);
  const dataV = new Float32Array(buf, base + data, maxSpan);
  for (const [from, to] of chunks) {
    throwIfAborted(signal);
    const k = to - from;
    const [lo, hi] = chunkSpan(starts, lengths, from, to, Infinity);
    dataV.set(values.subarray(lo, hi));
    for (let i = from; i < to; i++) {
      const n = lengths[i];
      stV[i - from] = n === 0 ? 0 : starts[i] - lo;
      lnV[i - from] = n;
      if (n >= MIN_LENGTH) rankPairs(percentilePlan(n), ranksV, 6 * (i - from));
    }
    const nOrder = groupOrder(lengths, from, to, orderV);
    accV.fill(0, 0, accW * k);
    e.fastBatch(
      base + data, base + st, base + ln, base + order, nOrder, base + lagsP, cfg.lags.length, base + bandP, nBands,
      base + acc, 8 * accW, base + ranks, base + stats, base + tw, base + win, base + scratch, maxLen, maxNfft,
    );
    for (let i = 0; i < k; i++) {
      const a = i * accW;
      const n = lengths[from + i];
      if (n >= MIN_LENGTH) percentilesFromPairs(percentilePlan(n), statsV, 6 * i, accV, a + A.pct);
      status[from + i] = finishRow(accV, a, cfg, L, out, (from + i) * L.width);
    }
  }
  return { values: out, status };
}

export const fastWasm: KernelImpl<FastArgs, FastOut> = {
  backend: 'wasm',
  supports: ({ lengths }) => lengths.every((n) => n < 1 << 24),
  async run(args, ctx) {
    const h = await ctx.wasm!.module<FeaturesExports>('features');
    ctx.telemetry.bytesUploaded += args.values.byteLength;
    return ctx.telemetry.stage('fast features (wasm f32x4)', () => fastWasmCompute(h, args, ctx.signal));
  },
};
