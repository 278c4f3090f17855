/**
 * Kernel `fastFeatures` on WebGPU (f32). Series are ordered by FFT size and split into chunks that fit one
 * storage binding (gpu-fast-plan.ts); each chunk is one command buffer and three readbacks
 * (gpu-fast-chunk.ts); finishRow (f64) makes the rows on the host.
 */
import type { KernelImpl } from '../../contract.js';
import { throwIfAborted } from '../../../errors.js';
import { BufferLease } from '../../../backends/webgpu/buffer-lease.js';
import { asGpuError, liveContext } from '../../../backends/webgpu/errors.js';
import { bindingBytes, gpuChunks, storageBuffer } from '../rfft/gpu-chunks.js';
import { accWidth, finishRow } from './fast-accumulators.js';
import { fastLayout, type FastConfig } from './fast-layout.js';
import { orderBySize, perSeriesBytes, planChunk } from './gpu-fast-plan.js';
import { SPEC_FIXED, record, runChunk } from './gpu-fast-chunk.js';
import type { FastArgs, FastOut } from './fast.contract.js';

function longest(lengths: Uint32Array): number {
  let m = 0;
  for (let i = 0; i < lengths.length; i++) m = Math.max(m, lengths[i]);
  return m;
}

export const fastWebgpu: KernelImpl<FastArgs, FastOut> = {
  backend: 'webgpu',
  supports: ({ lengths }) => lengths.every((n) => n < 1 << 24),
  async run(args, ctx) {
    const gpu = liveContext(ctx.gpu);
    const cfg: FastConfig = { lags: args.lags, bands: args.bands };
    const L = fastLayout(cfg);
    const { values, starts, lengths } = args;
    const count = starts.length;
    const out = new Float64Array(count * L.width);
    const status = new Uint8Array(count);
    if (count === 0) return { values: out, status };
    const limit = bindingBytes(gpu);
    const { order, size } = orderBySize(lengths);
    // One upload of the whole array when it fits a binding (rolling windows share it); else packed chunks.
    const whole = 4 * values.length <= limit;
    const specFloats = SPEC_FIXED + cfg.bands.length - 1;
    const accFloats = 14 + 3 * cfg.lags.length;
    const chunks = gpuChunks(count, limit, (i) => (whole ? 0 : 4 * lengths[order[i]]), perSeriesBytes(longest(lengths), accFloats, specFloats));
    const lease = new BufferLease(gpu.buffers);
    const rec = new Float64Array(accWidth(cfg));
    try {
      const all = whole ? storageBuffer(gpu, lease, values instanceof Float32Array ? values : Float32Array.from(values), 'gpulse-series') : null;
      if (all) ctx.telemetry.bytesUploaded += 4 * values.length;
      for (const [from, to] of chunks) {
        throwIfAborted(ctx.signal);
        const ids = order.subarray(from, to);
        let buf = all;
        const rel = new Uint32Array(ids.length);
        if (!buf) {
          let total = 0;
          ids.forEach((id, i) => ((rel[i] = total), (total += lengths[id])));
          const packed = new Float32Array(Math.max(4, total));
          ids.forEach((id, i) => packed.set(values.subarray(starts[id], starts[id] + lengths[id]), rel[i]));
          buf = storageBuffer(gpu, lease, packed, 'gpulse-series');
          ctx.telemetry.bytesUploaded += packed.byteLength;
        } else ids.forEach((id, i) => (rel[i] = starts[id]));
        const plan = planChunk(ids, rel, lengths, size);
        const r = await ctx.telemetry.stageAsync('fast features (webgpu f32)', () => runChunk(gpu, lease, cfg, buf!, plan));
        ctx.telemetry.bytesReadBack += 4 * (r.acc.length + r.keys.length + r.spec.length);
        ids.forEach((id, i) => {
          record(cfg, r, i, lengths[id], rec);
          status[id] = finishRow(rec, 0, cfg, L, out, id * L.width);
        });
        if (!whole) lease.releaseAll();
      }
      return { values: out, status };
    } catch (error) {
      throw await asGpuError(gpu, error);
    } finally {
      lease.releaseAll();
    }
  },
};
