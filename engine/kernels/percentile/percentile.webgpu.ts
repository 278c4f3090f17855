/**
 * Kernel `percentile` on WebGPU: radix select on order-preserving keys made in WGSL from the raw bits
 * (64-bit keys for f64, so no f64 arithmetic on the GPU), all q from the same passes (gpu-select.ts),
 * interpolation on the host (finishPercentiles). Bit-identical to percentileReference.
 */
import type { KernelImpl } from '../contract.js';
import type { PercentileArgs, PercentileOut } from './percentile.contract.js';
import { finishPercentiles, planPercentiles } from './positions.js';
import { BufferLease } from '../../backends/webgpu/buffer-lease.js';
import { asGpuError, liveContext } from '../../backends/webgpu/errors.js';
import { uploadValues } from './gpu-upload.js';
import { radixSelect } from './gpu-select.js';

export const percentileWebgpu: KernelImpl<PercentileArgs, PercentileOut> = {
  backend: 'webgpu',
  // Histogram bins and cursors are u32.
  supports: ({ values }) => values.length < 2 ** 32,
  async run({ values, q, method }, ctx) {
    const gpu = liveContext(ctx.gpu);
    if (values.length === 0) return { values: finishPercentiles(planPercentiles(0, q, method), []), count: 0, nanCount: 0 };
    const lease = new BufferLease(gpu.buffers);
    try {
      const { sources, pieces } = await uploadValues(gpu, lease, ctx, values);
      const [root] = await radixSelect({
        gpu,
        lease,
        run: ctx,
        wide: values instanceof Float64Array,
        sources,
        roots: [{ total: values.length, pieces }],
        q,
        method,
      });
      return { values: finishPercentiles(root.plan, root.stats), count: root.plan.count, nanCount: root.nanCount };
    } catch (error) {
      throw await asGpuError(gpu, error);
    } finally {
      lease.releaseAll();
    }
  },
};
