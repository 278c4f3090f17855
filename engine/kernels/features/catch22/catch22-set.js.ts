/** Kernel `catch22Set`, JS backend: the reference implementation, with abort checks between series. */
import type { KernelImpl } from '../../contract.js';
import { throwIfAborted } from '../../../errors.js';
import { catch22Reference, type Catch22Args, type Catch22Out } from './catch22-set.contract.js';

export const catch22Js: KernelImpl<Catch22Args, Catch22Out> = {
  backend: 'js',
  run(args, ctx) {
    return ctx.telemetry.stage(args.catch24 ? 'catch24 (js)' : 'catch22 (js)', () => catch22Reference(args, () => throwIfAborted(ctx.signal)));
  },
};
