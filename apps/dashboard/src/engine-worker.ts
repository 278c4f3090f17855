/// <reference types="vite/client" />
/**
 * The dashboard's module Web Worker: owns the data and one gpulse engine (WebGPU when the worker sees an
 * adapter and the page allows it, else WASM), and answers the page over comlink. Every aggregate over all
 * entities is one grouped engine call: groupedPercentiles with entity keys, features with { values, offsets }.
 * The anomaly model (apps/model/score.ts + anomaly-model.int8.onnx) is optional: import.meta.glob finds it at
 * build time when it is there, and the anomaly column is left out when it is not.
 */
import * as Comlink from 'comlink';
import { createEngine, timeBuckets, type Engine, type Model } from '../../../engine/index.js';
import { generateFleet } from '../../shared/fleet-generator.js';
import { fromColumns, fromFleet, lowerBound, parseCsv, timeSpan, type Column, type Dataset } from './dataset.js';
import type { DashboardWorkerApi, DatasetSummary, EntitySeries, EntityTable, InitInfo, Overview, StageTime } from './worker-api.js';

const Q = [0.5, 0.9, 0.95, 0.99];
const FEATURES = ['mean', 'std', 'acf_lag1', 'trend_slope', 'spectral_flatness'];

/** The part of apps/model/score.ts the dashboard calls. */
interface ScoreModule {
  scoreFleet(
    engine: Engine,
    values: Float32Array,
    layout: { offsets: ArrayLike<number>; model: Model },
  ): Promise<{ seriesScores: Float32Array; worstWindow: Int32Array; windows: { windowStart: Uint32Array } }>;
}
const scoreModules = import.meta.glob<ScoreModule>('../../model/score.ts');
const modelUrls = import.meta.glob<string>('../../model/anomaly-model.int8.onnx', { query: '?url', import: 'default' });
const MODEL_WINDOW = 288;
let modelPromise: Promise<{ mod: ScoreModule; model: Model } | null> | null = null;
/** Per entity (t0, t1) of the model's worst window in the last compute; NaN where none. */
let worst = new Float64Array(0);

function loadAnomalyModel(): Promise<{ mod: ScoreModule; model: Model } | null> {
  modelPromise ??= (async () => {
    const s = Object.values(scoreModules)[0];
    const u = Object.values(modelUrls)[0];
    if (!s || !u) return null;
    try {
      const [mod, url] = await Promise.all([s(), u()]);
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      return { mod, model: await engine!.loadModel(bytes) };
    } catch (e) {
      console.warn('anomaly model not loaded:', e);
      return null;
    }
  })();
  return modelPromise;
}

let engine: Engine | null = null;
let backend: 'webgpu' | 'wasm' | 'js' = 'wasm';
let data: Dataset | null = null;

