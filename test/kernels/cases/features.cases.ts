/** Fixed cases for the `rfft` and `fastFeatures` kernels, run on every backend by test/features/*.test.ts. */
import type { RfftArgs, RfftOutput, RfftWindow } from '../../../engine/kernels/features/rfft/rfft.contract.js';
import type { FastArgs } from '../../../engine/kernels/features/fast/fast.contract.js';
import { fastConfig } from '../../../engine/kernels/features/fast/fast-layout.js';
import { lognormal, rng, uniform } from '../../support/seeded.js';

/** Concatenates series into one values array with starts/lengths. */
export function batchOf(series: ArrayLike<number>[], f32 = false): { values: Float32Array | Float64Array; starts: Uint32Array; lengths: Uint32Array } {
  const total = series.reduce((a, s) => a + s.length, 0);
  const values = f32 ? new Float32Array(total) : new Float64Array(total);
  const starts = new Uint32Array(series.length);
  const lengths = new Uint32Array(series.length);
  let o = 0;
  series.forEach((s, i) => {
    starts[i] = o;
    lengths[i] = s.length;
    values.set(Array.from(s), o);
    o += s.length;
  });
  return { values, starts, lengths };
}

function wave(n: number, seed: number): Float64Array {
  const r = rng(seed);
  return Float64Array.from({ length: n }, (_, t) => 3 * Math.sin(0.07 * t) + Math.cos(0.9 * t) + r() - 0.5 + 100);
}

const sizes = [1, 2, 4, 16, 128, 1024, 4096, 8192];

function rfftCase(n: number, window: RfftWindow, output: RfftOutput, f32: boolean): { name: string; args: RfftArgs } {
  // Exactly n, shorter (zero padding), longer (truncation), 1 point and empty series in one batch.
  const series = [wave(n, n), wave(Math.max(0, n - 3), 7), wave(n + 5, 11), [2.5], []];
  return { name: `n=${n} ${window} ${output} ${f32 ? 'f32' : 'f64'}`, args: { ...batchOf(series, f32), n, window, output } };
}

export const rfftCases: { name: string; args: RfftArgs }[] = [
  ...sizes.flatMap((n) => [rfftCase(n, 'none', 'magnitude', false), rfftCase(n, 'hann', 'complex', true)]),
  rfftCase(256, 'hann', 'magnitude', false),
  rfftCase(512, 'none', 'complex', false),
  { name: 'impulse', args: { ...batchOf([[1, 0, 0, 0, 0, 0, 0, 0]]), n: 8, window: 'none', output: 'complex' } },
  { name: 'constant', args: { ...batchOf([new Array(64).fill(3)]), n: 64, window: 'none', output: 'magnitude' } },
  { name: 'NaN and Inf', args: { ...batchOf([[1, NaN, 2, 3], [1, Infinity, 2, 3], [1, 2, 3, 4]]), n: 4, window: 'none', output: 'complex' } },
  { name: 'many series (several lanes groups)', args: { ...batchOf(Array.from({ length: 37 }, (_, i) => wave(64 + (i % 5), i)), true), n: 64, window: 'hann', output: 'magnitude' } },
];

const cfg = fastConfig(undefined, undefined);

function fastCase(name: string, series: ArrayLike<number>[], f32 = false, lags?: number[], bands?: number | number[]): { name: string; args: FastArgs } {
  const c = lags || bands ? fastConfig(lags, bands) : cfg;
  return { name, args: { ...batchOf(series, f32), ...c } };
}

const spike = Array.from({ length: 300 }, (_, t) => (t === 150 ? 1e4 : Math.sin(t)));
const ties = Array.from({ length: 777 }, (_, t) => (t * 7919) % 5);

export const fastCases: { name: string; args: FastArgs }[] = [
  fastCase('lengths 0 … 5 (too short, then ok)', [[], [1], [1, 2], [1, 2, 3], [1, 5, 2, 8], [3, 1, 4, 1, 5]]),
  fastCase('constant series', [new Array(100).fill(7.25), new Array(4).fill(-1)]),
  fastCase('NaN and ±Inf', [[1, 2, NaN, 4, 5], [1, Infinity, 3, 4], [-Infinity, 1, 2, 3]]),
  fastCase('spike', [spike]),
  fastCase('integer ties', [ties], true),
  fastCase('5-minute-like waves, ragged', [wave(288, 1), wave(1024, 2), wave(1000, 3), wave(2017, 4)]),
  fastCase('lognormal, f32', [lognormal(4096, 5), lognormal(300, 6)], true),
  fastCase('large offset, small noise', [Float64Array.from(uniform(500, 9), (u) => 1e6 + u)]),
  fastCase('trend', [Float64Array.from({ length: 400 }, (_, t) => 0.5 * t + Math.sin(t))]),
  fastCase('custom lags and band edges', [wave(600, 8), wave(50, 9)], false, [1, 5, 49, 50, 100], [0, 0.1, 0.3, 1]),
  fastCase('many series of one length (lane groups)', Array.from({ length: 23 }, (_, i) => wave(256, 100 + i)), true),
];
