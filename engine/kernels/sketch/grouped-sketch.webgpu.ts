/**
 * WebGPU backend of `groupedSketch`: pass 1 (range.wgsl) per chunk gives the slot range per sign, read back
 * once; the host plans the shared window (colOf); pass 2 (scatter.wgsl) counts every value into the
 * [groups × width] matrix with global atomics. Per-group sums / min / max are computed on the host in float64
 * while the GPU counts. Exact, like the other backends.
 */
import type { KernelImpl } from '../contract.js';
import { throwIfAborted } from '../../errors.js';
import { BufferLease } from '../../backends/webgpu/buffer-lease.js';
import { dispatch2d } from '../../backends/webgpu/dispatch.js';
import { asGpuError, liveContext, withErrorScopes } from '../../backends/webgpu/errors.js';
import type { GpuContext } from '../../backends/webgpu/context.js';
import { binTable, type BinTable } from './bin-table.js';
import { defaultMapping } from './cubic-mapping.js';
import { denseGroups } from './dense-groups.js';
import { collectSlow, emptyStats, finishGrouped, hostGroupStats, planGrouped } from './grouped-plan.js';
import type { GroupedSketchArgs, GroupedSketchOut } from './grouped-sketch.contract.js';
import { bindGroup, chunkValues, gpuTable, gpuTableFits, paramsBuffer, readBack, sketchPipeline, stage, TILE, writeWords } from './sketch-gpu.js';
import { wordsOf } from './slot-of.js';

const RANGE_INIT = new Uint32Array([0xffffffff, 0, 0xffffffff, 0, 0, 0, 0, 0]);

/** The matrix must fit one binding; bounded by the widest window maxBins allows. */
function matrixFits(gpu: GpuContext, t: BinTable, groups: number, maxBins: number): boolean {
  const width = 4 + 2 * Math.min(maxBins, t.nb);
  return groups * width * 4 <= gpu.caps.limits.maxStorageBufferBindingSize;
}

