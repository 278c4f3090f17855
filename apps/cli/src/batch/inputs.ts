/** --input: one file or every supported file of a directory (sorted by name), each with its reader. */
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { CliError } from '../errors.js';
import type { ChunkReader } from './chunk.js';
import { fsError } from './fs-error.js';
import { readArrow } from './read-arrow.js';
import { readCsv } from './read-csv.js';
import { readParquet } from './read-parquet.js';

const READERS: Record<string, ChunkReader> = {
  '.csv': readCsv,
  '.arrow': readArrow,
  '.arrows': readArrow,
  '.feather': readArrow,
  '.ipc': readArrow,
  '.parquet': readParquet,
};

export interface InputFile {
  path: string;
  read: ChunkReader;
  bytes: number;
}

export function listInputs(input: string): InputFile[] {
  let stat;
  try {
    stat = statSync(input);
  } catch (error) {
    throw fsError(input, error);
  }
  const paths = stat.isDirectory() ? readdirSync(input).sort().map((f) => join(input, f)).filter((p) => extname(p).toLowerCase() in READERS) : [input];
  if (paths.length === 0) throw new CliError(`${input}: no .csv, .arrow or .parquet files in this directory`);
  return paths.map((path) => {
    const read = READERS[extname(path).toLowerCase()];
    if (!read) throw new CliError(`${path}: unknown file type (expected .csv, .arrow, .arrows, .feather, .ipc or .parquet)`);
    return { path, read, bytes: statSync(path).size };
  });
}
