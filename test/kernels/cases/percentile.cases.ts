/** Fixed cases for the percentile kernels, run on every backend by test/kernels/all-backends.test.ts. */
import type { PercentileArgs } from '../../../engine/kernels/percentile/percentile.contract.js';
import type { GroupedPercentileArgs } from '../../../engine/kernels/percentile/grouped-percentile.contract.js';
import { PERCENTILE_METHODS } from '../../../engine/kernels/percentile/positions.js';
import { lognormal, uniform } from '../../support/seeded.js';

const Q = Float64Array.of(0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1);
const SUB = 4.9e-324;

const arrays: Record<string, number[] | Float64Array> = {
  empty: [],
  one: [42],
  two: [1, 2],
  'all NaN': [NaN, NaN, NaN],
  'signed zeros': [0, -0, 0, -0, 1, -1],
  infinities: [Infinity, -Infinity, 1, 2, Infinity, -Infinity, 3],
  subnormals: [SUB, -SUB, 2 * SUB, 0, -0, 1e-310, -1e-310],
  'all equal': new Array(1000).fill(7.25),
  'many ties': Array.from({ length: 5000 }, (_, i) => i % 3),
  sorted: Array.from({ length: 4097 }, (_, i) => i * 0.5 - 1000),
  reversed: Array.from({ length: 4097 }, (_, i) => 4096 - i),
  'NaN mixed': Array.from({ length: 1001 }, (_, i) => (i % 7 === 0 ? NaN : Math.sin(i) * 1e6)),
  'extremes': [Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 3.4028234663852886e38, -3.4028234663852886e38],
  uniform: uniform(20_000, 1, -5, 5),
  lognormal: lognormal(50_000, 2, 0, 2),
};

export const percentileCases: { name: string; args: PercentileArgs }[] = [];
for (const [name, data] of Object.entries(arrays)) {
  for (const dtype of ['f64', 'f32'] as const) {
    const values = dtype === 'f64' ? Float64Array.from(data) : Float32Array.from(data);
    for (const method of PERCENTILE_METHODS) {
      percentileCases.push({ name: `${name} ${dtype} ${method}`, args: { values, q: Q, method } });
    }
  }
}

function groupedCase(name: string, n: number, keyOf: (i: number) => number, seed: number): { name: string; args: GroupedPercentileArgs } {
  const values = lognormal(n, seed);
  for (let i = 0; i < n; i += 97) values[i] = NaN;
  const groups = Uint32Array.from({ length: n }, (_, i) => keyOf(i));
  return { name, args: { values, groups, q: Float64Array.of(0, 0.5, 0.9, 0.99, 1), method: 'linear' } };
}

export const groupedPercentileCases: { name: string; args: GroupedPercentileArgs }[] = [
  groupedCase('dense keys', 30_000, (i) => i % 37, 3),
  groupedCase('sparse keys', 20_000, (i) => ((i % 11) * 0x10001 + 0xfff00000) >>> 0, 4),
  groupedCase('one group', 5_000, () => 9, 5),
  // ~2000 values per group: big enough for the multi-pass selection path inside each group (a bench found a bug here).
  groupedCase('100 groups of 2000', 200_000, (i) => (i * 2654435761) % 100, 8),
  groupedCase('singleton groups', 300, (i) => i * 3, 6),
  { name: 'empty', args: { values: new Float64Array(0), groups: new Uint32Array(0), q: Float64Array.of(0.5), method: 'linear' } },
  {
    name: 'f32 nearest',
    args: {
      values: Float32Array.from(uniform(10_000, 7, -1, 1)),
      groups: Uint32Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 101),
      q: Float64Array.of(0.1, 0.5, 0.9),
      method: 'nearest',
    },
  },
];
