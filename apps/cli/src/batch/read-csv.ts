/** CSV input (header row, RFC 4180) through the CLI's streaming CsvParser, yielded in blocks of rows. */
import { createReadStream, statSync } from 'node:fs';
import { CsvParser } from '../csv-reader.js';
import { CliError } from '../errors.js';
import { parseCell } from '../parse-number.js';
import { badTimestamp, findColumns, type ChunkReader, type ColumnChunk } from './chunk.js';
import { fsError } from './fs-error.js';
import { parseTimestamp } from './timestamps.js';

export const readCsv: ChunkReader = async function* (path, columns, chunkRows) {
  let total: number;
  try {
    total = statSync(path).size;
  } catch (error) {
    throw fsError(path, error);
  }
  let index: ReturnType<typeof findColumns> | undefined;
  let width = 0;
  let entity: string[] = [];
  let time: number[] = [];
  let values: number[][] = columns.values.map(() => []);
  let ready: ColumnChunk[] = [];
  let bytes = 0;
  let chunkBytes = 0;
  const flush = () => {
    if (entity.length === 0) return;
    ready.push({ entity, timeMs: Float64Array.from(time), values: values.map((v) => Float64Array.from(v)), rows: entity.length, bytes: chunkBytes, done: bytes, total });
    entity = [];
    time = [];
    values = columns.values.map(() => []);
    chunkBytes = 0;
  };
  const parser = new CsvParser((fields, line) => {
    if (!index) {
      index = findColumns(path, fields, columns);
      width = fields.length;
      return;
    }
    if (fields.length !== width) throw new CliError(`line ${line}: ${fields.length} field(s), but the header has ${width}`);
    const t = parseTimestamp(fields[index.time]);
    if (t !== t) throw badTimestamp(`line ${line}`, columns.time, fields[index.time]);
    entity.push(fields[index.entity]);
    time.push(t);
    for (let j = 0; j < index.values.length; j++) {
      const v = parseCell(fields[index.values[j]]);
      if (v === undefined) throw new CliError(`line ${line}, column ${JSON.stringify(columns.values[j])}: ${JSON.stringify(fields[index.values[j]].slice(0, 40))} is not a number`);
      values[j].push(v);
    }
    if (entity.length >= chunkRows) flush();
  });
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let first = true;
  try {
    for await (const text of stream as AsyncIterable<string>) {
      // Byte count of the text, for progress and telemetry (length is UTF-16 units; close enough for ASCII CSV).
      bytes += text.length;
      chunkBytes += text.length;
      parser.push(first && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      first = false;
      for (const c of ready) yield c;
      ready = [];
    }
    parser.end();
    flush();
    for (const c of ready) yield c;
    if (!index) throw new CliError('empty file, expected a header row');
  } catch (error) {
    stream.destroy();
    if (error instanceof CliError) throw new CliError(error.message.startsWith(path) ? error.message : `${path} ${error.message}`, error.exitCode);
    if ((error as { syscall?: string } | null)?.syscall) throw fsError(path, error);
    throw error;
  }
};
