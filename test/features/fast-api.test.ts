/** engine.features: series shapes, rolling windows, names, status rules, catch22 dispatch, argument errors. */
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../engine/index.js';
import { DEFAULT_LAGS, MIN_LENGTH, Status } from '../../engine/kernels/features/fast/fast-layout.js';
import { lognormal } from '../support/seeded.js';

const engine = createEngine({ backend: 'wasm', workers: 0 });
afterAll(() => engine.dispose());

const rows = (r: { values: Float64Array; names: string[] }) =>
  Array.from({ length: r.values.length / r.names.length }, (_, i) => Array.from(r.values.subarray(i * r.names.length, (i + 1) * r.names.length)));

describe('engine.features (fast)', () => {
  it('names are declared once: moments, percentiles, one acf per lag, trend, changes, one power per band, spectral shape', async () => {
    const r = await engine.features({ values: lognormal(100, 1) }, { set: 'fast' });
    expect(r.names.slice(0, 10)).toEqual(['count', 'mean', 'std', 'min', 'max', 'skewness', 'kurtosis', 'p05', 'p50', 'p95']);
    expect(r.names.filter((n) => n.startsWith('acf_lag'))).toEqual(DEFAULT_LAGS.map((k) => `acf_lag${k}`));
    expect(r.names.filter((n) => n.startsWith('band_power_'))).toHaveLength(4);
    expect(r.names.slice(-5)).toEqual(['spectral_centroid', 'spectral_entropy', 'spectral_flatness', 'spectral_rolloff85', 'dominant_frequency']);
    expect(r.values.length).toBe(r.names.length);
    expect(r.backend).toBe('wasm');
  });

  it('ragged ({ values, offsets }) and equal-length ({ values, length }) batches give the same rows', async () => {
    const values = lognormal(5 * 200, 2);
    const a = await engine.features({ values, length: 200 }, { set: 'fast' });
    const b = await engine.features({ values, offsets: Uint32Array.of(0, 200, 400, 600, 800, 1000) }, { set: 'fast' });
    expect(rows(b)).toEqual(rows(a));
    expect(Array.from(b.status)).toEqual([0, 0, 0, 0, 0]);
  });

  it('rolling windows equal the features of the explicitly sliced windows', async () => {
    const values = lognormal(1000, 3);
    const r = await engine.features({ values }, { set: 'fast', window: 128, step: 50 });
    expect(r.status.length).toBe(Math.floor((1000 - 128) / 50) + 1);
    const starts = Array.from(r.status, (_, i) => i * 50);
    const sliced = new Float64Array(starts.length * 128);
    starts.forEach((s, i) => sliced.set(values.subarray(s, s + 128), i * 128));
    const e = await engine.features({ values: sliced, length: 128 }, { set: 'fast' });
    expect(rows(r)).toEqual(rows(e));
  });

  it('windows default to non-overlapping (step = window)', async () => {
    const r = await engine.features({ values: lognormal(1000, 4) }, { set: 'fast', window: 100 });
    expect(r.status.length).toBe(10);
  });

  it(`status: < ${MIN_LENGTH} points too short, NaN/Inf non-finite, all equal constant (NaN only where the spread divides)`, async () => {
    const values = Float64Array.of(1, 2, 3, /**/ 1, NaN, 3, 4, /**/ 5, 5, 5, 5, 5, /**/ 1, 2, 3, 5);
    const r = await engine.features({ values, offsets: Uint32Array.of(0, 3, 7, 12, 16) }, { set: 'fast' });
    expect(Array.from(r.status)).toEqual([Status.TooShort, Status.NonFinite, Status.Constant, Status.Ok]);
    const [short, bad, constant, ok] = rows(r);
    const at = (name: string) => r.names.indexOf(name);
    expect(short[at('count')]).toBe(3);
    expect(short.filter((v) => !Number.isNaN(v))).toEqual([3]);
    expect(bad.filter((v) => !Number.isNaN(v))).toEqual([4]);
    expect([constant[at('mean')], constant[at('std')], constant[at('min')], constant[at('p50')], constant[at('trend_slope')], constant[at('peak_count')]]).toEqual([5, 0, 5, 5, 0, 0]);
    for (const name of ['skewness', 'kurtosis', 'acf_lag1', 'trend_r2', 'spectral_entropy', 'dominant_frequency']) expect(constant[at(name)]).toBeNaN();
    expect(ok.every((v, i) => Number.isFinite(v) || r.names[i].startsWith('acf_lag'))).toBe(true);
  });

  it('custom lags and bands change the columns', async () => {
    const r = await engine.features({ values: lognormal(64, 5) }, { set: 'fast', lags: [3, 70], bands: [0, 0.5, 1] });
    expect(r.names.filter((n) => n.startsWith('acf_') || n.startsWith('band_'))).toEqual(['acf_lag3', 'acf_lag70', 'band_power_0_0.5', 'band_power_0.5_1']);
    expect(r.values[r.names.indexOf('acf_lag70')]).toBeNaN();
  });

  it('catch24 dispatches to the catch22 implementation', async () => {
    const r = await engine.features({ values: lognormal(300, 6), length: 100 }, { set: 'catch24' });
    expect(r.names).toHaveLength(24);
    expect(r.names[22]).toBe('DN_Mean');
    expect(r.values.length).toBe(3 * 24);
    // 'auto' runs catch22 on WASM wherever the runtime has SIMD (the catch22Set kernel has JS and WASM only).
    expect(r.backend).toBe('wasm');
  });

  it('errors name the argument and the index', async () => {
    const v = new Float64Array(10);
    await expect(engine.features({ values: v, offsets: Uint32Array.of(0, 5, 3) }, { set: 'fast' })).rejects.toThrow(/offsets\[2\] = 3 < offsets\[1\] = 5/);
    await expect(engine.features({ values: v, offsets: Uint32Array.of(0, 11) }, { set: 'fast' })).rejects.toThrow(/offsets\[1\] = 11: past the end/);
    await expect(engine.features({ values: v, length: 3 }, { set: 'fast' })).rejects.toThrow(/length.*not a multiple of 3/);
    await expect(engine.features({ values: v }, { set: 'fast', window: 20 })).rejects.toThrow(/window: 20 is longer/);
    await expect(engine.features({ values: v }, { set: 'fast', window: 2, step: 0 })).rejects.toThrow(/step: 0/);
    await expect(engine.features({ values: v }, { set: 'fast', lags: [1, 1] })).rejects.toThrow(/lags\[1\] = 1: appears twice/);
    await expect(engine.features({ values: v }, { set: 'fast', bands: [0, 0.5, 0.4] })).rejects.toThrow(/bands\[2\]/);
    await expect(engine.features({ values: v }, { set: 'slow' as never })).rejects.toThrow(/set: "slow"/);
    await expect(engine.features({ values: [1, 2, 'x' as never] }, { set: 'fast' })).rejects.toThrow(/series\.values\[2\]/);
  });
});
