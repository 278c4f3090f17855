/**
 * `gpulse batch --input`: CSV, Arrow IPC and Parquet copies of one fleet give identical results; a tiny
 * --memory-budget (spill to disk, partitioned passes) gives the same exact results; --approx stays within
 * the sketch's 1% relative accuracy.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDir, reference } from '../cli/helpers.js';
import { fleetRows, writeArrow, writeCsv, writeParquet, type FleetRows } from './fixtures.js';
import { batch, readJson, TABLES } from './helpers.js';

const fx = fixtureDir();
let rows: FleetRows;
const files: Record<string, string> = {};
const common = ['--entity', 'vm', '--time', 'ts', '--value', 'cpu,mem', '--format', 'json'];

beforeAll(async () => {
  rows = fleetRows(12, 2);
  files.csv = writeCsv(fx.path(''), rows);
  files.arrow = writeArrow(fx.path(''), rows);
  files.parquet = writeParquet(fx.path(''), rows);
  const runs = await Promise.all([
    ...Object.entries(files).map(([kind, path]) => batch('--input', path, '--out', fx.path(kind), ...common)),
    batch('--input', files.csv, '--out', fx.path('spill'), '--memory-budget', '64KB', ...common),
    batch('--input', files.parquet, '--out', fx.path('approx'), '--approx', '--features', 'none', '--model', 'none', ...common),
  ]);
  for (const r of runs) expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  expect(runs[3].stdout).toMatch(/spilled to \d+ partitions/);
});
afterAll(() => fx.cleanup());

describe('gpulse batch --input', () => {
  it('reads CSV, Arrow IPC and Parquet of the same data to identical results', () => {
    for (const t of TABLES) {
      const csv = readJson(fx.path('csv'), t);
      expect(csv.length).toBeGreaterThan(0);
      expect(readJson(fx.path('arrow'), t)).toEqual(csv);
      expect(readJson(fx.path('parquet'), t)).toEqual(csv);
    }
  });

  it('per-entity percentiles are exact, per metric', () => {
    const got = readJson(fx.path('csv'), 'entity_percentiles');
    expect(got).toHaveLength(24);
    for (const metric of ['cpu', 'mem'] as const) {
      const xs = rows[metric].filter((_, i) => rows.vm[i] === 'vm-3');
      const row = got.find((r) => r.entity === 'vm-3' && r.metric === metric)!;
      expect([row.p50, row.p90, row.p95, row.p99]).toEqual(reference(xs, [0.5, 0.9, 0.95, 0.99]));
    }
  });

  it('a tiny --memory-budget spills, and gives the very same exact results', () => {
    for (const t of TABLES) expect(readJson(fx.path('spill'), t)).toEqual(readJson(fx.path('csv'), t));
  });

  it('--approx percentiles are within the sketch 1% of the exact order statistics', () => {
    const exact = readJson(fx.path('csv'), 'entity_percentiles');
    const approx = readJson(fx.path('approx'), 'entity_percentiles');
    expect(approx).toHaveLength(exact.length);
    const q = [0.5, 0.9, 0.95, 0.99];
    for (const e of exact) {
      const a = approx.find((r) => r.entity === e.entity && r.metric === e.metric)!;
      expect(a.count).toBe(e.count);
      const xs = rows[e.metric as 'cpu' | 'mem'].filter((_, i) => rows.vm[i] === e.entity);
      // A DDSketch answers with a rank's value within α = 1%; the linear interpolation lies between two ranks.
      const lo = reference(xs, q, 'lower');
      const hi = reference(xs, q, 'higher');
      q.forEach((_, j) => {
        const v = a[`p${[50, 90, 95, 99][j]}`] as number;
        expect(v).toBeGreaterThanOrEqual(lo[j] * 0.99 - 1e-9);
        expect(v).toBeLessThanOrEqual(hi[j] * 1.01 + 1e-9);
      });
    }
    expect(readJson(fx.path('approx'), 'bucket_percentiles')).toHaveLength(readJson(fx.path('csv'), 'bucket_percentiles').length);
  });

  it('leaves no temporary files behind', () => {
    for (const dir of ['csv', 'spill', 'approx']) expect(readdirSync(fx.path(dir)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});
