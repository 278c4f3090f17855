/**
 * WebGPU backend of `sketch`. Per chunk of input (what one binding holds): pass 1 finds the slot range per
 * sign and, for float32, per-workgroup sum / min / max; pass 2 counts bins in workgroup memory over a window
 * placed from that range and flushes them to a dense global count array. Binning is integer table lookups
 * on the raw bits (float64 as word pairs), so it is exact; float64 stats are summed on the host while the
 * GPU works. One readback at the end.
 */
import type { KernelImpl } from '../contract.js';
import { throwIfAborted } from '../../errors.js';
import { BufferLease } from '../../backends/webgpu/buffer-lease.js';
import { asGpuError, liveContext, withErrorScopes } from '../../backends/webgpu/errors.js';
import { dispatch2d } from '../../backends/webgpu/dispatch.js';
import type { NumericArray } from '../../types.js';
import { binTable } from './bin-table.js';
import { defaultMapping } from './cubic-mapping.js';
import { finishSketch, type SketchStats } from './sketch-finish.js';
import { bindGroup, chunkValues, gpuTable, gpuTableFits, paramsBuffer, readBack, sketchPipeline, stage, TILE, writeWords } from './sketch-gpu.js';
import { wordsOf } from './slot-of.js';
import type { SketchArgs, SketchOut } from './sketch.contract.js';

const RANGE_INIT = new Uint32Array([0xffffffff, 0, 0xffffffff, 0, 0, 0, 0, 0]);
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Inverse of range.wgsl's order_key. */
function fromOrderKey(key: number): number {
  u32[0] = key >>> 31 ? key & 0x7fffffff : ~key;
  return f32[0];
}

function partialStats(p: Uint32Array): SketchStats {
  const s: SketchStats = { sum: 0, min: Infinity, max: -Infinity };
  for (let i = 0; i < p.length; i += 4) {
    if (p[i + 1] > p[i + 2]) continue; // all NaN
    u32[0] = p[i];
    s.sum += f32[0];
    s.min = Math.min(s.min, fromOrderKey(p[i + 1]));
    s.max = Math.max(s.max, fromOrderKey(p[i + 2]));
  }
  return s;
}

export function hostStats(values: NumericArray): SketchStats {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { sum, min, max };
}

export const sketchWebgpu: KernelImpl<SketchArgs, SketchOut> = {
  backend: 'webgpu',
  supports: ({ relativeAccuracy }, ctx) => gpuTableFits(ctx.gpu, binTable(defaultMapping(relativeAccuracy))),
  async run({ values, relativeAccuracy, maxBins }, ctx) {
    const gpu = liveContext(ctx.gpu);
    const t = binTable(defaultMapping(relativeAccuracy));
    const n = values.length;
    if (n === 0) return finishSketch(t, new Uint32Array(t.slots), hostStats(values), values, maxBins);
    const f64 = values instanceof Float64Array;
    const wpv = f64 ? 2 : 1;
    const words = wordsOf(values);
    const chunk = Math.min(chunkValues(gpu, wpv), Math.ceil(n / TILE) * TILE);
    const tiles = (len: number): number => Math.ceil(len / TILE);
    let totalTiles = 0;
    for (let from = 0; from < n; from += chunk) totalTiles += tiles(Math.min(chunk, n - from));
    const lease = new BufferLease(gpu.buffers);
    try {
      const table = gpuTable(gpu, t, ctx.telemetry);
      const S = GPUBufferUsage.STORAGE;
      const valuesBuf = lease.acquire(chunk * wpv * 4, S | GPUBufferUsage.COPY_DST, 'sketch-values');
      const rangeBuf = lease.acquire(RANGE_INIT.byteLength, S | GPUBufferUsage.COPY_DST, 'sketch-range');
      const countsBuf = lease.acquire(t.slots * 4, S | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST, 'sketch-counts');
      const partialsBuf = lease.acquire(totalTiles * 16, S | GPUBufferUsage.COPY_SRC, 'sketch-partials');
      const rangePipe = sketchPipeline(gpu, 'range');
      const histPipe = sketchPipeline(gpu, 'hist');
      let wgOffset = 0;
      let staged: { counts: GPUBuffer; partials: GPUBuffer } | undefined;
      const scopes: Promise<void>[] = [];
      for (let from = 0; from < n; from += chunk) {
        throwIfAborted(ctx.signal);
        const len = Math.min(chunk, n - from);
        const last = from + len >= n;
        const { errors } = withErrorScopes(gpu.device, () => {
          const q = gpu.device.queue;
          writeWords(q, valuesBuf, words, from * wpv, len * wpv);
          q.writeBuffer(rangeBuf, 0, RANGE_INIT);
          const params = paramsBuffer(gpu, lease, { n: len, t, f64, wgOffset });
          const common = [params, valuesBuf, table.packed, table.base, table.thr, rangeBuf];
          const enc = gpu.device.createCommandEncoder({ label: 'sketch' });
          if (from === 0) enc.clearBuffer(countsBuf);
          const p1 = enc.beginComputePass({ label: 'sketch-range' });
          p1.setPipeline(rangePipe);
          p1.setBindGroup(0, bindGroup(gpu, rangePipe, [...common, partialsBuf]));
          dispatch2d(p1, tiles(len), gpu.caps.limits.maxComputeWorkgroupsPerDimension);
          p1.end();
          const p2 = enc.beginComputePass({ label: 'sketch-hist' });
          p2.setPipeline(histPipe);
          p2.setBindGroup(0, bindGroup(gpu, histPipe, [...common, countsBuf]));
          dispatch2d(p2, tiles(len), gpu.caps.limits.maxComputeWorkgroupsPerDimension);
          p2.end();
          if (last) {
            staged = { counts: stage(lease, enc, countsBuf, t.slots * 4), partials: stage(lease, enc, partialsBuf, totalTiles * 16) };
          }
          q.submit([enc.finish()]);
        });
        scopes.push(errors);
        ctx.telemetry.bytesUploaded += len * wpv * 4;
        wgOffset += tiles(len);
      }
      // Float64 stats on the host, overlapping the GPU's work.
      const stats64 = f64 ? ctx.telemetry.stage('host-stats', () => hostStats(values)) : null;
      const [counts, partials] = await ctx.telemetry.stageAsync('gpu', () =>
        Promise.all([readBack(lease, staged!.counts, t.slots * 4), readBack(lease, staged!.partials, totalTiles * 16)]),
      );
      await Promise.all(scopes);
      ctx.telemetry.bytesReadBack += t.slots * 4 + totalTiles * 16;
      return ctx.telemetry.stage('finish', () => {
        const stats = stats64 ?? partialStats(partials);
        // Float32 partials overflow only near ±3.4e38; the float64 sum of finite values then needs the host.
        if (!Number.isFinite(stats.sum) && Number.isFinite(stats.min) && Number.isFinite(stats.max)) stats.sum = hostStats(values).sum;
        return finishSketch(t, counts, stats, values, maxBins);
      });
    } catch (error) {
      throw await asGpuError(gpu, error);
    } finally {
      lease.releaseAll();
    }
  },
};
