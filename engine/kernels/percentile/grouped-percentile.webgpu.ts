/**
 * Kernel `groupedPercentile` on WebGPU. Keys are made dense on the host (ascending, the output order); a
 * counting sort on the GPU (scatter.wgsl: one atomic cursor per group, started at the group's offset)
 * writes every group's keys contiguously into one working buffer; then one radix select serves all groups
 * at once, each group a root with its own NaN count and ranks (gpu-select.ts). Bit-identical to
 * groupedPercentileReference.
 */
import type { KernelImpl, RunContext } from '../contract.js';
import type { GroupedPercentileArgs, GroupedPercentileOut } from './grouped-percentile.contract.js';
import { finishPercentiles } from './positions.js';
import type { GpuContext } from '../../backends/webgpu/context.js';
import { BufferLease } from '../../backends/webgpu/buffer-lease.js';
import { asGpuError, liveContext, withErrorScopes } from '../../backends/webgpu/errors.js';
import { dispatch2d } from '../../backends/webgpu/dispatch.js';
import { maxBindingBytes, uploadU32, uploadValues } from './gpu-upload.js';
import { denseGroups } from './gpu-group-keys.js';
import { selectPipeline, TILE } from './gpu-pipelines.js';
import { radixSelect } from './gpu-select.js';
import type { SelectSource } from './gpu-work-lists.js';

/** Values, ids and the sorted keys must each fit one binding (the counting sort writes anywhere in it). */
function fits(args: GroupedPercentileArgs, gpu: GpuContext | undefined): boolean {
  if (!gpu) return false;
  const bytes = args.values.length * args.values.BYTES_PER_ELEMENT;
  return bytes <= maxBindingBytes(gpu) && args.values.length < 2 ** 32;
}

/** Uploads values and ids, runs the counting sort; returns the sorted keys as a select source. */
async function sortByGroup(gpu: GpuContext, lease: BufferLease, run: RunContext, args: GroupedPercentileArgs, ids: Uint32Array, offsets: Uint32Array): Promise<SelectSource> {
  const wide = args.values instanceof Float64Array;
  const n = args.values.length;
  const { sources } = await uploadValues(gpu, lease, run, args.values);
  const values = sources[0];
  const { value: work, errors } = run.telemetry.stage('scatter', () =>
    withErrorScopes(gpu.device, () => {
      const idBuf = uploadU32(gpu, lease, run, ids, 'gpulse-group-ids');
      const cursors = uploadU32(gpu, lease, run, offsets, 'gpulse-group-cursors');
      // COPY_SRC: small groups are read back straight from here.
      const work = lease.acquire(n * (wide ? 8 : 4), GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC, 'gpulse-select-work');
      const pipeline = selectPipeline(gpu, 'scatter', true, wide);
      const encoder = gpu.device.createCommandEncoder({ label: 'gpulse-group-scatter' });
      const pass = encoder.beginComputePass();
      pass.setPipeline(pipeline);
      pass.setBindGroup(
        0,
        gpu.device.createBindGroup({
          layout: pipeline.getBindGroupLayout(0),
          entries: [
            { binding: 0, resource: { buffer: values.buffer, size: n * (wide ? 8 : 4) } },
            { binding: 1, resource: { buffer: idBuf, size: n * 4 } },
            { binding: 2, resource: { buffer: cursors, size: offsets.byteLength } },
            { binding: 3, resource: { buffer: work, size: n * (wide ? 8 : 4) } },
          ],
        }),
      );
      dispatch2d(pass, Math.ceil(n / TILE), gpu.caps.limits.maxComputeWorkgroupsPerDimension);
      pass.end();
      gpu.device.queue.submit([encoder.finish()]);
      for (const b of [values.buffer, idBuf, cursors]) lease.release(b);
      return work;
    }),
  );
  await errors;
  return { buffer: work, raw: false, length: n };
}

export const groupedPercentileWebgpu: KernelImpl<GroupedPercentileArgs, GroupedPercentileOut> = {
  backend: 'webgpu',
  supports: (args, ctx) => fits(args, ctx.gpu),
  async run(args, ctx) {
    const gpu = liveContext(ctx.gpu);
    const { q, method } = args;
    const { keys, ids, sizes } = ctx.telemetry.stage('group', () => denseGroups(args.groups));
    const m = q.length;
    const out: GroupedPercentileOut = {
      keys,
      counts: new Float64Array(keys.length),
      nanCounts: new Float64Array(keys.length),
      values: new Float64Array(keys.length * m),
    };
    if (keys.length === 0) return out;
    const offsets = new Uint32Array(sizes.length);
    for (let g = 1; g < sizes.length; g++) offsets[g] = offsets[g - 1] + sizes[g - 1];
    const lease = new BufferLease(gpu.buffers);
    try {
      const sorted = await sortByGroup(gpu, lease, ctx, args, ids, offsets);
      const roots = Array.from(sizes, (total, g) => ({ total, pieces: [{ source: 0, start: offsets[g], end: offsets[g] + total }] }));
      const results = await radixSelect({ gpu, lease, run: ctx, wide: args.values instanceof Float64Array, sources: [sorted], roots, q, method });
      results.forEach((r, g) => {
        out.counts[g] = r.plan.count;
        out.nanCounts[g] = r.nanCount;
        out.values.set(finishPercentiles(r.plan, r.stats), g * m);
      });
      return out;
    } catch (error) {
      throw await asGpuError(gpu, error);
    } finally {
      lease.releaseAll();
    }
  },
};
