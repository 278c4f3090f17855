/**
 * Result tables → files in --out: Parquet (hyparquet-writer), CSV or JSON. Each file is written under a
 * temporary name and renamed when complete, so an interrupted run never leaves a half-written result; the
 * interrupt handler (cleanup.ts) removes temporaries still in flight.
 */
import { mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { CliError } from '../errors.js';
import { forget, track } from './cleanup.js';
import type { ResultTable } from './results.js';

export const OUTPUT_FORMATS = ['parquet', 'csv', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function writeTable(dir: string, table: ResultTable, format: OutputFormat): { path: string; bytes: number } {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new CliError(`cannot create --out ${dir}: ${(error as Error).message}`);
  }
  const path = join(dir, `${table.name}.${format}`);
  const tmp = `${path}.tmp-${process.pid}`;
  track(tmp);
  let bytes: number;
  if (format === 'parquet') {
    // Typed arrays for numeric columns: hyparquet-writer encodes them without per-value type checks.
    const data = (type: string, j: number) => (type === 'DOUBLE' ? Float64Array.from(table.rows, (r) => r[j] as number) : type === 'INT32' ? Int32Array.from(table.rows, (r) => r[j] as number) : table.rows.map((r) => r[j]));
    const columnData = table.columns.map((c, j) => ({ name: c.name, type: c.type, data: data(c.type, j) as never[] }));
    parquetWriteFile({ filename: tmp, columnData });
    bytes = statSync(tmp).size;
  } else {
    const text = format === 'csv' ? toCsv(table) : toJson(table);
    writeFileSync(tmp, text);
    bytes = Buffer.byteLength(text);
  }
  renameSync(tmp, path);
  forget(tmp);
  return { path, bytes };
}

const cell = (v: unknown): string => {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number') return Number.isNaN(v) ? '' : String(v);
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function toCsv(t: ResultTable): string {
  return [t.columns.map((c) => cell(c.name)).join(','), ...t.rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}

/** JSON records; non-finite numbers become strings ("NaN"), as the other CLI commands print them. */
function toJson(t: ResultTable): string {
  const value = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v);
  return JSON.stringify(t.rows.map((r) => Object.fromEntries(t.columns.map((c, j) => [c.name, value(r[j])])))) + '\n';
}
