/** Kernel `groupedPercentile`, JS backend: counting sort by group, then radix select per group (radix-grouped.js.ts). */
import type { KernelImpl } from '../contract.js';
import type { GroupedPercentileArgs, GroupedPercentileOut } from './grouped-percentile.contract.js';
import { radixGroupedJs } from './radix-grouped.js.js';

export const groupedPercentileJs: KernelImpl<GroupedPercentileArgs, GroupedPercentileOut> = {
  backend: 'js',
  run: ({ values, groups, q, method }, ctx) =>
    ctx.telemetry.stage('counting sort + radix select', () => radixGroupedJs(values, groups, q, method)),
};