export const groupedSketchWebgpu: KernelImpl<GroupedSketchArgs, GroupedSketchOut> = {
  backend: 'webgpu',
  supports: ({ groups, relativeAccuracy, maxBins }, ctx) => {
    const t = binTable(defaultMapping(relativeAccuracy));
    return gpuTableFits(ctx.gpu, t) && (!ctx.gpu || matrixFits(ctx.gpu, t, denseGroups(groups).keys.length, maxBins));
  },
  async run({ values, groups, relativeAccuracy, maxBins }, ctx) {
    const gpu = liveContext(ctx.gpu);
    const t = binTable(defaultMapping(relativeAccuracy));
    const d = ctx.telemetry.stage('groups', () => denseGroups(groups));
    const n = values.length;
    const G = d.keys.length;
    if (n === 0) return finishGrouped(d, planGrouped(t, { negMin: 1, negMax: 0, posMin: 1, posMax: 0 }, [], maxBins, 0), [], emptyStats(0), []);
    const f64 = values instanceof Float64Array;
    const wpv = f64 ? 2 : 1;
    const words = wordsOf(values);
    const chunk = Math.min(chunkValues(gpu, wpv), Math.ceil(n / TILE) * TILE);
    const single = chunk >= n;
    const maxDim = gpu.caps.limits.maxComputeWorkgroupsPerDimension;
    const q = gpu.device.queue;
    const lease = new BufferLease(gpu.buffers);
    try {
      const table = gpuTable(gpu, t, ctx.telemetry);
      const S = GPUBufferUsage.STORAGE;
      const valuesBuf = lease.acquire(chunk * wpv * 4, S | GPUBufferUsage.COPY_DST, 'sketch-values');
      const rangeBuf = lease.acquire(RANGE_INIT.byteLength, S | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC, 'sketch-range');
      const partialsBuf = lease.acquire(Math.ceil(chunk / TILE) * 16, S, 'sketch-partials');
      const scopes: Promise<void>[] = [];
      const upload = (from: number, len: number): void => {
        writeWords(q, valuesBuf, words, from * wpv, len * wpv);
        ctx.telemetry.bytesUploaded += len * wpv * 4;
      };
      // Pass 1: slot range over all chunks.
      const rangePipe = sketchPipeline(gpu, 'range');
      q.writeBuffer(rangeBuf, 0, RANGE_INIT);
      let staged: GPUBuffer | undefined;
      for (let from = 0; from < n; from += chunk) {
        throwIfAborted(ctx.signal);
        const len = Math.min(chunk, n - from);
        scopes.push(
          withErrorScopes(gpu.device, () => {
            upload(from, len);
            const params = paramsBuffer(gpu, lease, { n: len, t, f64 });
            const enc = gpu.device.createCommandEncoder({ label: 'sketch-grouped-range' });
            const pass = enc.beginComputePass();
            pass.setPipeline(rangePipe);
            pass.setBindGroup(0, bindGroup(gpu, rangePipe, [params, valuesBuf, table.packed, table.base, table.thr, rangeBuf, partialsBuf]));
            dispatch2d(pass, Math.ceil(len / TILE), maxDim);
            pass.end();
            if (from + len >= n) staged = stage(lease, enc, rangeBuf, 20);
            q.submit([enc.finish()]);
          }).errors,
        );
      }
      const [negMin, negMax, posMin, posMax, slowCount] = await ctx.telemetry.stageAsync('range', () => readBack(lease, staged!, 20));
      const empty = (lo: number, hi: number): boolean => lo === 0xffffffff || hi < lo;
      const range = {
        negMin: empty(negMin, negMax) ? Infinity : negMin, negMax: empty(negMin, negMax) ? -Infinity : negMax,
        posMin: empty(posMin, posMax) ? Infinity : posMin, posMax: empty(posMin, posMax) ? -Infinity : posMax,
      };
      const slow = slowCount > 0 ? collectSlow(t, values) : [];
      const plan = planGrouped(t, range, slow, maxBins, G);
      // Pass 2: counts into the matrix.
      const matrixBytes = G * plan.width * 4;
      const matrixBuf = lease.acquire(matrixBytes, S | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST, 'sketch-matrix');
      const colBuf = lease.acquire(t.slots * 4, S | GPUBufferUsage.COPY_DST, 'sketch-colof');
      const groupsBuf = lease.acquire(chunk * 4, S | GPUBufferUsage.COPY_DST, 'sketch-groups');
      writeWords(q, colBuf, plan.colOf);
      const scatterPipe = sketchPipeline(gpu, 'scatter');
      let stagedMatrix: GPUBuffer | undefined;
      for (let from = 0; from < n; from += chunk) {
        throwIfAborted(ctx.signal);
        const len = Math.min(chunk, n - from);
        scopes.push(
          withErrorScopes(gpu.device, () => {
            if (!single) upload(from, len);
            writeWords(q, groupsBuf, d.index, from, len);
            ctx.telemetry.bytesUploaded += len * 4;
            const params = paramsBuffer(gpu, lease, { n: len, t, f64, width: plan.width });
            const enc = gpu.device.createCommandEncoder({ label: 'sketch-grouped-scatter' });
            if (from === 0) enc.clearBuffer(matrixBuf);
            const pass = enc.beginComputePass();
            pass.setPipeline(scatterPipe);
            pass.setBindGroup(0, bindGroup(gpu, scatterPipe, [params, valuesBuf, table.packed, table.base, table.thr, groupsBuf, colBuf, matrixBuf]));
            dispatch2d(pass, Math.ceil(len / TILE), maxDim);
            pass.end();
            if (from + len >= n) stagedMatrix = stage(lease, enc, matrixBuf, matrixBytes);
            q.submit([enc.finish()]);
          }).errors,
        );
      }
      const stats = ctx.telemetry.stage('host-stats', () => hostGroupStats(values, d.index, G));
      const matrix = await ctx.telemetry.stageAsync('gpu', () => readBack(lease, stagedMatrix!, matrixBytes));
      await Promise.all(scopes);
      ctx.telemetry.bytesReadBack += 20 + matrixBytes;
      return ctx.telemetry.stage('finish', () => finishGrouped(d, plan, matrix, stats, slow));
    } catch (error) {
      throw await asGpuError(gpu, error);
    } finally {
      lease.releaseAll();
    }
  },
};
