/**
 * What every reader yields: a block of rows as columns, timestamps already in epoch ms and metrics in f64.
 * Entities stay raw cells here; the dictionary that numbers them lives in the pipeline (one for all files).
 */
import { CliError } from '../errors.js';
import { parseTimestamp } from './timestamps.js';

export interface InputColumns {
  entity: string;
  time: string;
  values: string[];
}

export interface ColumnChunk {
  entity: ArrayLike<unknown>;
  timeMs: Float64Array;
  /** One array per --value column, in flag order. */
  values: Float64Array[];
  rows: number;
  /** Input bytes this chunk stands for (file bytes for CSV, encoded bytes for Arrow/Parquet). */
  bytes: number;
  /** Progress through the file, in the reader's own unit. */
  done: number;
  total: number;
}

export type ChunkReader = (path: string, columns: InputColumns, chunkRows: number) => AsyncGenerator<ColumnChunk>;

/** Index of each wanted column in a header; a missing one is the user's error, named with the flag. */
export function findColumns(path: string, header: string[], columns: InputColumns): { entity: number; time: number; values: number[] } {
  const find = (name: string, flag: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new CliError(`${path}: no column ${JSON.stringify(name)} (${flag}); available columns: ${header.map((h) => JSON.stringify(h)).join(', ')}`);
    return i;
  };
  return { entity: find(columns.entity, '--entity'), time: find(columns.time, '--time'), values: columns.values.map((v) => find(v, '--value')) };
}

/** Typed timestamps from Arrow/Parquet cells; `where(i)` names the row in the error. */
export function timesOf(cells: ArrayLike<unknown>, rows: number, column: string, where: (i: number) => string): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const t = parseTimestamp(cells[i]);
    if (t !== t) throw badTimestamp(where(i), column, cells[i]);
    out[i] = t;
  }
  return out;
}

export function badTimestamp(where: string, column: string, cell: unknown): CliError {
  const text = typeof cell === 'string' ? cell : String(cell);
  return new CliError(`${where}, column ${JSON.stringify(column)}: ${JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text)} is not a timestamp (ISO 8601 or epoch ms/s)`);
}

/** Metric cells from Arrow/Parquet: numbers and bigints; null is NaN (a missing sample). */
export function numbersOf(cells: ArrayLike<unknown>, rows: number, column: string, where: (i: number) => string): Float64Array {
  if (cells instanceof Float64Array) return cells.slice(0, rows);
  if (cells instanceof Float32Array || cells instanceof Int32Array || cells instanceof Uint32Array || cells instanceof Int16Array) return Float64Array.from(cells.subarray(0, rows));
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const c = cells[i];
    if (typeof c === 'number') out[i] = c;
    else if (typeof c === 'bigint') out[i] = Number(c);
    else if (c === null || c === undefined) out[i] = NaN;
    else throw new CliError(`${where(i)}, column ${JSON.stringify(column)}: ${JSON.stringify(String(c)).slice(0, 42)} is not a number`);
  }
  return out;
}
