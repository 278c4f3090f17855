/**
 * `gpulse batch`: headless batch runs. `--demo` runs the built-in fleet (what `npm start` does); `--input`
 * runs CSV, Arrow IPC or Parquet files through the same stages with bounded memory (batch/pipeline.ts).
 */
import { parseArgs } from 'node:util';
import { createEngine, type BackendChoice, type Model } from '../../../../engine/index.js';
import { choice, parseProbabilities, required } from '../args.js';
import type { Command } from '../command.js';
import { CliError } from '../errors.js';
import { installInterruptHandler } from '../batch/cleanup.js';
import { runDemo } from '../batch/demo.js';
import { builtinModelPath, loadScoringModel } from '../batch/model.js';
import { runInput } from '../batch/pipeline.js';
import { featureNamesOf } from '../batch/stages.js';
import { createProgress } from '../batch/progress.js';
import { Telemetry } from '../batch/telemetry.js';
import { parseBytes, parseDuration } from '../batch/timestamps.js';
import { finishRun } from '../batch/finish.js';
import { OUTPUT_FORMATS } from '../batch/writers.js';

const BACKENDS: readonly BackendChoice[] = ['auto', 'webgpu', 'wasm', 'js'];
const FEATURE_SETS = ['fast', 'catch24', 'none'] as const;

const usage = `Usage: gpulse batch --demo [--vms N] [--days D] [options]
       gpulse batch --input <file|dir> --entity <col> --time <col> --value <col>[,…] [options]

Per-entity exact percentiles, per-bucket fleet percentiles, per-entity features and anomaly scores, written
to --out and summarised on stdout.

Input:
  --demo                 the built-in fleet: 2 000 VMs × 14 days of 5-minute CPU points, with injected anomalies
  --vms <N>, --days <D>  demo size (default 2000, 14); --size N is --vms N
  --input <file|dir>     .csv, .arrow / .arrows / .feather / .ipc, or .parquet; a directory reads all of them
  --entity, --time       entity column and timestamp column (ISO 8601, or epoch ms / s)
  --value <a,b,…>        numeric metric column(s)
Compute:
  --bucket <dur>         fleet percentile bucket width: 30s, 5m, 1h, 1d … (default 1h)
  --percentiles <list>   probabilities in [0, 1] (default 0.5,0.9,0.95,0.99)
  --features <set>       ${FEATURE_SETS.join(' | ')} (default fast)
  --model <m.onnx>       anomaly model (default: the built-in ${'apps/model/anomaly-model.int8.onnx'}); --model none skips scoring
  --memory-budget <size> in-memory limit for input rows, e.g. 512MB (default); larger inputs spill to disk
  --approx               DDSketch percentiles in one pass (1% relative error) instead of exact ones
  --backend <b>          ${BACKENDS.join(' | ')} (default auto)
Output:
  --out <dir>            output directory (default ./out)
  --format <f>           ${OUTPUT_FORMATS.join(' | ')} (default parquet)
  --metrics-out <f.prom> per-stage telemetry in Prometheus text format
  --top <N>              anomalous entities listed in the summary (default 10)
  --quiet                no progress bars
  -h, --help             show this help

Exit codes: 0 ok, 2 bad input or arguments (one line on stderr), 1 internal error, 130 interrupted.
`;

