/**
 * Exact p50/p90/p95/p99 of one Float32Array (seeded uniform and lognormal, 1e6 and 1e7) and per group
 * (lognormal, 1e6 / 1k groups and 1e7 / 10k groups): gpulse's backends against the JS libraries people use,
 * sketches (approximate, marked) and DuckDB. Every exact answer is checked against gpulse js's.
 */
import { fingerprintFloats, runCase, type Contender } from '../harness/contest.js';
import { countLabel, dataset, DISTRIBUTIONS, groupKeys, sizeLabel } from '../harness/data.js';
import { printGroup, vsGpulseBest, vsRow } from '../harness/table.js';
import type { TimerOptions } from '../harness/timer.js';
import type { Row, Suite, SuiteContext, SuiteReport } from '../harness/types.js';
import { gpulseContenders } from './percentiles/gpulse.js';
import { ALL_PEERS, HDR_SCALE, sortPeer } from './percentiles/peers.js';
import { duckdbGroupedPeer, duckdbPeer, duckdbSetup, resetDuckdb } from './percentiles/duckdb.js';
import { fingerprintGrouped, groupedSortPeer, type GroupedInput } from './percentiles/grouped.js';

const FULL = { sizes: [1e6, 1e7], grouped: [{ n: 1e6, groups: 1000 }, { n: 1e7, groups: 10_000 }] };
const QUICK = { sizes: [1e5], grouped: [{ n: 1e5, groups: 100 }] };
/** Software WebGPU adapters take seconds per call at larger sizes and say nothing about speed. */
const SOFTWARE_MAX = 1e6;
const RATIOS = [vsGpulseBest, vsRow('gpulse wasm', '× vs gpulse wasm (1 thread)')];

/** Enough runs for a stable median without letting multi-second peers at 1e7 eat the time budget. */
function timerFor(n: number): Partial<TimerOptions> {
  if (n >= 1e7) return { minRuns: 3, minMs: 0, slowMs: 1500, slowRuns: 1 };
  if (n >= 1e6) return { minRuns: 5, minMs: 300, slowMs: 1500, slowRuns: 2 };
  return { minRuns: 10, minMs: 200 };
}

async function run(ctx: SuiteContext): Promise<SuiteReport> {
  const plan = ctx.quick ? QUICK : FULL;
  const gpulse = await gpulseContenders({ stub: ctx.stub, softwareMaxValues: SOFTWARE_MAX });
  const rows: Row[] = [];
  const reference = ['gpulse js', sortPeer.name];
  try {
    const single: Contender<Float32Array>[] = [...gpulse.single, ...ALL_PEERS, duckdbPeer];
    for (const n of plan.sizes) {
      for (const dist of DISTRIBUTIONS) {
        const group = `${dist} ${sizeLabel(n)}`;
        const input = dataset(dist, n);
        const got = await runCase({ group, size: sizeLabel(n), values: n, input, timer: timerFor(n), reference, fingerprint: fingerprintFloats, full: ctx.full }, single, ctx.log);
        printGroup(`percentiles p50/p90/p95/p99 · ${dist} · n = ${sizeLabel(n)} (Float32Array)`, got, RATIOS);
        rows.push(...got);
      }
    }
    const grouped: Contender<GroupedInput>[] = [...gpulse.grouped, groupedSortPeer, duckdbGroupedPeer];
    for (const { n, groups } of plan.grouped) {
      const size = `${sizeLabel(n)} / ${countLabel(groups)} groups`;
      const input: GroupedInput = { values: dataset('lognormal', n), groups: groupKeys(n, groups), groupCount: groups };
      const groupedRef = ['gpulse js', groupedSortPeer.name];
      const got = await runCase(
        { group: `grouped lognormal ${size}`, size, values: n, input, timer: timerFor(n), reference: groupedRef, fingerprint: fingerprintGrouped, full: ctx.full },
        grouped,
        ctx.log,
      );
      printGroup(`grouped percentiles p50/p90/p95/p99 · lognormal · ${size}`, got, RATIOS);
      rows.push(...got);
    }
  } finally {
    gpulse.dispose();
  }
  const duck = await duckdbSetup();
  await resetDuckdb();
  return { rows, notes: [...gpulse.notes, ...notes(duck)], webgpuAdapter: gpulse.adapter };
}

function notes(duck: string): string[] {
  return [
    'Data: seeded (test/support/seeded.ts) uniform [0,1) and lognormal(0,1), generated in f64 then stored as Float32Array; the same arrays go to every contender, and each contender is checked to leave them unchanged.',
    'Timing: warm-up run(s), then ≥ 10 runs & 200 ms (1e5), ≥ 5 runs & 300 ms (1e6), ≥ 3 runs (1e7); a contender whose warm-up exceeds 1.5 s gets 2 (1e6) or 1 (1e7) timed runs. Wall clock per call, input already in memory.',
    'check: ✓ = bit-equal to gpulse js (ref); ≈ 1 ulp = same order statistics, a + (b − a)·t lerp instead of numpy\'s two-sided lerp; approx = worst relative error of a sketch vs the exact answer.',
    'gpulse rows: engine created once per configuration, timed calls go through engine.percentiles / engine.groupedPercentiles (input checks, kernel, result) with q = [0.5, 0.9, 0.95, 0.99], method linear.',
    'Float64 copy + sort: Float64Array.from(f32) + TypedArray.prototype.sort + lerp; JS sort per group: counting sort by (dense) key into one f64 buffer, sort each slice, lerp.',
    'd3-array: d3.quantile(data, p) once per q, as documented (each call copies to f64 and quickselects). simple-statistics: quantile(data, [q…]) once (slice + multi-quickselect).',
    'd3-array and tdigest take seconds per call at 1e7 (linear cost; their 1e6 rows give the rate): they run at 1e7 only with --full, to keep the default run near 3 minutes.',
    `Sketches (approx, build + query timed): tdigest δ 0.01 push per value; DDSketch default 1% relative accuracy; hdr-histogram-js WebAssembly build, values scaled ×${HDR_SCALE.toExponential().replace('+', '')} and rounded to integers (3 significant digits).`,
    `${duck}. Tables loaded once per input via appender data chunks (untimed); timed: the SELECT and reading its rows into JS. Column FLOAT, query on v::DOUBLE so the interpolation is f64.`,
  ];
}

const suite: Suite = { name: 'percentiles', title: 'Percentiles: gpulse vs JS libraries, sketches and DuckDB', run };
export default suite;
