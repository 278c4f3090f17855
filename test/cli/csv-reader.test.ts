/** Unit tests for the streaming CSV parser and the strict number parser (in-process, no spawn). */
import { describe, expect, it } from 'vitest';
import { CsvParser } from '../../apps/cli/src/csv-reader.js';
import { parseCell, parseNumberList } from '../../apps/cli/src/parse-number.js';
import { describeError, CliError } from '../../apps/cli/src/errors.js';
import { qLabel } from '../../apps/cli/src/format-output.js';

function parse(text: string, chunkSize = text.length || 1): Array<{ fields: string[]; line: number }> {
  const records: Array<{ fields: string[]; line: number }> = [];
  const parser = new CsvParser((fields, line) => records.push({ fields: fields.slice(), line }));
  for (let i = 0; i < text.length; i += chunkSize) parser.push(text.slice(i, i + chunkSize));
  parser.end();
  return records;
}

describe('CsvParser', () => {
  const tricky = 'a,b,c\r\n"x, y","say ""hi""",3\r\n"multi\nline",,"6"\n\nplain,"",9';
  const expected = [
    { fields: ['a', 'b', 'c'], line: 1 },
    { fields: ['x, y', 'say "hi"', '3'], line: 2 },
    { fields: ['multi\nline', '', '6'], line: 3 },
    { fields: ['plain', '', '9'], line: 6 },
  ];

  it('parses quoted fields, "" escapes, CRLF, newlines in quotes, and skips blank lines', () => {
    expect(parse(tricky)).toEqual(expected);
  });

  it('gives the same records for every chunk size (state survives chunk boundaries)', () => {
    for (const size of [1, 2, 3, 5, 7, 11]) expect(parse(tricky, size)).toEqual(expected);
  });

  it('handles a CR at the end of one chunk and LF at the start of the next as one line end', () => {
    expect(parse('a\r\nb\r\nc', 2)).toEqual([
      { fields: ['a'], line: 1 },
      { fields: ['b'], line: 2 },
      { fields: ['c'], line: 3 },
    ]);
  });

  it('treats old-Mac CR line ends and a missing final newline', () => {
    expect(parse('a,b\r1,2\r3,4').map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
  });

  it('keeps a quote inside an unquoted field literal', () => {
    expect(parse('ab"c,d\n')[0].fields).toEqual(['ab"c', 'd']);
  });

  it('rejects an unterminated quote and text after a closing quote', () => {
    expect(() => parse('a\n"open,1\n2\n')).toThrow(/line 2: unterminated quoted field/);
    expect(() => parse('a,b\n"x"y,1\n')).toThrow(/line 2: unexpected character after a closing quote/);
  });
});

describe('parseCell', () => {
  it('parses decimals strictly', () => {
    expect(parseCell('1.5')).toBe(1.5);
    expect(parseCell('-2e-3')).toBe(-0.002);
    expect(parseCell('.5')).toBe(0.5);
    expect(parseCell('5.')).toBe(5);
    expect(parseCell('+7')).toBe(7);
    expect(parseCell(' 42\t')).toBe(42);
    expect(parseCell('0.1')).toBe(0.1);
    for (const bad of ['0x1f', '1_000', '12abc', 'abc', '1e', '--1', '1.2.3', 'Infinityx', 'constructor', '1 2', '0b1']) {
      expect(parseCell(bad), bad).toBeUndefined();
    }
  });

  it('reads empty cells and NaN spellings as NaN, inf spellings as ±Infinity', () => {
    for (const s of ['', '  ', 'NaN', 'nan', 'NAN', '-nan']) expect(parseCell(s), s).toBeNaN();
    for (const s of ['Infinity', 'inf', 'INF', '+inf', 'infinity']) expect(parseCell(s), s).toBe(Infinity);
    for (const s of ['-Infinity', '-inf', '-INF', '-infinity']) expect(parseCell(s), s).toBe(-Infinity);
  });

  it('fast path agrees with the decimal grammar on random number-like strings', () => {
    const grammar = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
    const alphabet = '0123456789+-.eExXoObB_ \u00a0';
    let seed = 1;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 20000; i++) {
      let s = '';
      const len = 1 + Math.floor(random() * 6);
      for (let j = 0; j < len; j++) s += alphabet[Math.floor(random() * alphabet.length)];
      const t = s.replace(/^[ \t]+|[ \t]+$/g, '');
      const expected = t === '' ? NaN : grammar.test(t) ? Number(t) : undefined;
      expect(parseCell(s), JSON.stringify(s)).toBe(expected);
    }
  });

  it('parses --q lists', () => {
    expect(parseNumberList('0.5, 0.9,1')).toEqual({ values: [0.5, 0.9, 1] });
    expect(parseNumberList('0.5,,0.9')).toEqual({ bad: '' });
    expect(parseNumberList('0.5,x')).toEqual({ bad: 'x' });
  });
});

describe('errors and labels', () => {
  it('maps errors to one line and an exit code', () => {
    expect(describeError(new CliError('bad\nthing'))).toEqual({ message: 'bad thing', exitCode: 2 });
    expect(describeError(new Error('boom'))).toEqual({ message: 'internal error: boom', exitCode: 1 });
    const gpu = Object.assign(new Error('no adapter'), { name: 'GpulseError', code: 'BACKEND_UNAVAILABLE' });
    expect(describeError(gpu)).toEqual({ message: 'no adapter (BACKEND_UNAVAILABLE)', exitCode: 2 });
    const lost = Object.assign(new Error('lost'), { name: 'GpulseError', code: 'DEVICE_LOST' });
    expect(describeError(lost).exitCode).toBe(1);
  });

  it('labels probabilities as percentiles', () => {
    expect([0, 0.5, 0.29, 0.999, 1].map(qLabel)).toEqual(['p0', 'p50', 'p29', 'p99.9', 'p100']);
  });
});
