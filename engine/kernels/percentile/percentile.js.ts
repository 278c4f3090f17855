/** Kernel `percentile`, JS backend: exact radix select over the caller's array (radix-percentiles.js.ts). */
import type { KernelImpl } from '../contract.js';
import type { PercentileArgs, PercentileOut } from './percentile.contract.js';
import { radixPercentilesJs } from './radix-percentiles.js.js';

export const percentileJs: KernelImpl<PercentileArgs, PercentileOut> = {
  backend: 'js',
  run: ({ values, q, method }, ctx) => ctx.telemetry.stage('radix select', () => radixPercentilesJs(values, q, method)),
};
