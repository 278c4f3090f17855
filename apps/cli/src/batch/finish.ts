/** The end of every batch run: write the result tables, the Prometheus file, and build the summary text. */
import { renameSync, writeFileSync } from 'node:fs';
import { CliError } from '../errors.js';
import { forget, track } from './cleanup.js';
import { prometheusText } from './prometheus.js';
import type { BatchResults } from './results.js';
import { formatSummary, type SummaryInput } from './summary.js';
import type { Telemetry } from './telemetry.js';
import { writeTable, type OutputFormat } from './writers.js';

export interface FinishInput extends Omit<SummaryInput, 'outputs'> {
  results: BatchResults;
  telemetry: Telemetry;
  out: string;
  format: OutputFormat;
  metricsOut?: string;
}

export async function finishRun(f: FinishInput): Promise<string> {
  const tables = [f.results.entityPercentiles, f.results.bucketPercentiles, f.results.features, f.results.scores].filter((x) => x !== undefined);
  const outputs = await f.telemetry.stage(
    `write ${f.format}`,
    () => tables.map((t) => writeTable(f.out, t, f.format)),
    (o) => ({ rows: tables.reduce((s, t) => s + t.rows.length, 0), bytes: o.reduce((s, x) => s + x.bytes, 0), backend: 'io' }),
  );
  if (f.metricsOut) {
    const tmp = `${f.metricsOut}.tmp-${process.pid}`;
    track(tmp);
    try {
      writeFileSync(tmp, prometheusText(f.telemetry.stages, f.telemetry.totalMs, f.telemetry.computeMs));
      renameSync(tmp, f.metricsOut);
    } catch (error) {
      throw new CliError(`cannot write --metrics-out ${f.metricsOut}: ${(error as Error).message}`);
    } finally {
      forget(tmp);
    }
  }
  return formatSummary({ ...f, outputs });
}