function median(a: Float64Array): number {
  if (a.length === 0) return NaN;
  const s = Float64Array.from(a).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timed<T>(timings: StageTime[], stage: string, fn: () => T): T {
  const t = performance.now();
  const r = fn();
  timings.push({ stage, ms: performance.now() - t });
  return r;
}

/**
 * One engine call on the active backend, timed. If the WebGPU path throws (anything but the device loss the
 * engine already handles), the call is redone on WASM and the stage says so.
 */
async function call<T extends { backend: string }>(timings: StageTime[], stage: string, fn: (b: 'webgpu' | 'wasm' | 'js') => Promise<T>): Promise<T> {
  const t = performance.now();
  try {
    const r = await fn(backend);
    timings.push({ stage, ms: performance.now() - t, backend: r.backend });
    return r;
  } catch (error) {
    if (backend !== 'webgpu') throw error;
    console.warn(`${stage} on webgpu failed, redone on wasm:`, error);
    const r = await fn('wasm');
    timings.push({ stage, ms: performance.now() - t, backend: `${r.backend} (webgpu failed)` });
    return r;
  }
}

function need(): Dataset {
  if (!data) throw new Error('no data loaded');
  return data;
}

function summary(d: Dataset, timings: StageTime[]): DatasetSummary {
  const [t0, t1] = timeSpan(d);
  return { source: d.source, entities: d.names.length, points: d.values.length, t0, t1, columns: d.columns, timings };
}

/** Points of every entity in [t0, t1): one values array, its entity keys, and per-entity offsets. */
function slice(d: Dataset, t0: number, t1: number): { values: Float32Array; groups: Uint32Array; offsets: Uint32Array; lo: Uint32Array } {
  const E = d.names.length;
  const lo = new Uint32Array(E);
  const hi = new Uint32Array(E);
  const offsets = new Uint32Array(E + 1);
  for (let e = 0; e < E; e++) {
    lo[e] = lowerBound(d.times, d.offsets[e], d.offsets[e + 1], t0);
    hi[e] = lowerBound(d.times, lo[e], d.offsets[e + 1], t1);
    offsets[e + 1] = offsets[e] + (hi[e] - lo[e]);
  }
  const values = new Float32Array(offsets[E]);
  const groups = new Uint32Array(offsets[E]);
  for (let e = 0; e < E; e++) {
    values.set(d.values.subarray(lo[e], hi[e]), offsets[e]);
    groups.fill(e, offsets[e], offsets[e + 1]);
  }
  return { values, groups, offsets, lo };
}

async function readFile(name: string, bytes: ArrayBuffer): Promise<Record<string, Column>> {
  const lower = name.toLowerCase();
  if (lower.endsWith('.parquet')) {
    const { parquetReadObjects } = await import('hyparquet');
    const rows = (await parquetReadObjects({ file: bytes })) as Record<string, unknown>[];
    const cols: Record<string, unknown[]> = {};
    for (const k of Object.keys(rows[0] ?? {})) cols[k] = rows.map((r) => r[k]);
    return cols;
  }
  if (/\.(arrow|feather|ipc|arrows)$/.test(lower)) {
    const { tableFromIPC } = await import('apache-arrow');
    const table = tableFromIPC(new Uint8Array(bytes));
    const cols: Record<string, Column> = {};
    for (const f of table.schema.fields) cols[f.name] = table.getChild(f.name)!.toArray() as Column;
    return cols;
  }
  return parseCsv(new TextDecoder().decode(bytes));
}

const api: DashboardWorkerApi = {
  async init(allowGpu: boolean): Promise<InitInfo> {
    const probe = createEngine({ backend: 'wasm', workers: 0 });
    const caps = allowGpu ? await probe.capabilities() : probe.core.caps;
    probe.dispose();
    backend = allowGpu && caps.webgpu ? 'webgpu' : caps.wasmSimd ? 'wasm' : 'js';
    // workers: 0 — this worker is already off the main thread, and the engine's kernel-worker pool is not
    // bundled by Vite (its Worker URL is computed, not a literal `new URL(…, import.meta.url)`).
    engine = createEngine({ backend, workers: 0 });
    const a = caps.webgpu;
    const model = (await loadAnomalyModel()) !== null;
    return { backend, adapter: a ? `${a.vendor} ${a.architecture} ${a.description}`.trim() : null, wasmSimd: caps.wasmSimd, model };
  },

  async loadDemo(vms: number, days: number): Promise<DatasetSummary> {
    const timings: StageTime[] = [];
    const fleet = timed(timings, 'generate fleet', () => generateFleet({ vms, days }));
    data = timed(timings, 'index', () => fromFleet(fleet));
    return summary(data, timings);
  },

  async loadFile(name: string, bytes: ArrayBuffer): Promise<DatasetSummary> {
    const timings: StageTime[] = [];
    const t = performance.now();
    const cols = await readFile(name, bytes);
    timings.push({ stage: `parse ${name.split('.').pop()}`, ms: performance.now() - t });
    data = timed(timings, 'index', () => fromColumns(name, cols));
    return summary(data, timings);
  },

  async overview(buckets: number): Promise<Overview> {
    const d = need();
    const timings: StageTime[] = [];
    const [t0, t1] = timeSpan(d);
    const width = Math.max(1, Math.ceil((t1 - t0 + 1) / buckets));
    const { keys } = timed(timings, 'time buckets', () => timeBuckets(d.times, width, t0));
    const r = await call(timings, 'fleet percentiles per bucket', (b) => engine!.groupedPercentiles(d.values, keys, { q: [0.5, 0.99], backend: b }));
    const k = r.keys.length;
    const times = new Float64Array(k);
    const p50 = new Float64Array(k);
    const p99 = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      times[i] = t0 + r.keys[i] * width;
      p50[i] = r.values[2 * i];
      p99[i] = r.values[2 * i + 1];
    }
    return Comlink.transfer({ times, p50, p99, timings }, [times.buffer, p50.buffer, p99.buffer]);
  },

  async compute(t0: number, t1: number): Promise<EntityTable> {
    const d = need();
    const E = d.names.length;
    const timings: StageTime[] = [];
    const s = timed(timings, 'slice range', () => slice(d, t0, t1));
    const pr = await call(timings, `groupedPercentiles (${E} entities, ${s.values.length} points)`, (b) =>
      engine!.groupedPercentiles(s.values, s.groups, { q: Q, backend: b }),
    );
    const fr = await call(timings, `features 'fast' (${E} series)`, (b) =>
      engine!.features({ values: s.values, offsets: s.offsets }, { set: 'fast', backend: b }),
    );
    const t = performance.now();
    const pct = new Float64Array(E * 4).fill(NaN);
    for (let i = 0; i < pr.keys.length; i++) pct.set(pr.values.subarray(4 * i, 4 * i + 4), 4 * pr.keys[i]);
    const W = fr.names.length;
    const pick = FEATURES.map((n) => fr.names.indexOf(n)).filter((i) => i >= 0);
    const features = new Float64Array(E * pick.length);
    const z = new Float64Array(E).fill(NaN);
    const [iMin, iMax, i05, i95] = ['min', 'max', 'p05', 'p95'].map((n) => fr.names.indexOf(n));
    for (let e = 0; e < E; e++) {
      const row = e * W;
      pick.forEach((c, j) => (features[e * pick.length + j] = fr.values[row + c]));
      const sigma = (fr.values[row + i95] - fr.values[row + i05]) / 3.29;
      const p50 = pct[4 * e];
      if (sigma > 0) z[e] = Math.max(fr.values[row + iMax] - p50, p50 - fr.values[row + iMin]) / sigma;
    }
    const counts = new Uint32Array(E);
    for (let e = 0; e < E; e++) counts[e] = s.offsets[e + 1] - s.offsets[e];
    timings.push({ stage: 'assemble table', ms: performance.now() - t });
    // The anomaly model: one call over every entity's 1-day windows (features + inference), when bundled.
    let anomaly: Float64Array | null = null;
    worst = new Float64Array(2 * E).fill(NaN);
    const m = await loadAnomalyModel();
    if (m) {
      // apps/model is another module's work in progress: a failure there leaves the column out, not the page.
      try {
        const r = await call(timings, `anomaly model (features + inference)`, async () => {
          const out = await m.mod.scoreFleet(engine!, s.values, { offsets: s.offsets, model: m.model });
          return { ...out, backend: `${m.model.summary().execution?.backend ?? 'js'} (model)` };
        });
        anomaly = Float64Array.from(r.seriesScores);
        for (let e = 0; e < E; e++) {
          const w = r.worstWindow[e];
          if (w < 0) continue;
          const i = s.lo[e] + (r.windows.windowStart[w] - s.offsets[e]);
          worst[2 * e] = d.times[i];
          worst[2 * e + 1] = d.times[Math.min(i + MODEL_WINDOW - 1, d.offsets[e + 1] - 1)];
        }
      } catch (e) {
        console.warn('anomaly model failed:', e);
        timings.push({ stage: `anomaly model failed: ${(e as Error)?.message ?? e}`, ms: 0 });
      }
    }
    const result: EntityTable = {
      names: d.names,
      counts,
      pct,
      featureNames: pick.map((i) => fr.names[i]),
      features,
      z,
      anomaly,
      timings,
      backend: pr.backend,
    };
    return Comlink.transfer(result, [counts.buffer, pct.buffer, features.buffer, z.buffer, ...(anomaly ? [anomaly.buffer] : [])]);
  },

  async series(entity: number, t0: number, t1: number, buckets: number): Promise<EntitySeries> {
    const d = need();
    const timings: StageTime[] = [];
    const lo = lowerBound(d.times, d.offsets[entity], d.offsets[entity + 1], t0);
    const hi = lowerBound(d.times, lo, d.offsets[entity + 1], t1);
    const width = Math.max(1, Math.ceil((t1 - t0) / buckets));
    const values = d.values.slice(lo, hi);
    const { keys } = timed(timings, 'time buckets', () => timeBuckets(d.times.subarray(lo, hi), width, t0));
    const r = await call(timings, `percentiles per bucket (${hi - lo} points)`, (b) =>
      engine!.groupedPercentiles(values, keys, { q: [0, 0.5, 0.9, 0.99, 1], backend: b }),
    );
    const k = r.keys.length;
    const out = { times: new Float64Array(k), min: new Float64Array(k), p50: new Float64Array(k), p90: new Float64Array(k), p99: new Float64Array(k), max: new Float64Array(k) };
    const origin = Math.floor(t0 / width) * width;
    for (let i = 0; i < k; i++) {
      out.times[i] = origin + r.keys[i] * width;
      out.min[i] = r.values[5 * i];
      out.p50[i] = r.values[5 * i + 1];
      out.p90[i] = r.values[5 * i + 2];
      out.p99[i] = r.values[5 * i + 3];
      out.max[i] = r.values[5 * i + 4];
    }
    // Anomaly markers: buckets whose extreme lies beyond 8 robust σ from the local level (median of the
    // neighbouring buckets' p50). Known intervals are shaded instead.
    const level = new Float64Array(k);
    for (let i = 0; i < k; i++) level[i] = median(out.p50.subarray(Math.max(0, i - 3), Math.min(k, i + 4)));
    // Point noise: the larger of the in-bucket spread (typical p90 − p50) and the MAD of p50 around the level;
    // the first underestimates with few points per bucket, the second with many (p50 averages noise away).
    const spread = median(Float64Array.from(out.p90, (v, i) => v - out.p50[i])) / 1.2816;
    const sigma = Math.max(spread, 1.4826 * median(Float64Array.from(out.p50, (v, i) => Math.abs(v - level[i]))));
    const anomalies = new Float64Array(k).fill(NaN);
    for (let i = 0; i < k; i++) {
      const up = out.max[i] - level[i];
      const down = level[i] - out.min[i];
      if (sigma > 0 && Math.max(up, down) > 8 * sigma) anomalies[i] = up >= down ? out.max[i] : out.min[i];
    }
    const regions: EntitySeries['regions'] = d.truth
      .filter((a) => a.entity === entity && a.t0 < t1 && a.t1 > t0)
      .map((a) => ({ t0: Math.max(a.t0, t0), t1: Math.min(a.t1, t1), label: `injected ${a.kind}`, source: 'truth' as const }));
    if (Number.isFinite(worst[2 * entity])) regions.push({ t0: worst[2 * entity], t1: worst[2 * entity + 1], label: 'model: worst day', source: 'model' });
    const result: EntitySeries = { entity, ...out, anomalies, regions, timings };
    return Comlink.transfer(result, [out.times.buffer, out.min.buffer, out.p50.buffer, out.p90.buffer, out.p99.buffer, out.max.buffer, anomalies.buffer]);
  },

  async referencePercentiles(t0: number, t1: number): Promise<Float64Array> {
    const d = need();
    const E = d.names.length;
    const out = new Float64Array(E * 4).fill(NaN);
    for (let e = 0; e < E; e++) {
      const lo = lowerBound(d.times, d.offsets[e], d.offsets[e + 1], t0);
      const hi = lowerBound(d.times, lo, d.offsets[e + 1], t1);
      if (hi === lo) continue;
      const s = Float64Array.from(d.values.subarray(lo, hi)).sort();
      Q.forEach((q, j) => {
        const h = (s.length - 1) * q;
        const i = Math.floor(h);
        out[4 * e + j] = s[i] + (s[Math.min(i + 1, s.length - 1)] - s[i]) * (h - i);
      });
    }
    return Comlink.transfer(out, [out.buffer]);
  },
};

Comlink.expose(api);
