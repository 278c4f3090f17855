/**
 * `gpulse batch --demo` (and `npm start`): the built-in fleet (apps/shared/fleet-generator.ts) through every
 * stage in memory. The fleet is entity-major with equal-length, time-sorted series, so features use the
 * { values, length } form and hourly keys are computed for one VM and tiled.
 */
import { timeBuckets, type Engine } from '../../../../engine/index.js';
import { generateFleet, type InjectedAnomaly } from '../../../shared/fleet-generator.js';
import type { Dataset } from './dataset.js';
import { emptyResults, type BatchResults } from './results.js';
import { ScoreCollector } from './scores.js';
import { bucketPercentiles, entityPercentiles, entitySeries, finishScores, type StageOptions } from './stages.js';
import type { Telemetry } from './telemetry.js';

export interface DemoRun {
  results: BatchResults;
  names: string[];
  injected: Map<string, InjectedAnomaly>;
  rows: number;
}

export async function runDemo(engine: Engine, opts: { vms: number; days: number } & Omit<StageOptions, 'originMs'>, featureNames: string[] | undefined, t: Telemetry): Promise<DemoRun> {
  const fleet = await t.stage('generate fleet', () => generateFleet({ vms: opts.vms, days: opts.days }), (f) => ({ rows: f.values.length, bytes: f.values.byteLength }));
  const n = fleet.pointsPerVm;
  const entityNames = Array.from({ length: fleet.vms }, (_, v) => `vm-${String(v + 1).padStart(4, '0')}`);
  const ds = await t.stage('prepare columns', () => fleetDataset(fleet.values, fleet.vms, n, fleet.startMs, fleet.stepMs), (d) => ({ rows: d.entity.length, bytes: d.entity.byteLength + d.timeMs.byteLength }));
  const stageOpts: StageOptions = { ...opts, originMs: fleet.startMs, scorer: opts.model && new ScoreCollector(opts.model) };
  const results = emptyResults(opts.q, featureNames, opts.model !== undefined);
  await entityPercentiles(engine, ds, entityNames, stageOpts, results, t);
  const keys = await t.stage('time buckets', () => tiledBuckets(fleet.vms, n, fleet.startMs, fleet.stepMs, opts.bucketMs), (k) => ({ rows: k.length, bytes: k.byteLength }));
  await bucketPercentiles(engine, ds, stageOpts, results, t, keys);
  await entitySeries(engine, ds, entityNames, stageOpts, results, t);
  await finishScores(results, stageOpts, t);
  const injected = new Map(fleet.anomalies.map((a) => [entityNames[a.vm], a]));
  return { results, names: entityNames, injected, rows: fleet.values.length };
}

function fleetDataset(values: Float32Array, vms: number, n: number, startMs: number, stepMs: number): Dataset {
  const entity = new Uint32Array(vms * n);
  for (let v = 0; v < vms; v++) entity.fill(v, v * n, (v + 1) * n);
  // One VM's timestamps, not vms × n: every VM shares them, and with seriesLength set and the bucket keys
  // given (tiledBuckets) no stage reads timeMs row by row.
  const timeMs = Float64Array.from({ length: n }, (_, i) => startMs + i * stepMs);
  return { entity, timeMs, metrics: [{ name: 'cpu', values }], seriesLength: n };
}

/** timeBuckets on one VM's timestamps, tiled over the fleet: every VM shares the same clock. */
function tiledBuckets(vms: number, n: number, startMs: number, stepMs: number, bucketMs: number): Uint32Array {
  const one = timeBuckets(Float64Array.from({ length: n }, (_, i) => startMs + i * stepMs), bucketMs, startMs).keys;
  const keys = new Uint32Array(vms * n);
  for (let v = 0; v < vms; v++) keys.set(one, v * n);
  return keys;
}
