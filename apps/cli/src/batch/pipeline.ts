/**
 * `gpulse batch --input`: pass 1 streams every file in chunks sized from the memory budget, numbers entities
 * and keeps rows in memory — or, once they outgrow half the budget (the engine needs room for its own copies),
 * hash-partitions them to disk (spill.ts). Pass 2 runs the stages on the in-memory rows, or on one spill
 * partition at a time. --approx builds per-chunk DDSketches during pass 1 and merges them instead.
 */
import type { Engine } from '../../../../engine/index.js';
import type { ColumnChunk, InputColumns } from './chunk.js';
import type { Dataset } from './dataset.js';
import { listInputs } from './inputs.js';
import type { Progress } from './progress.js';
import { emptyResults, type BatchResults } from './results.js';
import { RowBuffer, rowBytes } from './rows.js';
import { ScoreCollector } from './scores.js';
import { SketchAccumulator } from './sketches.js';
import { Spill } from './spill.js';
import { bucketPercentiles, entityPercentiles, entitySeries, finishScores, type StageOptions } from './stages.js';
import { formatBytes, type Telemetry } from './telemetry.js';

export interface InputOptions extends Omit<StageOptions, 'originMs'> {
  input: string;
  columns: InputColumns;
  budget: number;
  approx: boolean;
  progress: Progress;
}

export async function runInput(engine: Engine, o: InputOptions, featureNames: string[] | undefined, t: Telemetry) {
  const files = listInputs(o.input);
  const names: string[] = [];
  const ids = new Map<string, number>();
  const perRow = rowBytes(o.columns.values.length);
  const inMemoryLimit = Math.floor(o.budget / 2);
  // Chunks are a sixteenth of the budget, so a chunk plus its parsed copy never dominate it.
  const chunkRows = Math.max(256, Math.min(1 << 18, Math.floor(o.budget / 16 / perRow)));
  const keepRows = !o.approx || o.features !== 'none' || o.model !== undefined;
  const sketches = o.approx ? new SketchAccumulator(engine, o.columns.values, o.bucketMs, o.signal) : undefined;
  const mem = new RowBuffer(o.columns.values);
  let spill: Spill | undefined;
  let rows = 0;
  let minTime = Infinity;
  const notes: string[] = [];
  const totalBytes = files.reduce((s, f) => s + f.bytes, 0);
  let bytesBefore = 0;
  let spillMs = 0;
  let spillTotalMs = 0;

  try {
    for (const file of files) {
      o.progress.start(`read ${file.path.split('/').pop()}`, file.bytes);
      let chunk: ColumnChunk | undefined;
      const started = performance.now();
      let fileRows = 0;
      let fileBytes = 0;
      for await (chunk of file.read(file.path, o.columns, chunkRows)) {
        const entity = new Uint32Array(chunk.rows);
        for (let i = 0; i < chunk.rows; i++) {
          // By text, so 7 from a Parquet INT column and "7" from a CSV file are one entity.
          const key = String(chunk.entity[i]);
          let id = ids.get(key);
          if (id === undefined) {
            id = names.length;
            ids.set(key, id);
            names.push(key);
          }
          entity[i] = id;
          if (chunk.timeMs[i] < minTime) minTime = chunk.timeMs[i];
        }
        rows += chunk.rows;
        fileRows += chunk.rows;
        fileBytes += chunk.bytes;
        if (sketches) await sketches.add(entity, chunk.timeMs, chunk.values, t);
        if (keepRows) {
          if (!spill && (mem.rows + chunk.rows) * perRow > inMemoryLimit) {
            // Extrapolate the whole input's rows from the share read so far, and cut partitions to fit half the budget.
            const share = (bytesBefore + (chunk.done / Math.max(1, chunk.total)) * file.bytes) / Math.max(1, totalBytes);
            const expected = rows / Math.max(share, 1e-6);
            const partitions = Math.min(4096, Math.max(2, Math.ceil((expected * perRow * 1.25) / inMemoryLimit)));
            spill = new Spill(partitions, o.columns.values, o.bucketMs);
            const held = mem.finish();
            spill.write(held.entity, held.timeMs, held.metrics.map((m) => m.values as Float64Array));
            notes.push(`memory budget ${formatBytes(o.budget)}: input spilled to ${partitions} partitions on disk (exact percentiles by partition)`);
          }
          if (spill) {
            const spilled = performance.now();
            spill.write(entity, chunk.timeMs, chunk.values);
            spillMs += performance.now() - spilled;
          } else mem.append(entity, chunk.timeMs, chunk.values);
        }
        o.progress.update(chunk.done);
      }
      o.progress.stop();
      t.add({ stage: 'read input', ms: performance.now() - started - spillMs, rows: fileRows, bytes: fileBytes, backend: 'io' });
      bytesBefore += file.bytes;
      spillTotalMs += spillMs;
      spillMs = 0;
    }
    spill?.seal();
    if (spill) t.add({ stage: 'spill write', ms: spillTotalMs, rows, bytes: spill.bytesWritten, backend: 'io' });

    const stage: StageOptions = { ...o, originMs: Number.isFinite(minTime) ? minTime : 0, scorer: o.model && new ScoreCollector(o.model) };
    const results = emptyResults(o.q, featureNames, o.model !== undefined);
    if (sketches) sketches.finish(results, names, o.q);
    if (keepRows && !spill) {
      const ds = mem.finish();
      await passStages(engine, ds, ds, names, stage, results, t, o.approx);
    } else if (spill) {
      o.progress.start('partitions', spill.partitions);
      for (let p = 0; p < spill.partitions; p++) {
        const started = performance.now();
        const byEntity = spill.read('entity', p);
        const byBucket = spill.read('bucket', p);
        t.add({ stage: 'spill read', ms: performance.now() - started, rows: byEntity.ds.entity.length + byBucket.ds.entity.length, bytes: byEntity.bytes + byBucket.bytes, backend: 'io' });
        const biggest = Math.max(byEntity.bytes, byBucket.bytes);
        if (biggest > o.budget) notes.push(`partition ${p} holds ${formatBytes(biggest)}, over the memory budget (a few very large groups)`);
        await passStages(engine, byEntity.ds, byBucket.ds, names, stage, results, t, o.approx);
        o.progress.update(p + 1);
      }
      o.progress.stop();
    }
    // One order however the rows were produced (metric by metric, partition by partition): entities in order of
    // first appearance, buckets by time, then metrics in --value order.
    const order = new Map(names.map((n, i) => [n, i]));
    const metricIndex = (r: unknown[]) => o.columns.values.indexOf(r[1] as string);
    for (const table of [results.entityPercentiles, results.features]) table?.sortBy((r) => order.get(r[0] as string)! * 1024 + metricIndex(r));
    results.bucketPercentiles.sortBy((r) => (r[0] as Date).getTime() * 1024 + metricIndex(r));
    await finishScores(results, stage, t);
    if (o.approx) notes.push('percentiles: approximate (DDSketch, 1% relative accuracy), one pass');
    return { results, entities: names.length, rows, notes };
  } finally {
    o.progress.stop();
    spill?.dispose();
  }
}

async function passStages(engine: Engine, byEntity: Dataset, byBucket: Dataset, names: string[], s: StageOptions, out: BatchResults, t: Telemetry, approx: boolean): Promise<void> {
  if (!approx) {
    await entityPercentiles(engine, byEntity, names, s, out, t);
    await bucketPercentiles(engine, byBucket, s, out, t);
  }
  await entitySeries(engine, byEntity, names, s, out, t);
}
