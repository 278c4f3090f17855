/** Batch test helpers: run `gpulse batch` from source, read result files back. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { gpulse, type CliRun } from '../cli/helpers.js';

/**
 * `gpulse batch …` on the JS backend: these tests cover the batch app (readers, spill, stages, writers), and
 * the backends' agreement is the engine suites' job; JS also keeps WebGPU adapter chatter off stderr.
 */
export function batch(...args: string[]): Promise<CliRun> {
  return gpulse('batch', '--backend', 'js', '--quiet', ...args);
}

export async function readParquet(path: string): Promise<Record<string, unknown>[]> {
  return parquetReadObjects({ file: await asyncBufferFromFile(path) });
}

export function readJson(dir: string, table: string): Record<string, number | string>[] {
  return JSON.parse(readFileSync(join(dir, `${table}.json`), 'utf8')) as Record<string, number | string>[];
}

export const TABLES = ['entity_percentiles', 'bucket_percentiles', 'features', 'anomaly_scores'] as const;
