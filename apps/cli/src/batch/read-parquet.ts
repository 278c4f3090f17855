/**
 * Parquet input through hyparquet's column scan: one row group at a time (sliced to the chunk size), and only
 * the wanted columns are decoded.
 */
import { asyncBufferFromFile, parquetScan } from 'hyparquet';
import { CliError } from '../errors.js';
import { findColumns, numbersOf, timesOf, type ChunkReader } from './chunk.js';
import { fsError } from './fs-error.js';

export const readParquet: ChunkReader = async function* (path, columns, chunkRows) {
  let scan: Awaited<ReturnType<typeof parquetScan>>;
  try {
    scan = await parquetScan({ file: await asyncBufferFromFile(path) });
  } catch (error) {
    if ((error as { syscall?: string } | null)?.syscall) throw fsError(path, error);
    throw new CliError(`${path}: not a Parquet file (${(error as Error).message.split('\n')[0]})`);
  }
  const meta = scan.metadata;
  // Top-level column names: children of the schema root.
  const header = meta.schema.slice(1).filter((_, i) => isTopLevel(meta.schema, i + 1)).map((s) => s.name);
  const index = findColumns(path, header, columns);
  const total = Number(meta.num_rows);
  const bytesPerRow = meta.row_groups.reduce((s, g) => s + Number(g.total_byte_size), 0) / Math.max(1, total);
  for (const range of scan.ranges) {
    for (let from = range.rowStart; from < range.rowEnd; from += chunkRows) {
      const to = Math.min(range.rowEnd, from + chunkRows);
      const rows = to - from;
      const where = (i: number) => `${path} row ${from + i + 1}`;
      const read = (j: number) => scan.readColumn({ column: header[j], rowStart: from, rowEnd: to }) as Promise<ArrayLike<unknown>>;
      const [entity, time, ...values] = await Promise.all([read(index.entity), read(index.time), ...index.values.map(read)]);
      yield {
        entity,
        timeMs: timesOf(time, rows, columns.time, where),
        values: values.map((v, k) => numbersOf(v, rows, columns.values[k], where)),
        rows,
        bytes: Math.round(rows * bytesPerRow),
        done: to,
        total,
      };
    }
  }
};

/** Whether schema element i is a direct child of the root (flat files: all of them). */
function isTopLevel(schema: { num_children?: number }[], i: number): boolean {
  let pos = 1;
  while (pos < schema.length) {
    if (pos === i) return true;
    pos = skip(schema, pos);
  }
  return false;
}

function skip(schema: { num_children?: number }[], pos: number): number {
  const children = schema[pos].num_children ?? 0;
  let next = pos + 1;
  for (let c = 0; c < children; c++) next = skip(schema, next);
  return next;
}
