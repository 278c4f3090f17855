/**
 * Incremental RFC 4180 CSV parser: quoted fields, "" escapes, CRLF / LF / CR line ends, newlines inside
 * quotes. Text is pushed chunk by chunk and parser state survives chunk boundaries, so a file is never held
 * whole in memory. Blank lines are skipped (as pandas does), so a trailing newline adds no record.
 */
import { createReadStream } from 'node:fs';
import { CliError } from './errors.js';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** Called once per record with that record's fields and the line it starts on. */
export type RecordHandler = (fields: string[], line: number) => void;

export class CsvParser {
  private fields: string[] = [];
  private field = ''; // current field text carried over from earlier chunks
  private quoted = false; // current field opened with a quote
  private inQuotes = false;
  private afterQuote = false; // saw a quote inside a quoted field: closing quote, or the first of ""
  private pendingCR = false; // a CR ended the last record; a following LF belongs to it
  private line = 1; // physical line being read (1-based)
  private recordLine = 1; // line where the current record started

  constructor(private readonly onRecord: RecordHandler) {}

  push(chunk: string): void {
    const n = chunk.length;
    let start = 0; // start of the current field's text not yet copied into this.field
    for (let i = 0; i < n; i++) {
      let c = chunk.charCodeAt(i);
      if (!this.inQuotes && !this.pendingCR && !this.afterQuote) {
        // Hot path: skip ordinary characters in a tight loop (most of a numeric file).
        while (c !== COMMA && c !== LF && c !== CR && c !== QUOTE) {
          if (++i === n) break;
          c = chunk.charCodeAt(i);
        }
        if (i === n) break;
      }
      if (this.inQuotes) {
        if (c === QUOTE) {
          this.field += chunk.slice(start, i);
          this.inQuotes = false;
          this.afterQuote = true;
          start = i + 1;
        } else if (c === LF) {
          this.line++;
        }
        continue;
      }
      if (this.pendingCR) {
        this.pendingCR = false;
        if (c === LF) {
          start = i + 1;
          continue;
        }
      }
      if (this.afterQuote) {
        this.afterQuote = false;
        if (c === QUOTE) {
          // "" inside quotes is one literal quote; keep it by starting the next slice at it.
          this.inQuotes = true;
          start = i;
          continue;
        }
        if (c !== COMMA && c !== LF && c !== CR) {
          throw new CliError(`line ${this.line}: unexpected character after a closing quote (quotes inside a field must be doubled)`);
        }
      }
      if (c === COMMA) {
        this.fields.push(this.field + chunk.slice(start, i));
        this.field = '';
        this.quoted = false;
        start = i + 1;
      } else if (c === LF || c === CR) {
        this.field += chunk.slice(start, i);
        this.endRecord();
        this.line++;
        this.recordLine = this.line;
        this.pendingCR = c === CR;
        start = i + 1;
      } else if (c === QUOTE && !this.quoted && this.field === '' && start === i) {
        this.quoted = true;
        this.inQuotes = true;
        start = i + 1;
      }
      // Any other character (including a quote inside an unquoted field) is literal text.
    }
    if (start < n) this.field += chunk.slice(start, n);
  }

  /** Flushes the last record (a file need not end with a newline). */
  end(): void {
    if (this.inQuotes) throw new CliError(`line ${this.recordLine}: unterminated quoted field (missing closing quote)`);
    this.endRecord();
  }

  private endRecord(): void {
    const blank = this.fields.length === 0 && this.field === '' && !this.quoted;
    if (!blank) {
      this.fields.push(this.field);
      this.onRecord(this.fields, this.recordLine);
    }
    this.fields = []; // a fresh array is cheaper than truncating with length = 0
    this.field = '';
    this.quoted = false;
  }
}

/** Streams a UTF-8 file through the parser (a leading BOM is dropped); errors name the file. */
export async function readCsvFile(path: string, onRecord: RecordHandler): Promise<void> {
  const parser = new CsvParser(onRecord);
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      parser.push(first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk);
      first = false;
    }
    parser.end();
  } catch (error) {
    stream.destroy();
    if (error instanceof CliError) throw new CliError(`${path} ${error.message}`, error.exitCode);
    // Only file-system errors are the user's; anything else from the handler is a bug and stays exit 1.
    if ((error as { syscall?: string } | null)?.syscall) throw new CliError(`cannot read ${path}: ${fsReason(error)}`);
    throw error;
  }
}

function fsReason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
