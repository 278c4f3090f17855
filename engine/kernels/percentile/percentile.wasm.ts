/** Kernel `percentile`, WASM backend: exact radix select in module memory (radix-percentiles.wasm.ts). */
import type { KernelImpl } from '../contract.js';
import type { PercentileArgs, PercentileOut } from './percentile.contract.js';
import type { PercentileExports } from './radix-wasm-exports.js';
import { radixPercentilesWasm } from './radix-percentiles.wasm.js';

/** wasm32 memory ends at 4 GiB: the copy plus the sampled path's window buffers (up to a quarter of it) must fit. */
const MAX_INPUT_BYTES = 2.5 * 2 ** 30;

export const percentileWasm: KernelImpl<PercentileArgs, PercentileOut> = {
  backend: 'wasm',
  supports: ({ values }) => values.byteLength <= MAX_INPUT_BYTES,
  async run({ values, q, method }, ctx) {
    const h = await ctx.wasm!.module<PercentileExports>('percentile');
    ctx.telemetry.bytesUploaded += values.byteLength;
    const t0 = performance.now();
    const { out, path } = radixPercentilesWasm(h, values, q, method);
    ctx.telemetry.stages.push({ stage: `radix select (${path})`, ms: performance.now() - t0 });
    return out;
  },
};
