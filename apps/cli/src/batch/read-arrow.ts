/**
 * Apache Arrow IPC input (file or stream format) through apache-arrow's RecordBatchReader: one record batch at
 * a time, so memory holds a batch, not the file. Batches larger than the chunk size are yielded in slices.
 */
import { createReadStream, statSync } from 'node:fs';
import { RecordBatchReader } from 'apache-arrow';
import { CliError } from '../errors.js';
import { findColumns, numbersOf, timesOf, type ChunkReader } from './chunk.js';
import { fsError } from './fs-error.js';

export const readArrow: ChunkReader = async function* (path, columns, chunkRows) {
  let total: number;
  try {
    total = statSync(path).size;
  } catch (error) {
    throw fsError(path, error);
  }
  let reader: RecordBatchReader;
  try {
    reader = await RecordBatchReader.from(createReadStream(path));
    await reader.open();
  } catch (error) {
    if ((error as { syscall?: string } | null)?.syscall) throw fsError(path, error);
    throw new CliError(`${path}: not an Arrow IPC file (${(error as Error).message.split('\n')[0]})`);
  }
  const header = reader.schema.fields.map((f) => f.name);
  const index = findColumns(path, header, columns);
  let rowBase = 0;
  let seen = 0;
  for await (const batch of reader) {
    const n = batch.numRows;
    // Bytes of this batch's buffers, prorated to slices: enough for progress and telemetry.
    const batchBytes = batch.data.byteLength;
    for (let from = 0; from < n; from += chunkRows) {
      const to = Math.min(n, from + chunkRows);
      const part = from === 0 && to === n ? batch : batch.slice(from, to);
      const rows = to - from;
      const where = (i: number) => `${path} row ${rowBase + from + i + 1}`;
      const cells = (j: number) => part.getChildAt(j)!.toArray() as ArrayLike<unknown>;
      yield {
        entity: cells(index.entity),
        timeMs: timesOf(cells(index.time), rows, columns.time, where),
        values: index.values.map((j, k) => numbersOf(cells(j), rows, columns.values[k], where)),
        rows,
        bytes: Math.round((batchBytes * rows) / Math.max(1, n)),
        // The reader does not expose its file offset; decoded bytes so far track it closely (IPC is uncompressed).
        done: Math.min(total, seen + Math.round((batchBytes * to) / Math.max(1, n))),
        total,
      };
    }
    rowBase += n;
    seen += batchBytes;
  }
};