const options = {
  demo: { type: 'boolean', default: false },
  vms: { type: 'string' },
  days: { type: 'string' },
  size: { type: 'string' },
  input: { type: 'string' },
  entity: { type: 'string' },
  time: { type: 'string' },
  value: { type: 'string' },
  bucket: { type: 'string', default: '1h' },
  percentiles: { type: 'string', default: '0.5,0.9,0.95,0.99' },
  features: { type: 'string' },
  model: { type: 'string' },
  out: { type: 'string', default: 'out' },
  format: { type: 'string' },
  'memory-budget': { type: 'string', default: '512MB' },
  approx: { type: 'boolean', default: false },
  backend: { type: 'string' },
  'metrics-out': { type: 'string' },
  top: { type: 'string', default: '10' },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function positiveInt(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const v = Number(text);
  if (!Number.isInteger(v) || v < 1) throw new CliError(`${flag}: ${JSON.stringify(text)} is not a positive integer`);
  return v;
}

async function run(argv: string[]): Promise<string> {
  const { values: o } = parseArgs({ args: argv, options, allowPositionals: false, strict: true });
  if (o.help) return usage;
  const q = parseProbabilities('--percentiles', o.percentiles);
  const format = choice('--format', o.format, OUTPUT_FORMATS, 'parquet');
  const features = choice('--features', o.features, FEATURE_SETS, 'fast');
  const backend = choice('--backend', o.backend, BACKENDS, 'auto');
  const bucketMs = parseDuration(o.bucket);
  if (bucketMs === undefined) throw new CliError(`--bucket: ${JSON.stringify(o.bucket)} is not a duration (like 30s, 5m, 1h, 1d)`);
  const budget = parseBytes(o['memory-budget']);
  if (budget === undefined) throw new CliError(`--memory-budget: ${JSON.stringify(o['memory-budget'])} is not a size (like 512MB, 2GB)`);
  const top = positiveInt('--top', o.top, 10);
  if (o.demo === (o.input !== undefined)) throw new CliError(o.demo ? '--demo generates its own data: drop --input' : 'missing --input <file|dir> (or use --demo)');

  installInterruptHandler();
  const telemetry = new Telemetry();
  const progress = await createProgress(o.quiet);
  const engine = createEngine({ backend });
  let model: Model | undefined;
  const notes: string[] = [];
  try {
    const modelPath = o.model === 'none' ? undefined : (o.model ?? builtinModelPath());
    if (modelPath) model = await telemetry.stage('load model', () => loadScoringModel(engine, modelPath), (m) => ({ backend: m.backend }));
    else notes.push(o.model === 'none' ? 'anomaly scores: skipped (--model none)' : 'anomaly scores: skipped, model not found (apps/model/anomaly-model.int8.onnx)');
    const stage = { q, bucketMs, features, model };
    if (o.demo) {
      const vms = positiveInt('--vms', o.vms ?? o.size, 2000);
      const days = positiveInt('--days', o.days, 14);
      const featureNames = features === 'none' ? undefined : await featureNamesOf(engine, features);
      const demo = await runDemo(engine, { vms, days, ...stage }, featureNames, telemetry);
      const title = `gpulse batch --demo: ${vms.toLocaleString('en-US')} VMs × ${days} days = ${demo.rows.toLocaleString('en-US')} points → ${o.out} (${format})`;
      return finishRun({ title, results: demo.results, telemetry, notes, top, injected: demo.injected, out: o.out, format, metricsOut: o['metrics-out'] });
    }
    const input = required('--input', o.input, 'a file or directory');
    const columns = {
      entity: required('--entity', o.entity, 'the entity column, e.g. vm_id'),
      time: required('--time', o.time, 'the timestamp column'),
      values: required('--value', o.value, 'one or more metric columns').split(',').map((v) => v.trim()),
    };
    const featureNames = features === 'none' ? undefined : await featureNamesOf(engine, features);
    const r = await runInput(engine, { input, columns, budget, approx: o.approx, progress, ...stage }, featureNames, telemetry);
    notes.push(...r.notes);
    const title = `gpulse batch: ${r.entities.toLocaleString('en-US')} entities × ${columns.values.length} metric(s), ${r.rows.toLocaleString('en-US')} rows from ${input} → ${o.out} (${format})`;
    return finishRun({ title, results: r.results, telemetry, notes, top, out: o.out, format, metricsOut: o['metrics-out'] });
  } finally {
    progress.stop();
    model?.dispose();
    engine.dispose();
  }
}

export const command: Command = { usage, run };
