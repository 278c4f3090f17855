/**
 * `npm start` (gpulse batch --demo) at full size: 2 000 VMs × 14 days of 5-minute points (8.06e6), every stage
 * timed in-process from the batch telemetry (median of 3 runs after a warm-up), against the ≤ 3 s compute
 * target; and its percentile stage — per-VM exact p50/p90/p95/p99 over the same Float32Array — against DuckDB.
 */
import { createEngine, type BackendChoice, type Engine } from '../../engine/index.js';
import { generateFleet } from '../../apps/shared/fleet-generator.js';
import { runDemo } from '../../apps/cli/src/batch/demo.js';
import { builtinModelPath, loadScoringModel } from '../../apps/cli/src/batch/model.js';
import { featureNamesOf } from '../../apps/cli/src/batch/stages.js';
import { Telemetry } from '../../apps/cli/src/batch/telemetry.js';
import { fingerprintFloats, runCase, type Contender } from '../harness/contest.js';
import { sizeLabel } from '../harness/data.js';
import { printGroup, vsGpulseBest } from '../harness/table.js';
import { median } from '../harness/timer.js';
import type { Row, Suite, SuiteContext, SuiteReport } from '../harness/types.js';
import { duckdbGroupedPeer, duckdbSetup, resetDuckdb } from './percentiles/duckdb.js';
import { flattenGrouped, groupedSortPeer, type GroupedInput } from './percentiles/grouped.js';
import { Q } from './percentiles/peers.js';

const FULL = { vms: 2000, days: 14 };
const QUICK = { vms: 200, days: 14 };
const RUNS = 3;
/** `npm start` uses 'auto'; GPULSE_APPS_BACKEND=js|wasm|webgpu pins one (to compare, or to route around a backend). */
const BACKEND = (process.env.GPULSE_APPS_BACKEND ?? 'auto') as BackendChoice;
/** Stages outside the compute target (Telemetry.computeMs leaves them out too). */
const NOT_COMPUTE = new Set(['generate fleet', 'load model', 'write parquet']);

async function pipelineRows(engine: Engine, size: { vms: number; days: number }, log: (s: string) => void): Promise<Row[]> {
  const path = builtinModelPath();
  const model = path ? await loadScoringModel(engine, path) : undefined;
  const samples = new Map<string, { ms: number[]; rows: number; backend: string }>();
  const compute: number[] = [];
  const names = await featureNamesOf(engine, 'fast');
  try {
    for (let run = 0; run <= RUNS; run++) {
      const t = new Telemetry();
      await runDemo(engine, { ...size, q: Q, bucketMs: 3_600_000, features: 'fast', model }, names, t);
      if (run === 0) continue; // warm-up: WASM compile, worker start, JIT
      compute.push(t.computeMs);
      for (const s of t.stages) {
        const e = samples.get(s.stage) ?? { ms: [], rows: s.rows, backend: s.backend };
        e.ms.push(s.ms);
        samples.set(s.stage, e);
      }
      log(`  npm start pipeline run ${run}: compute ${compute.at(-1)!.toFixed(0)} ms`);
    }
  } finally {
    model?.dispose();
  }
  const size_ = `${size.vms} VMs × ${size.days} d`;
  const row = (name: string, ms: number[], values: number, note: string): Row => ({
    group: 'npm start pipeline', name, kind: 'gpulse', approx: false, countsForBest: name === 'compute total', size: size_, values,
    timing: { medianMs: median(ms), minMs: Math.min(...ms), runs: ms.length }, check: '', note,
  });
  const points = size.vms * size.days * 288;
  return [
    ...[...samples].map(([stage, s]) => row(stage, s.ms, s.rows, `${s.backend}${NOT_COMPUTE.has(stage) ? ' (not compute)' : ''}`)),
    row('compute total', compute, points, `target ≤ 3000 ms${model ? '' : '; no model: scoring skipped'}`),
  ];
}

async function run(ctx: SuiteContext): Promise<SuiteReport> {
  const size = ctx.quick ? QUICK : FULL;
  const engine = createEngine({ backend: BACKEND });
  const rows: Row[] = [];
  try {
    const pipeline = await pipelineRows(engine, size, ctx.log);
    printGroup(`npm start (gpulse batch --demo) · ${size.vms} VMs × ${size.days} days, per stage`, pipeline, []);
    rows.push(...pipeline);

    // The percentile stage on the very data the pipeline uses, against DuckDB's GROUP BY quantile_cont.
    const fleet = generateFleet(size);
    const n = fleet.pointsPerVm;
    const groups = new Uint32Array(fleet.values.length);
    for (let v = 0; v < fleet.vms; v++) groups.fill(v, v * n, (v + 1) * n);
    const input: GroupedInput = { values: fleet.values, groups, groupCount: fleet.vms };
    let backend = '';
    const gpulse: Contender<GroupedInput> = {
      name: `gpulse groupedPercentiles (${BACKEND})`,
      kind: 'gpulse',
      note: 'the batch stage call',
      async run(i) {
        const r = await engine.groupedPercentiles(i.values, i.groups, { q: Q });
        backend = r.backend;
        return flattenGrouped(r.keys, r.values);
      },
      describe: () => `ran on ${backend}`,
    };
    const label = `${sizeLabel(fleet.values.length)} / ${fleet.vms} VMs`;
    const got = await runCase(
      { group: `npm start percentile stage ${label}`, size: label, values: fleet.values.length, input, timer: { minRuns: 3, minMs: 0 }, reference: [gpulse.name, groupedSortPeer.name], fingerprint: (i) => fingerprintFloats(i.values), full: ctx.full },
      [gpulse, duckdbGroupedPeer, groupedSortPeer],
      ctx.log,
    );
    printGroup(`per-VM percentiles p50/p90/p95/p99 · fleet ${label} (Float32Array)`, got, [vsGpulseBest]);
    rows.push(...got);
  } finally {
    engine.dispose();
  }
  const duck = await duckdbSetup();
  await resetDuckdb();
  return {
    rows,
    notes: [
      `Pipeline: runDemo (apps/cli/src/batch/demo.ts) in-process, one engine (backend ${BACKEND}), ${RUNS} timed runs after a warm-up; per-stage medians from the batch telemetry. "compute total" sums every stage except fleet generation, model load and the Parquet writer.`,
      `Percentile stage: the generated fleet's values (Float32Array) with VM ids as group keys, the same arrays for every contender. ${duck}; table preloaded (untimed), timed: the GROUP BY query and reading its rows.`,
    ],
  };
}

const suite: Suite = { name: 'apps', title: 'Apps: npm start (gpulse batch --demo) per stage, percentile stage vs DuckDB', run };
export default suite;
