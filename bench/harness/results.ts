/** Writes bench/results/<suite>.json: date, machine, options, notes and every row (timings in ms). */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { machineInfo } from './machine.js';
import type { SuiteReport } from './types.js';

export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

export async function writeResults(suite: string, report: SuiteReport, options: { quick: boolean; full: boolean; stub: boolean }): Promise<string> {
  const doc = {
    suite,
    date: new Date().toISOString(),
    machine: machineInfo(report.webgpuAdapter ?? null),
    options,
    notes: report.notes,
    rows: report.rows.map((r) => ({
      ...r,
      mValuesPerSec: r.timing ? r.values / (r.timing.medianMs * 1e3) : null,
    })),
  };
  await mkdir(RESULTS_DIR, { recursive: true });
  // Quick and stub runs must not overwrite the real numbers.
  const tag = options.stub ? '.stub' : options.quick ? '.quick' : '';
  const path = `${RESULTS_DIR}${suite}${tag}.json`;
  await writeFile(`${path}.tmp`, `${JSON.stringify(doc, null, 2)}\n`);
  await rename(`${path}.tmp`, path);
  return path;
}
