/**
 * `gpulse features`: a feature set ('fast', 'catch22', 'catch24') per series of a CSV column, one engine call
 * for all series (ragged offsets), or per rolling window with --window/--step.
 */
import { parseArgs } from 'node:util';
import { createEngine, type BackendChoice, type FeatureSet, type FeaturesResult } from '../../../../engine/index.js';
import { choice, required } from '../args.js';
import type { Command } from '../command.js';
import { readColumns, type ColumnData } from '../csv-columns.js';
import { CliError } from '../errors.js';
import { csvField, jsonNumber } from '../format-output.js';

const BACKENDS: readonly BackendChoice[] = ['auto', 'webgpu', 'wasm', 'js'];
const SETS: readonly FeatureSet[] = ['fast', 'catch22', 'catch24'];
const FORMATS = ['json', 'csv'] as const;
const STATUS = ['ok', 'too-short', 'non-finite', 'constant'];

const usage = `Usage: gpulse features <file.csv> --column <name> [options]

Time-series features of one numeric CSV column: the whole column is one series, or one series per value of
--series (rows keep their file order), or rolling windows of each series with --window/--step.

Options:
  --column <name>   numeric column (required)
  --series <name>   one series per distinct value of this column, in order of first appearance
  --window <N>      rolling windows of N points (per series)
  --step <M>        window step (default N: non-overlapping)
  --set <s>         ${SETS.join(' | ')} (default fast)
  --backend <b>     ${BACKENDS.join(' | ')} (default auto)
  --format <f>      ${FORMATS.join(' | ')} (default json)
  -h, --help        show this help

JSON: {"backend","set","names":[…],"series":[{"key","status","values":[…]}]}; non-finite numbers are the
strings "NaN", "Infinity", "-Infinity". Exit codes: 0 ok, 2 bad input or arguments, 1 internal error.
`;

const options = {
  column: { type: 'string' },
  series: { type: 'string' },
  window: { type: 'string' },
  step: { type: 'string' },
  set: { type: 'string' },
  backend: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function positiveInt(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`${flag}: ${JSON.stringify(text)} must be a positive integer`);
  return n;
}

/** Rows regrouped by series id (stable counting sort): values in series order plus offsets, and each key. */
function toSeries(data: ColumnData): { values: Float64Array; offsets: Uint32Array; keys: string[] } {
  if (!data.groups || !data.keys) return { values: data.values, offsets: Uint32Array.of(0, data.values.length), keys: ['all'] };
  const k = data.keys.length;
  const offsets = new Uint32Array(k + 1);
  for (const g of data.groups) offsets[g + 1]++;
  for (let i = 0; i < k; i++) offsets[i + 1] += offsets[i];
  const cursor = offsets.slice(0, k);
  const values = new Float64Array(data.values.length);
  data.groups.forEach((g, row) => (values[cursor[g]++] = data.values[row]));
  return { values, offsets, keys: data.keys };
}

interface Row { key: string; status: number; values: ArrayLike<number> }

function render(format: (typeof FORMATS)[number], backend: string, set: string, names: string[], rows: Row[]): string {
  if (format === 'json') {
    const series = rows.map((r) => ({ key: r.key, status: STATUS[r.status] ?? String(r.status), values: Array.from(r.values, jsonNumber) }));
    return `${JSON.stringify({ backend, set, names, series })}\n`;
  }
  const lines = [['key', 'status', ...names].join(',')];
  for (const r of rows) lines.push([csvField(r.key), STATUS[r.status], ...Array.from(r.values, String)].join(','));
  return `${lines.join('\n')}\n`;
}

async function run(argv: string[]): Promise<string> {
  const { values: opts, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  if (opts.help) return usage;
  const set = choice('--set', opts.set, SETS, 'fast');
  const backend = choice('--backend', opts.backend, BACKENDS, 'auto');
  const format = choice('--format', opts.format, FORMATS, 'json');
  const window = positiveInt('--window', opts.window);
  const step = positiveInt('--step', opts.step);
  if (step !== undefined && window === undefined) throw new CliError('--step needs --window');
  if (positionals.length !== 1) throw new CliError(positionals.length === 0 ? 'missing <file.csv>' : `expected one file, got ${positionals.length}`);
  const column = required('--column', opts.column, 'the numeric column');
  const seriesColumn = opts.series === undefined ? undefined : required('--series', opts.series, 'the column naming each series');
  const { values, offsets, keys } = toSeries(await readColumns(positionals[0], column, seriesColumn));

  const engine = createEngine({ backend });
  try {
    if (window === undefined) {
      const r = await engine.features({ values, offsets }, { set });
      return render(format, r.backend, set, r.names, rowsOf(r, (i) => keys[i]));
    }
    // Rolling windows are defined on one series at a time: one engine call per series.
    const rows: Row[] = [];
    let last: FeaturesResult | undefined;
    for (let s = 0; s < keys.length; s++) {
      const series = values.subarray(offsets[s], offsets[s + 1]);
      if (series.length < window) throw new CliError(`--window ${window}: series ${JSON.stringify(keys[s])} has only ${series.length} points`);
      last = await engine.features({ values: series }, { set, window, step });
      const w = step ?? window;
      rows.push(...rowsOf(last, (i) => `${keys[s]}[${i * w}:${i * w + window}]`));
    }
    return render(format, last!.backend, set, last!.names, rows);
  } finally {
    engine.dispose();
  }
}

function rowsOf(r: FeaturesResult, key: (i: number) => string): Row[] {
  const width = r.names.length;
  return Array.from(r.status, (status, i) => ({ key: key(i), status, values: r.values.subarray(i * width, (i + 1) * width) }));
}

export const command: Command = { usage, run };
