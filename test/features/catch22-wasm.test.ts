/**
 * catch22 / catch24 on the WASM backend (catch22BatchWasm): the whole reference suite in
 * ../shared/data/catch22 under the JS suite's tolerance (1e-9 absolute or relative; integer features
 * exactly; ratios of integers to the printed 14 decimals), pathological inputs giving the JS version's rows
 * and statuses, and fast-check equivalence with the JS version (catch22Series) on random ragged batches with
 * ties, spikes, steps and NaN/±Inf, lengths 1…5000.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { WasmRuntime } from '../../engine/backends/wasm/runtime.js';
import { catch22Series, SeriesStatus } from '../../engine/kernels/features/catch22/catch22.js';
import { catch22BatchWasm } from '../../engine/kernels/features/catch22/catch22.wasm.js';
import {
  CATCH22_INTEGER_FEATURES, CATCH22_RATIO_FEATURES, CATCH24_NAMES, type Catch24Name,
} from '../../engine/kernels/features/catch22/names.js';
import { rng } from '../support/seeded.js';

import { manifest, mismatch, readExpected, readSeries } from './catch22-suite.js';

/** Against the JS version: features from discrete decisions exactly, the rest within 1e-9 abs or rel. */
function differs(name: Catch24Name, wasm: number, js: number): boolean {
  if (Object.is(wasm, js)) return false;
  if (CATCH22_INTEGER_FEATURES.has(name) || CATCH22_RATIO_FEATURES.has(name)) return true;
  const err = Math.abs(wasm - js);
  return !(err <= 1e-9 || err <= 1e-9 * Math.abs(js));
}

/** Concatenates series into the batch layout: values plus nSeries + 1 offsets (optionally not from 0). */
function pack(series: Float64Array[], lead = 0): { values: Float64Array; offsets: Uint32Array } {
  const offsets = new Uint32Array(series.length + 1);
  offsets[0] = lead;
  for (let i = 0; i < series.length; i++) offsets[i + 1] = offsets[i] + series[i].length;
  const values = new Float64Array(offsets[series.length]).fill(12345);
  series.forEach((s, i) => values.set(s, offsets[i]));
  return { values, offsets };
}

/** Rows where WASM and JS disagree (status or any feature), as messages. */
function compareWithJs(series: Float64Array[], got: { values: Float64Array; status: Uint8Array }, catch24: boolean): string[] {
  const width = catch24 ? 24 : 22;
  const row = new Float64Array(width);
  const problems: string[] = [];
  series.forEach((x, i) => {
    const status = catch22Series(x, row, 0, catch24);
    if (got.status[i] !== status) problems.push(`series ${i} (n=${x.length}): status ${got.status[i]}, JS ${status}`);
    for (let f = 0; f < width; f++) {
      const w = got.values[i * width + f];
      if (differs(CATCH24_NAMES[f], w, row[f])) problems.push(`series ${i} (n=${x.length}) ${CATCH24_NAMES[f]}: wasm ${w}, JS ${row[f]}`);
    }
  });
  return problems;
}

let runtime: WasmRuntime;
beforeAll(() => {
  runtime = new WasmRuntime(true);
});

const withExpected = manifest.filter((e) => e.expected !== null);
const groups = [...new Set(withExpected.map((e) => e.input.split('/')[0]))].sort();

describe('catch22 WASM: reference suite', () => {
  it('has the cases GUIDE §6 describes', () => {
    expect(withExpected.length).toBeGreaterThan(500);
    expect(groups).toEqual(['basic', 'empirical', 'simulated']);
  });

  for (const group of groups) {
    it(`${group}: every case, every feature, one batch per width`, async () => {
      const cases = withExpected.filter((e) => e.input.startsWith(`${group}/`));
      const failures: string[] = [];
      let checked = 0;
      for (const width of [22, 24]) {
        const these = cases.filter((e) => e.nFeatures === width);
        if (these.length === 0) continue;
        const series = these.map((e) => readSeries(e.input));
        const { values, offsets } = pack(series);
        const got = await catch22BatchWasm(runtime, values, offsets, width === 24);
        expect(got.values.length).toBe(these.length * width);
        these.forEach((entry, i) => {
          if (got.status[i] !== SeriesStatus.Ok) failures.push(`${entry.input}: status ${got.status[i]}`);
          for (const { name, value } of readExpected(entry.expected!)) {
            checked++;
            const problem = mismatch(name, got.values[i * width + CATCH24_NAMES.indexOf(name)], value);
            if (problem) failures.push(`${entry.input} ${name}: ${problem}`);
          }
        });
        failures.push(...compareWithJs(series, got, width === 24));
      }
      console.log(`catch22 wasm ${group}: ${cases.length} cases, ${checked - failures.length}/${checked} case×feature checks pass`);
      expect(failures).toEqual([]);
    });
  }
});

