/** `gpulse batch --demo` end to end: Parquet outputs that read back, exact percentiles, injected anomalies ranked high. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFleet } from '../../apps/shared/fleet-generator.js';
import { fixtureDir, reference, type CliRun } from '../cli/helpers.js';
import { batch, readParquet, TABLES } from './helpers.js';

const VMS = 60;
const DAYS = 3;
const fx = fixtureDir();
const out = fx.path('out');
const prom = fx.path('batch.prom');
let run: CliRun;

beforeAll(async () => {
  run = await batch('--demo', '--vms', String(VMS), '--days', String(DAYS), '--out', out, '--metrics-out', prom);
});
afterAll(() => fx.cleanup());

describe('gpulse batch --demo', () => {
  it('exits 0 and prints the summary with per-stage telemetry', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${VMS} VMs × ${DAYS} days`);
    for (const stage of ['per-entity percentiles', 'per-bucket percentiles', 'features (fast)', 'anomaly scores', 'write parquet']) expect(run.stdout).toContain(stage);
    expect(run.stdout).toMatch(/injected anomalies found in the top \d+: \d+\/\d+/);
  });

  it('writes every table as Parquet that hyparquet reads back', async () => {
    for (const t of TABLES) expect(existsSync(join(out, `${t}.parquet`))).toBe(true);
    const entities = await readParquet(join(out, 'entity_percentiles.parquet'));
    expect(entities).toHaveLength(VMS);
    const buckets = await readParquet(join(out, 'bucket_percentiles.parquet'));
    expect(buckets).toHaveLength(DAYS * 24);
    expect(buckets[0].bucket_start).toEqual(new Date(Date.UTC(2026, 0, 5)));
    expect(buckets.every((b) => b.count === VMS * 12)).toBe(true);
    const features = await readParquet(join(out, 'features.parquet'));
    expect(features).toHaveLength(VMS);
    expect(features[0]).toHaveProperty('spectral_entropy');
  });

  it('per-VM percentiles are exact (numpy linear)', async () => {
    const fleet = generateFleet({ vms: VMS, days: DAYS });
    const n = fleet.pointsPerVm;
    const rows = await readParquet(join(out, 'entity_percentiles.parquet'));
    for (const v of [0, 17, VMS - 1]) {
      const row = rows.find((r) => r.entity === `vm-${String(v + 1).padStart(4, '0')}`)!;
      const want = reference(Array.from(fleet.values.subarray(v * n, (v + 1) * n)), [0.5, 0.9, 0.95, 0.99]);
      expect([row.p50, row.p90, row.p95, row.p99]).toEqual(want);
    }
  });

  it('ranks the injected anomalies high', async () => {
    const fleet = generateFleet({ vms: VMS, days: DAYS });
    const scores = await readParquet(join(out, 'anomaly_scores.parquet'));
    expect(scores).toHaveLength(VMS);
    const rank = new Map(scores.map((s) => [s.entity as string, s.rank as number]));
    const ranks = fleet.anomalies.map((a) => rank.get(`vm-${String(a.vm + 1).padStart(4, '0')}`)!);
    expect(ranks.length).toBeGreaterThan(0);
    // Every injected VM in the top third, and on average in the top sixth, of 60.
    expect(Math.max(...ranks)).toBeLessThanOrEqual(VMS / 3);
    expect(ranks.reduce((s, r) => s + r, 0) / ranks.length).toBeLessThanOrEqual(VMS / 6);
  });

  it('writes per-stage telemetry in Prometheus text format', () => {
    const text = readFileSync(prom, 'utf8');
    expect(text).toContain('# TYPE gpulse_batch_stage_seconds gauge');
    expect(text).toContain(`gpulse_batch_stage_rows{stage="per-entity percentiles",backend="js"} ${VMS * DAYS * 288}\n`);
    expect(text).toMatch(/^gpulse_batch_seconds \d/m);
  });
});
