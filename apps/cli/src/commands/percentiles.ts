/** `gpulse percentiles`: exact percentiles of one CSV column, optionally per group, on the chosen backend. */
import { parseArgs } from 'node:util';
import {
  createEngine,
  GpulseError,
  PERCENTILE_METHODS,
  type BackendChoice,
  type Engine,
  type NanPolicy,
  type PercentileMethod,
  type Telemetry,
} from '../../../../engine/index.js';
import { choice, parseProbabilities, required } from '../args.js';
import type { Command } from '../command.js';
import { readColumns, type ColumnData } from '../csv-columns.js';
import { demoData, DEMO_GROUPS, DEMO_ROWS } from '../demo-data.js';
import { CliError } from '../errors.js';
import { FORMATS, formatReport, type PercentileReport } from '../format-output.js';

const BACKENDS: readonly BackendChoice[] = ['auto', 'webgpu', 'wasm', 'js'];
const NAN_POLICIES: readonly NanPolicy[] = ['omit', 'propagate', 'error'];
const DEFAULT_Q = '0.5,0.9,0.95,0.99';

const usage = `Usage: gpulse percentiles <file.csv> --column <name> [options]
       gpulse percentiles --demo [options]

Exact percentiles (numpy methods) of one numeric CSV column, optionally per group.

Options:
  --column <name>    numeric column to summarise (required with a file)
  --group <name>     group by this column; groups print in order of first appearance
  --q <list>         probabilities in [0, 1], comma-separated (default ${DEFAULT_Q})
  --method <m>       ${PERCENTILE_METHODS.join(' | ')} (default linear)
  --nan <policy>     ${NAN_POLICIES.join(' | ')} (default omit); empty cells and NaN/nan are NaN
  --backend <b>      ${BACKENDS.join(' | ')} (default auto)
  --format <f>       ${FORMATS.join(' | ')} (default table)
  --demo             use ${DEMO_ROWS} built-in seeded latency values in ${DEMO_GROUPS} groups, and print timings
  -h, --help         show this help

The file needs a header row (RFC 4180 quoting). Exit codes: 0 ok, 2 bad input or arguments, 1 internal error.
`;

const options = {
  column: { type: 'string' },
  group: { type: 'string' },
  q: { type: 'string', default: DEFAULT_Q },
  method: { type: 'string' },
  nan: { type: 'string' },
  backend: { type: 'string' },
  format: { type: 'string' },
  demo: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

async function run(argv: string[]): Promise<string> {
  const { values: opts, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  if (opts.help) return usage;
  // Every option is checked before the file is touched, so a typo fails fast even on a huge file.
  const format = choice('--format', opts.format, FORMATS, 'table');
  const method = choice('--method', opts.method, PERCENTILE_METHODS, 'linear');
  const nan = choice('--nan', opts.nan, NAN_POLICIES, 'omit');
  const backend = choice('--backend', opts.backend, BACKENDS, 'auto');
  const q = parseProbabilities('--q', opts.q);

  const started = performance.now();
  let data: ColumnData;
  let column: string;
  if (opts.demo) {
    if (positionals.length > 0 || opts.column !== undefined || opts.group !== undefined) {
      throw new CliError('--demo generates its own data: drop the file, --column and --group');
    }
    data = demoData();
    column = 'latency_ms';
  } else {
    if (positionals.length !== 1) {
      throw new CliError(positionals.length === 0 ? 'missing <file.csv> (or use --demo)' : `expected one file, got ${positionals.length}: ${positionals.join(' ')}`);
    }
    column = required('--column', opts.column, 'the numeric column to summarise');
    const group = opts.group === undefined ? undefined : required('--group', opts.group, 'the column to group by');
    data = await readColumns(positionals[0], column, group);
  }
  const inputMs = performance.now() - started;

  const nanInInput = (): CliError =>
    new CliError(`${opts.demo ? 'demo data' : `${positionals[0]} line ${data.firstNanLine}`}, column ${JSON.stringify(column)}: NaN value (--nan error)`);
  // Checked here rather than left to the engine, whose error can only name an array index.
  if (nan === 'error' && data.firstNanLine > 0) throw nanInInput();

  const engine = createEngine({ backend });
  try {
    const computeStarted = performance.now();
    const report = await compute(engine, data, { q, method, nan });
    report.timing = opts.demo ? { inputMs, computeMs: performance.now() - computeStarted, rows: data.values.length } : undefined;
    return formatReport(report, format);
  } catch (error) {
    // The pre-check above covers this; kept so an engine-side NaN report still names the file.
    if (error instanceof GpulseError && error.code === 'NAN_IN_INPUT' && data.firstNanLine > 0) throw nanInInput();
    throw error;
  } finally {
    engine.dispose();
  }
}

async function compute(
  engine: Engine,
  data: ColumnData,
  opts: { q: number[]; method: PercentileMethod; nan: NanPolicy },
): Promise<PercentileReport> {
  const base = { q: opts.q, method: opts.method };
  const fellBack = (t: Telemetry) => (t.fallbackFrom ? `${t.fallbackFrom}: ${t.fallbackReason ?? 'unknown reason'}` : undefined);
  if (!data.groups || !data.keys) {
    const r = await engine.percentiles(data.values, opts);
    return { ...base, backend: r.backend, fallback: fellBack(r.telemetry), count: r.count, values: r.values };
  }
  const r = await engine.groupedPercentiles(data.values, data.groups, opts);
  const m = opts.q.length;
  const keys = data.keys;
  // Engine keys come back ascending; ids were handed out in order of first appearance, so this is that order.
  const groups = Array.from(r.keys, (id, i) => ({ key: keys[id], count: r.counts[i], values: r.values.subarray(i * m, (i + 1) * m) }));
  return { ...base, backend: r.backend, fallback: fellBack(r.telemetry), groups };
}

export const command: Command = { usage, run };
