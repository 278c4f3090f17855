/**
 * `gpulse infer`: runs an ONNX model on feeds from a JSON file and prints the outputs. Feeds and outputs map
 * each tensor name to {"type", "dims", "data"}; int64 values print as numbers when exact, else as strings,
 * and non-finite floats as "NaN" / "Infinity" / "-Infinity" (JSON has no such numbers).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createEngine, type BackendChoice } from '../../../../engine/index.js';
import { storageCtor, type DType, type TensorData } from '../../../../engine/onnx/dtype.js';
import { float16ToFloat32Array, float32ToFloat16Array } from '../../../../engine/onnx/float16.js';
import type { OutputTensor } from '../../../../engine/onnx/model.js';
import { choice, required } from '../args.js';
import type { Command } from '../command.js';
import { CliError } from '../errors.js';

const BACKENDS: readonly BackendChoice[] = ['auto', 'webgpu', 'wasm', 'js'];
const QUANTIZE = ['none', 'int8', 'int4'] as const;
const FORMATS = ['table', 'json'] as const;
const TYPES: readonly DType[] = ['float32', 'float64', 'float16', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'bool'];

const usage = `Usage: gpulse infer <model.onnx> --input <feeds.json> [options]

Runs an ONNX model. feeds.json maps each input name to {"type": "float32", "dims": [1, 64], "data": [...]}
(type one of ${TYPES.join(', ')}; data row-major, numbers, or "NaN"/"Infinity"/"-Infinity").

Options:
  --input <file>       the feeds (required)
  --quantize <mode>    ${QUANTIZE.join(' | ')}: quantize MatMul/Gemm weights at load (default none)
  --backend <b>        ${BACKENDS.join(' | ')} (default auto)
  --format <f>         ${FORMATS.join(' | ')} (default table); json prints {name: {type, dims, data}}
  -h, --help           show this help

Exit codes: 0 ok, 2 bad model, feeds or arguments, 1 internal error.
`;

const options = {
  input: { type: 'string' },
  quantize: { type: 'string' },
  backend: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw new CliError(`cannot read ${path}: ${why}`);
  }
}

function toNumber(v: unknown, where: string): number {
  if (typeof v === 'number') return v;
  if (v === 'NaN' || v === 'Infinity' || v === '-Infinity') return Number(v);
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  throw new CliError(`${where}: ${JSON.stringify(v)} is not a number`);
}

/** One feed from its JSON form; every problem names the input. */
function toFeed(name: string, spec: unknown): { type: DType; dims: number[]; data: TensorData } {
  const at = `feeds: input '${name}'`;
  if (typeof spec !== 'object' || spec === null) throw new CliError(`${at}: expected {"type", "dims", "data"}`);
  const { type, dims, data } = spec as { type?: unknown; dims?: unknown; data?: unknown };
  if (!TYPES.includes(type as DType)) throw new CliError(`${at}: type ${JSON.stringify(type)} is not one of ${TYPES.join(', ')}`);
  if (!Array.isArray(dims) || !dims.every((d) => Number.isSafeInteger(d) && d >= 0)) throw new CliError(`${at}: dims must be an array of non-negative integers`);
  if (!Array.isArray(data)) throw new CliError(`${at}: data must be an array`);
  const t = type as DType;
  if (t === 'int64' || t === 'uint64') {
    const big = data.map((v, i) => {
      if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
      const n = toNumber(v, `${at} data[${i}]`);
      if (!Number.isInteger(n)) throw new CliError(`${at} data[${i}]: ${JSON.stringify(v)} is not an integer`);
      return BigInt(n);
    });
    return { type: t, dims, data: t === 'int64' ? BigInt64Array.from(big) : BigUint64Array.from(big) };
  }
  const nums = data.map((v, i) => toNumber(v, `${at} data[${i}]`));
  if (t === 'float16') return { type: t, dims, data: float32ToFloat16Array(nums) };
  const Ctor = storageCtor(t) as unknown as { from(v: number[]): TensorData };
  return { type: t, dims, data: Ctor.from(nums) };
}

function jsonValues(t: OutputTensor): (number | string | boolean)[] {
  if (t.type === 'int64' || t.type === 'uint64') return Array.from(t.data as BigInt64Array, (v) => (Number.isSafeInteger(Number(v)) ? Number(v) : String(v)));
  const values = t.type === 'float16' ? float16ToFloat32Array(t.data as Uint16Array) : (t.data as ArrayLike<number>);
  return Array.from(values, (v) => (t.type === 'bool' ? v !== 0 : Number.isFinite(v) ? v : String(v)));
}

function formatTable(outputs: Record<string, OutputTensor>, backend: string): string {
  const lines = Object.entries(outputs).map(([name, t]) => {
    const v = jsonValues(t);
    const shown = v.slice(0, 8).map((x) => (typeof x === 'number' && !Number.isInteger(x) ? Number(x.toPrecision(7)) : x));
    return `${name}  ${t.type}[${t.dims.join(', ')}]  ${shown.join(' ')}${v.length > 8 ? ` … (${v.length} values)` : ''}`;
  });
  return `${lines.join('\n')}\nbackend: ${backend}\n`;
}

async function run(argv: string[]): Promise<string> {
  const { values: opts, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  if (opts.help) return usage;
  const quantize = choice('--quantize', opts.quantize, QUANTIZE, 'none');
  const backend = choice('--backend', opts.backend, BACKENDS, 'auto');
  const format = choice('--format', opts.format, FORMATS, 'table');
  if (positionals.length !== 1) throw new CliError(positionals.length === 0 ? 'missing <model.onnx>' : `expected one model, got ${positionals.length}: ${positionals.join(' ')}`);
  const inputPath = required('--input', opts.input, 'a JSON file of feeds');
  const [bytes, feedBytes] = await Promise.all([readBytes(positionals[0]), readBytes(inputPath)]);
  const feedText = new TextDecoder().decode(feedBytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(feedText);
  } catch (error) {
    throw new CliError(`${inputPath}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new CliError(`${inputPath}: expected an object mapping input names to tensors`);
  const feeds = Object.fromEntries(Object.entries(parsed).map(([name, spec]) => [name, toFeed(name, spec)]));
  const engine = createEngine({ backend, workers: 0 });
  try {
    const model = await engine.loadModel(bytes, { quantize, probe: false }).catch((error: unknown) => {
      throw error instanceof Error && error.name === 'GpulseError' ? Object.assign(error, { message: `${positionals[0]}: ${error.message}` }) : error;
    });
    const outputs = await model.run(feeds);
    model.dispose();
    if (format === 'table') return formatTable(outputs, model.backend);
    const doc = Object.fromEntries(Object.entries(outputs).map(([name, t]) => [name, { type: t.type, dims: t.dims, data: jsonValues(t) }]));
    return `${JSON.stringify(doc)}\n`;
  } finally {
    engine.dispose();
  }
}

export const command: Command = { usage, run };
