/** `gpulse infer` end to end (spawned via tsx): JSON and table output against the library, and one-line exit-2 errors. */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../engine/onnx/model.js';
import { buildMlp, mlpInput } from '../onnx-backends/mlp-models.js';
import { fixtureDir, gpulse, type CliRun } from './helpers.js';

const fx = fixtureDir();
afterAll(() => fx.cleanup());

const x = mlpInput(3, 5);
let model: string;
let q8: string;
let feeds: string;
let expected: Float32Array;

beforeAll(async () => {
  const bytes = buildMlp('fp32');
  model = fx.path('mlp.onnx');
  writeFileSync(model, bytes);
  q8 = fx.path('mlp-q8.onnx');
  writeFileSync(q8, buildMlp('q8'));
  feeds = fx.file('feeds.json', JSON.stringify({ x: { type: 'float32', dims: [3, 64], data: Array.from(x) } }));
  expected = (await (await loadModel(bytes)).run({ x: { data: x, dims: [3, 64] } })).y.data as Float32Array;
});

function ok(run: CliRun): string {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
}

describe.concurrent('infer output', () => {
  it.each(['js', 'wasm', 'auto'])('--format json on --backend %s matches the library within 1e-5', async (backend) => {
    const doc = JSON.parse(ok(await gpulse('infer', model, '--input', feeds, '--format', 'json', '--backend', backend)));
    expect(Object.keys(doc)).toEqual(['y']);
    expect(doc.y.type).toBe('float32');
    expect(doc.y.dims).toEqual([3, 1]);
    doc.y.data.forEach((v: number, i: number) => expect(Math.abs(v - expected[i])).toBeLessThan(1e-5));
  });

  it('runs a dynamically quantized (q8) model and quantizes on load', async () => {
    const a = JSON.parse(ok(await gpulse('infer', q8, '--input', feeds, '--format', 'json')));
    expect(a.y.dims).toEqual([3, 1]);
    const b = JSON.parse(ok(await gpulse('infer', model, '--input', feeds, '--format', 'json', '--quantize', 'int4')));
    const int4 = (await (await loadModel(buildMlp('fp32'), { quantize: 'int4', probe: false })).run({ x: { data: x, dims: [3, 64] } })).y.data as Float32Array;
    b.y.data.forEach((v: number, i: number) => expect(Math.abs(v - int4[i])).toBeLessThan(1e-5));
  });

  it('table format names each output with type, dims, values and the backend', async () => {
    const out = ok(await gpulse('infer', model, '--input', feeds, '--backend', 'wasm'));
    expect(out).toMatch(/^y {2}float32\[3, 1\] {2}-?\d/);
    expect(out).toMatch(/backend: wasm\n$/);
  });

  it('--help', async () => {
    expect(ok(await gpulse('infer', '--help'))).toMatch(/^Usage: gpulse infer <model.onnx> --input <feeds.json>/);
  });
});

function expectUsageError(run: CliRun, pattern: RegExp): void {
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n'), run.stderr).toHaveLength(1);
  expect(run.stderr).toMatch(/^gpulse: /);
  expect(run.stderr).toMatch(pattern);
  expect(run.code).toBe(2);
}

describe.concurrent('infer errors exit 2 with one line', () => {
  const feed = (spec: unknown) => fx.file(`f${Math.random().toString(36).slice(2)}.json`, JSON.stringify(spec));
  const cases: [string, () => string[], RegExp][] = [
    ['missing model file', () => ['infer', fx.path('none.onnx'), '--input', feeds], /cannot read .*none\.onnx: no such file/],
    ['bytes that are not a model', () => ['infer', fx.file('junk.onnx', 'not a model at all'), '--input', feeds], /junk\.onnx: .*\(INVALID_ARGUMENT\)/],
    ['missing --input', () => ['infer', model], /--input is required/],
    ['feeds not JSON', () => ['infer', model, '--input', fx.file('bad.json', '{"x": [1,')], /bad\.json: not valid JSON/],
    ['unknown input name', () => ['infer', model, '--input', feed({ z: { type: 'float32', dims: [1, 64], data: new Array(64).fill(0) } })], /unknown input 'z'/],
    ['missing input', () => ['infer', model, '--input', feed({})], /input 'x': missing/],
    ['wrong type', () => ['infer', model, '--input', feed({ x: { type: 'int32', dims: [1, 64], data: new Array(64).fill(0) } })], /input 'x'.*expected type float32, got int32/],
    ['unknown type', () => ['infer', model, '--input', feed({ x: { type: 'float8', dims: [1], data: [0] } })], /input 'x': type "float8" is not one of/],
    ['wrong dims', () => ['infer', model, '--input', feed({ x: { type: 'float32', dims: [1, 63], data: new Array(63).fill(0) } })], /input 'x'.*dim 1 must be 64/],
    ['data length ≠ dims', () => ['infer', model, '--input', feed({ x: { type: 'float32', dims: [2, 64], data: [1, 2] } })], /input 'x'.*need 128 values, data has 2/],
    ['a non-number value', () => ['infer', model, '--input', feed({ x: { type: 'float32', dims: [1, 1], data: ['one'] } })], /data\[0\]: "one" is not a number/],
    ['bad --quantize', () => ['infer', model, '--input', feeds, '--quantize', 'int3'], /--quantize: unknown value "int3"/],
  ];
  it.each(cases)('%s', async (_name, args, pattern) => expectUsageError(await gpulse(...args()), pattern));
});
