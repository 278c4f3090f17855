/**
 * Kernel `rfft` on WebGPU (f32): series go up by chunks that fit one storage binding, each chunk is one
 * command buffer (rfft dispatches + copy to a staging buffer) and one readback.
 */
import type { KernelImpl } from '../../contract.js';
import { throwIfAborted } from '../../../errors.js';
import { BufferLease } from '../../../backends/webgpu/buffer-lease.js';
import { asGpuError, liveContext, withErrorScopes } from '../../../backends/webgpu/errors.js';
import { rfftBins, type RfftArgs, type RfftOut } from './rfft.contract.js';
import { OUT_KIND, encodeRfft, hannTables, scratchBytes } from './gpu-rfft.js';
import { bindingBytes, gpuChunks, readF32, stageCopy, storageBuffer, uploadSpan } from './gpu-chunks.js';
import { chunkSpan } from './wasm-layout.js';

export const rfftWebgpu: KernelImpl<RfftArgs, RfftOut> = {
  backend: 'webgpu',
  supports: ({ n }) => n <= 1 << 24,
  async run(args, ctx) {
    const gpu = liveContext(ctx.gpu);
    const { values, starts, lengths, n } = args;
    const bins = rfftBins(n);
    const width = args.output === 'complex' ? 2 * bins : bins;
    const count = starts.length;
    const out = values instanceof Float32Array ? new Float32Array(count * width) : new Float64Array(count * width);
    const limit = bindingBytes(gpu);
    const perSeries = Math.max(4 * width, scratchBytes(n, 1), 16);
    const chunks = gpuChunks(count, limit, (i) => 4 * Math.min(lengths[i], n), perSeries);
    const lease = new BufferLease(gpu.buffers);
    try {
      for (const [from, to] of chunks) {
        throwIfAborted(ctx.signal);
        const k = to - from;
        const [lo, hi] = chunkSpan(starts, lengths, from, to, n);
        const wins = hannTables(lengths.subarray(from, to), n);
        const meta = new Uint32Array(4 * k);
        for (let i = 0; i < k; i++) {
          const len = lengths[from + i];
          meta[4 * i] = Math.min(len, n) === 0 ? 0 : starts[from + i] - lo;
          meta[4 * i + 1] = len;
          meta[4 * i + 2] = wins.offset.get(Math.min(len, n)) ?? 0;
        }
        const bytes = 4 * k * width;
        const { value: staging, errors } = withErrorScopes(gpu.device, () => {
          const dst = lease.acquire(bytes, GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC, 'gpulse-rfft-out');
          const encoder = gpu.device.createCommandEncoder({ label: 'rfft' });
          encodeRfft(gpu, lease, encoder, {
            n, count: k, hann: args.window === 'hann', outKind: OUT_KIND[args.output],
            values: uploadSpan(gpu, lease, values, lo, hi),
            meta: storageBuffer(gpu, lease, meta, 'gpulse-rfft-meta'),
            win: storageBuffer(gpu, lease, wins.table, 'gpulse-rfft-window'),
            prep: null,
            dst,
          });
          const staging = stageCopy(lease, encoder, dst, bytes);
          gpu.device.queue.submit([encoder.finish()]);
          return staging;
        });
        ctx.telemetry.bytesUploaded += 4 * (hi - lo);
        const rows = await ctx.telemetry.stageAsync('fft (webgpu f32) + readback', () => readF32(staging, bytes));
        await errors;
        ctx.telemetry.bytesReadBack += bytes;
        out.set(rows.subarray(0, k * width), from * width);
        lease.releaseAll();
      }
      return { values: out, bins };
    } catch (error) {
      throw await asGpuError(gpu, error);
    } finally {
      lease.releaseAll();
    }
  },
};
