/**
 * The compute stages of one pass over a Dataset (the whole input, or one spill partition): exact per-entity
 * percentiles, exact per-bucket fleet percentiles, per-entity features, and anomaly scores. Each stage is one
 * engine call per metric, recorded in the telemetry.
 */
import { timeBuckets, type Engine, type Model } from '../../../../engine/index.js';
import { inSeriesOrder, seriesLayout, type Dataset, type SeriesLayout } from './dataset.js';
import type { BatchResults } from './results.js';
import type { ScoreCollector } from './scores.js';
import type { Telemetry } from './telemetry.js';

export interface StageOptions {
  q: number[];
  bucketMs: number;
  /** Global bucket origin (min timestamp of the whole input), so partitions agree on bucket edges. */
  originMs: number;
  features: 'fast' | 'catch24' | 'none';
  model?: Model;
  /** Collects model inputs across passes when a model is loaded. */
  scorer?: ScoreCollector;
  signal?: AbortSignal;
}

const bytesOf = (a: { byteLength: number }[]) => a.reduce((s, x) => s + x.byteLength, 0);

export async function entityPercentiles(engine: Engine, ds: Dataset, names: string[], o: StageOptions, out: BatchResults, t: Telemetry): Promise<void> {
  for (const m of ds.metrics) {
    const r = await t.stage('per-entity percentiles', () => engine.groupedPercentiles(m.values, ds.entity, { q: o.q, signal: o.signal }), (r) => ({ rows: m.values.length, bytes: bytesOf([m.values, ds.entity]), backend: r.backend }));
    const k = o.q.length;
    for (let g = 0; g < r.keys.length; g++) out.entityPercentiles.push([names[r.keys[g]], m.name, r.counts[g], ...r.values.subarray(g * k, (g + 1) * k)]);
  }
}

export async function bucketPercentiles(engine: Engine, ds: Dataset, o: StageOptions, out: BatchResults, t: Telemetry, keys?: Uint32Array): Promise<void> {
  const buckets = keys ?? (await t.stage('time buckets', () => timeBuckets(ds.timeMs, o.bucketMs, o.originMs).keys, (k) => ({ rows: k.length, bytes: ds.timeMs.byteLength })));
  for (const m of ds.metrics) {
    const r = await t.stage('per-bucket percentiles', () => engine.groupedPercentiles(m.values, buckets, { q: o.q, signal: o.signal }), (r) => ({ rows: m.values.length, bytes: bytesOf([m.values, buckets]), backend: r.backend }));
    const k = o.q.length;
    const origin = Math.floor(o.originMs / o.bucketMs) * o.bucketMs;
    for (let g = 0; g < r.keys.length; g++) out.bucketPercentiles.push([new Date(origin + r.keys[g] * o.bucketMs), m.name, r.counts[g], ...r.values.subarray(g * k, (g + 1) * k)]);
  }
}

/** Features and scores share the per-entity series layout (sorted once). */
export async function entitySeries(engine: Engine, ds: Dataset, names: string[], o: StageOptions, out: BatchResults, t: Telemetry): Promise<void> {
  if (o.features === 'none' && !o.scorer) return;
  const layout: SeriesLayout = await t.stage('series layout', () => seriesLayout(ds), (l) => ({ rows: ds.entity.length, bytes: l.order?.byteLength ?? 0 }));
  const series = ds.seriesLength ? { length: ds.seriesLength } : { offsets: layout.offsets };
  for (const m of ds.metrics) {
    const values = inSeriesOrder(m.values, layout);
    if (o.features !== 'none' && out.features) {
      const set = o.features;
      const r = await t.stage(`features (${set})`, () => engine.features({ values, ...series }, { set, signal: o.signal }), (r) => ({ rows: values.length, bytes: values.byteLength, backend: r.backend }));
      const w = r.names.length;
      for (let i = 0; i < layout.ids.length; i++) out.features.push([names[layout.ids[i]], m.name, r.status[i], ...r.values.subarray(i * w, (i + 1) * w)]);
    }
    if (o.scorer) {
      const shape = ds.seriesLength ? { pointsPerSeries: ds.seriesLength } : { offsets: layout.offsets };
      await o.scorer.add(engine, values, shape, Array.from(layout.ids, (id) => names[id]), m.name, t);
    }
  }
}

/** Runs the model over every pass's inputs, sorts scores descending (NaN last) and ranks them 1…n per metric. */
export async function finishScores(out: BatchResults, o: StageOptions, t: Telemetry): Promise<void> {
  await o.scorer?.finish(out, t);
  if (!out.scores) return;
  // Ties broken by entity name, so the ranking does not depend on the order partitions were scored in.
  const byName = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]), 'en', { numeric: true });
  out.scores.rows.sort((a, b) => (a[1] as string).localeCompare(b[1] as string) || rankKey(b[2]) - rankKey(a[2]) || byName(a, b));
  let metric = '';
  let rank = 0;
  for (const row of out.scores.rows) {
    rank = row[1] === metric ? rank + 1 : 1;
    metric = row[1] as string;
    row[3] = rank;
  }
}

const rankKey = (v: unknown) => (typeof v === 'number' && v === v ? v : -Infinity);

/** Column names of a feature set, from a tiny call (the layout follows the engine's defaults). */
export async function featureNamesOf(engine: Engine, set: 'fast' | 'catch24'): Promise<string[]> {
  return (await engine.features({ values: new Float64Array(8), length: 8 }, { set, backend: 'js' })).names;
}
