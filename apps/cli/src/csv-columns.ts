/**
 * Reads one numeric column (and optionally one group column) out of a CSV file with a header row, streaming:
 * only the parsed Float64Array / Uint32Array grow in memory, never the file text.
 */
import { readCsvFile } from './csv-reader.js';
import { CliError } from './errors.js';
import { GrowableFloat64, GrowableUint32 } from './growable.js';
import { parseCell } from './parse-number.js';

export interface ColumnData {
  values: Float64Array;
  /** Per row: dense group id, numbered in order of first appearance (present with a group column). */
  groups?: Uint32Array;
  /** Group id → the group cell's text. */
  keys?: string[];
  /** Line of the first NaN cell (0: none), so `--nan error` can point at the file, not at an array index. */
  firstNanLine: number;
}

export async function readColumns(path: string, valueColumn: string, groupColumn?: string): Promise<ColumnData> {
  const values = new GrowableFloat64();
  const groups = groupColumn === undefined ? undefined : new GrowableUint32();
  const ids = new Map<string, number>();
  const keys: string[] = [];
  let header: string[] | undefined;
  let valueIndex = -1;
  let groupIndex = -1;
  let firstNanLine = 0;

  await readCsvFile(path, (fields, line) => {
    if (header === undefined) {
      header = fields.slice();
      valueIndex = findColumn(header, valueColumn, '--column', line);
      if (groupColumn !== undefined) groupIndex = findColumn(header, groupColumn, '--group', line);
      return;
    }
    if (fields.length !== header.length) {
      throw new CliError(`line ${line}: ${fields.length} field(s), but the header has ${header.length}`);
    }
    const cell = fields[valueIndex];
    const v = parseCell(cell);
    if (v === undefined) {
      throw new CliError(`line ${line}, column ${JSON.stringify(valueColumn)}: ${quoteCell(cell)} is not a number`);
    }
    if (v !== v && firstNanLine === 0) firstNanLine = line;
    values.push(v);
    if (groups) {
      const key = fields[groupIndex];
      let id = ids.get(key);
      if (id === undefined) {
        id = keys.length;
        ids.set(key, id);
        keys.push(key);
      }
      groups.push(id);
    }
  });

  if (header === undefined) throw new CliError(`${path}: empty file, expected a header row`);
  return groups ? { values: values.finish(), groups: groups.finish(), keys, firstNanLine } : { values: values.finish(), firstNanLine };
}

function findColumn(header: string[], name: string, flag: string, line: number): number {
  const index = header.indexOf(name);
  if (index >= 0) return index;
  const available = header.map((h) => JSON.stringify(h)).join(', ');
  throw new CliError(`line ${line}: no column ${JSON.stringify(name)} (${flag}); available columns: ${available}`);
}

/** Keeps error lines short even when a cell holds a whole paragraph. */
function quoteCell(cell: string): string {
  return JSON.stringify(cell.length > 40 ? `${cell.slice(0, 37)}...` : cell);
}
