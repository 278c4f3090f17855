/**
 * Kernel `rfft`, WASM backend: wasm/assembly/fft.ts runs four series at once, one per f32x4 lane. Series go
 * in by chunks of about 1 MiB (copied into module memory as f32), output rows come back per chunk.
 */
import type { KernelImpl } from '../../contract.js';
import { throwIfAborted } from '../../../errors.js';
import type { WasmModuleHandle } from '../../../backends/wasm/runtime.js';
import { rfftBins, type RfftArgs, type RfftOut } from './rfft.contract.js';
import type { FftExports } from './rfft-wasm-exports.js';
import { chunkSpan, fftArena, seriesChunks, WasmLayout } from './wasm-layout.js';

const CHUNK_BYTES = 1 << 20;
const CHUNK_SERIES = 4096;

export function rfftWasmCompute(h: WasmModuleHandle<FftExports>, args: RfftArgs, signal?: AbortSignal): RfftOut {
  const { values, starts, lengths, n } = args;
  const e = h.exports;
  const bins = rfftBins(n);
  const complex = args.output === 'complex';
  const width = complex ? 2 * bins : bins;
  const count = starts.length;
  const out = values instanceof Float32Array ? new Float32Array(count * width) : new Float64Array(count * width);
  const chunks = seriesChunks(lengths, n, CHUNK_BYTES, CHUNK_SERIES);
  let maxSeries = 0;
  let maxSpan = 0;
  for (const [from, to] of chunks) {
    maxSeries = Math.max(maxSeries, to - from);
    const [lo, hi] = chunkSpan(starts, lengths, from, to, n);
    maxSpan = Math.max(maxSpan, hi - lo);
  }
  const L = new WasmLayout();
  const { tw, win } = fftArena(h, L, n);
  const scratch = L.take(e.rfftScratchBytes(n));
  const st = L.take(4 * maxSeries);
  const ln = L.take(4 * maxSeries);
  const data = L.take(4 * maxSpan);
  const rows = L.take(4 * width * maxSeries);
  const base = h.reserve(L.bytes);
  const buf = e.memory.buffer;
  const stV = new Uint32Array(buf, base + st, maxSeries);
  const lnV = new Uint32Array(buf, base + ln, maxSeries);
  const dataV = new Float32Array(buf, base + data, maxSpan);
  for (const [from, to] of chunks) {
    throwIfAborted(signal);
    const [lo, hi] = chunkSpan(starts, lengths, from, to, n);
    dataV.set(values.subarray(lo, hi));
    for (let i = from; i < to; i++) {
      stV[i - from] = Math.min(lengths[i], n) === 0 ? 0 : starts[i] - lo;
      lnV[i - from] = lengths[i];
    }
    const k = to - from;
    e.rfftSeries(base + data, base + st, base + ln, k, n, args.window === 'hann' ? 1 : 0, complex ? 1 : 0, base + rows, base + tw, base + win, base + scratch);
    out.set(new Float32Array(buf, base + rows, k * width), from * width);
  }
  return { values: out, bins };
}

export const rfftWasm: KernelImpl<RfftArgs, RfftOut> = {
  backend: 'wasm',
  supports: ({ n }) => n <= 1 << 24,
  async run(args, ctx) {
    const h = await ctx.wasm!.module<FftExports>('fft');
    ctx.telemetry.bytesUploaded += args.values.byteLength;
    return ctx.telemetry.stage('fft (wasm f32x4, 4 series per pass)', () => rfftWasmCompute(h, args, ctx.signal));
  },
};
