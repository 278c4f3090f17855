/** Kernel `groupedPercentile`, WASM backend: counting sort by group, then radix select per group (radix-grouped.wasm.ts). */
import type { KernelImpl } from '../contract.js';
import type { GroupedPercentileArgs, GroupedPercentileOut } from './grouped-percentile.contract.js';
import type { PercentileExports } from './radix-wasm-exports.js';
import { radixGroupedWasm } from './radix-grouped.wasm.js';

/** wasm32 memory ends at 4 GiB. Per value: the copy and the working buffer (2 × its size), its group key, a byte
 *  for the two-step scatter, and, for all-distinct sparse keys, up to ~40 bytes of hash and slot tables. */
const MAX_BYTES = 3.5 * 2 ** 30;
const BYTES_PER_VALUE_BESIDES = 48;

export const groupedPercentileWasm: KernelImpl<GroupedPercentileArgs, GroupedPercentileOut> = {
  backend: 'wasm',
  supports: ({ values }) => values.length * (2 * values.BYTES_PER_ELEMENT + BYTES_PER_VALUE_BESIDES) + 2 ** 26 <= MAX_BYTES,
  async run({ values, groups, q, method }, ctx) {
    const h = await ctx.wasm!.module<PercentileExports>('percentile');
    ctx.telemetry.bytesUploaded += values.byteLength + groups.byteLength;
    return ctx.telemetry.stage('counting sort + radix select', () => radixGroupedWasm(h, values, groups, q, method));
  },
};