describe('catch22 WASM: pathological inputs and batch layout', () => {
  const pathological = manifest.filter((e) => e.expected === null);

  it('pathological cases give the JS version\'s rows and statuses, in one ragged batch with good series', async () => {
    expect(pathological.length).toBe(5);
    const good = readSeries(withExpected[0].input);
    const series = [good, ...pathological.map((e) => readSeries(e.input)), good, new Float64Array(0)];
    for (const catch24 of [true, false]) {
      const { values, offsets } = pack(series, 7);
      const got = await catch22BatchWasm(runtime, values, offsets, catch24);
      expect(compareWithJs(series, got, catch24)).toEqual([]);
      expect(got.status[series.length - 1]).toBe(SeriesStatus.TooShort);
    }
  });

  it('a constant series keeps mean and std (0) with catch24', async () => {
    const { values, offsets } = pack([new Float64Array(50).fill(-2.5)]);
    const got = await catch22BatchWasm(runtime, values, offsets, true);
    expect(got.status[0]).toBe(SeriesStatus.Constant);
    expect(Array.from(got.values.subarray(0, 22)).every(Number.isNaN)).toBe(true);
    expect(Array.from(got.values.subarray(22))).toEqual([-2.5, 0]);
  });

  it('a spread f64 cannot square (Σ(x − mean)² over- or underflowing) is NonFinite in both versions, never a trap', async () => {
    const series = [1e-300, 1e-160, 1e-150, 1e150, 1e300].map((scale) => Float64Array.from({ length: 64 }, (_, i) => scale * Math.sin(i)));
    const { values, offsets } = pack(series);
    const got = await catch22BatchWasm(runtime, values, offsets, true);
    expect(Array.from(got.status)).toEqual([2, 2, 0, 0, 2]);
    expect(compareWithJs(series, got, true)).toEqual([]);
  });

  it('empty batches and malformed offsets', async () => {
    expect((await catch22BatchWasm(runtime, new Float64Array(0), new Uint32Array(0), true)).values.length).toBe(0);
    expect((await catch22BatchWasm(runtime, new Float64Array(3), new Uint32Array([2]), true)).status.length).toBe(0);
    await expect(catch22BatchWasm(runtime, new Float64Array(20), new Uint32Array([0, 15, 10]), true)).rejects.toThrow(/must not decrease/);
    await expect(catch22BatchWasm(runtime, new Float64Array(20), new Uint32Array([0, 21]), true)).rejects.toThrow(/past the 20 values/);
  });

  it('the plain-SIMD build gives the same bits as the one the runtime prefers', async () => {
    const series = withExpected.slice(0, 40).map((e) => readSeries(e.input));
    const { values, offsets } = pack(series);
    const preferred = await catch22BatchWasm(runtime, values, offsets, true);
    const simd = await catch22BatchWasm(new WasmRuntime(false), values, offsets, true);
    expect(Array.from(simd.status)).toEqual(Array.from(preferred.status));
    expect(simd.values.every((v, i) => Object.is(v, preferred.values[i]))).toBe(true);
  });

  it('tables grow and are reused across calls: short, long, short again', async () => {
    for (const n of [12, 4100, 300]) {
      const series = [Float64Array.from({ length: n }, (_, i) => Math.sin(i / 7) + ((i * 7919) % 13) / 13)];
      const { values, offsets } = pack(series);
      expect(compareWithJs(series, await catch22BatchWasm(runtime, values, offsets, true), true)).toEqual([]);
    }
  });

  it('a batch past one chunk (more than 32768 series) matches row for row', async () => {
    const r = rng(99);
    const series = Array.from({ length: 33_000 }, (_, i) => {
      const n = i % 500 === 0 ? 200 : 3 + (i % 14);
      return Float64Array.from({ length: n }, () => Math.round(r() * 8));
    });
    const { values, offsets } = pack(series);
    const got = await catch22BatchWasm(runtime, values, offsets, true);
    expect(compareWithJs(series, got, true)).toEqual([]);
  });
});

/** Random series in the shapes that stress catch22: ties, spikes, steps, trends, periodicity, bad values. */
const seriesArb = fc.record({
  length: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 5000 })),
  shape: fc.constantFrom('noise', 'walk', 'ints', 'spikes', 'steps', 'sine', 'trend'),
  bad: fc.constantFrom('none', 'none', 'none', 'nan', 'inf', '-inf'),
  scale: fc.constantFrom(1, 1e-6, 1e6, 3.5, 1e-170, 1e160),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

interface SeriesParams {
  length: number;
  shape: string;
  bad: string;
  scale: number;
  seed: number;
}

function makeSeries(p: SeriesParams): Float64Array {
  const r = rng(p.seed);
  const g = (): number => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const x = new Float64Array(p.length);
  let level = 0;
  for (let i = 0; i < p.length; i++) {
    let v: number;
    switch (p.shape) {
      case 'walk': level += g(); v = level; break;
      case 'ints': v = Math.floor(r() * 4); break; // heavy ties
      case 'spikes': v = r() < 0.02 ? 50 * g() : 0; break;
      case 'steps': if (r() < 0.01) level = Math.floor(r() * 5); v = level; break;
      case 'sine': v = Math.round(8 * Math.sin((2 * Math.PI * i) / 12)) / 8; break; // exactly periodic, tied
      case 'trend': v = 0.01 * i + 0.1 * g(); break;
      default: v = g();
    }
    x[i] = v * p.scale;
  }
  if (p.bad !== 'none' && p.length > 0) x[Math.floor(r() * p.length)] = p.bad === 'nan' ? NaN : p.bad === 'inf' ? Infinity : -Infinity;
  return x;
}

describe('catch22 WASM: equivalence with the JS version (fast-check)', () => {
  for (const catch24 of [true, false]) {
    it(`random ragged batches, ${catch24 ? 'catch24' : 'catch22'}: same statuses, integer and ratio features exact, the rest within 1e-9`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(seriesArb, { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 40 }), async (params, lead) => {
          const series = params.map(makeSeries);
          const { values, offsets } = pack(series, lead);
          const got = await catch22BatchWasm(runtime, values, offsets, catch24);
          expect(compareWithJs(series, got, catch24)).toEqual([]);
        }),
        { numRuns: catch24 ? 120 : 40, seed: catch24 ? 22 : 24 },
      );
    });
  }
});
