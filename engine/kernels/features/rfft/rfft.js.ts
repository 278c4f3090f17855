/** Kernel `rfft`, JS backend: the f64 radix-4 real FFT (real-fft.ts), one series at a time. */
import type { KernelImpl } from '../../contract.js';
import { throwIfAborted } from '../../../errors.js';
import { rfftBins, type RfftArgs, type RfftOut } from './rfft.contract.js';
import { realFft, realFftPlan } from './real-fft.js';
import { hannWindow } from './hann.js';

export function rfftJsCompute(args: RfftArgs, signal?: AbortSignal): RfftOut {
  const { values, starts, lengths, n } = args;
  const bins = rfftBins(n);
  const complex = args.output === 'complex';
  const width = complex ? 2 * bins : bins;
  const count = starts.length;
  const out = values instanceof Float32Array ? new Float32Array(count * width) : new Float64Array(count * width);
  const plan = realFftPlan(n);
  const x = new Float64Array(n);
  const re = new Float64Array(bins + 1);
  const im = new Float64Array(bins + 1);
  for (let i = 0; i < count; i++) {
    if ((i & 1023) === 1023) throwIfAborted(signal);
    const use = Math.min(lengths[i], n);
    const s = starts[i];
    if (args.window === 'hann') {
      const w = hannWindow(use);
      for (let t = 0; t < use; t++) x[t] = values[s + t] * w[t];
    } else for (let t = 0; t < use; t++) x[t] = values[s + t];
    x.fill(0, use);
    realFft(plan, x, re, im);
    const o = i * width;
    if (complex) {
      for (let k = 0; k < bins; k++) {
        out[o + 2 * k] = re[k];
        out[o + 2 * k + 1] = im[k];
      }
    } else for (let k = 0; k < bins; k++) out[o + k] = Math.sqrt(re[k] * re[k] + im[k] * im[k]);
  }
  return { values: out, bins };
}

export const rfftJs: KernelImpl<RfftArgs, RfftOut> = {
  backend: 'js',
  run: (args, ctx) => ctx.telemetry.stage('fft (js f64)', () => rfftJsCompute(args, ctx.signal)),
};
