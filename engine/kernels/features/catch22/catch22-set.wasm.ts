/**
 * Kernel `catch22Set`, WASM backend: the batch port (catch22.wasm.ts), fed one contiguous f64 copy of the
 * series (windows may overlap, so the batch is gathered); large batches are split across the worker pool.
 */
import type { KernelImpl } from '../../contract.js';
import { runSeriesOnWorkers, shouldSplit } from '../../../workers/split-series.js';
import { catch22BatchWasm } from './catch22.wasm.js';
import { catch22Width, type Catch22Args, type Catch22Out } from './catch22-set.contract.js';

function contiguous({ values, starts, lengths }: Catch22Args): { data: Float64Array; offsets: Uint32Array } {
  const offsets = new Uint32Array(starts.length + 1);
  for (let i = 0; i < starts.length; i++) offsets[i + 1] = offsets[i] + lengths[i];
  const data = new Float64Array(offsets[starts.length]);
  for (let i = 0; i < starts.length; i++) data.set(values.subarray(starts[i], starts[i] + lengths[i]), offsets[i]);
  return { data, offsets };
}

export const catch22Wasm: KernelImpl<Catch22Args, Catch22Out> = {
  backend: 'wasm',
  async run(args, ctx) {
    if (shouldSplit(ctx, args)) return runSeriesOnWorkers(ctx, 'catch22Set', args, catch22Width(args.catch24));
    const { data, offsets } = ctx.telemetry.stage('gather f64', () => contiguous(args));
    ctx.telemetry.bytesUploaded += data.byteLength;
    return ctx.telemetry.stageAsync(args.catch24 ? 'catch24 (wasm)' : 'catch22 (wasm)', () => catch22BatchWasm(ctx.wasm!, data, offsets, args.catch24));
  },
};
