/** Bad inputs exit 2 with exactly one stderr line that names the problem; Ctrl-C leaves no half-written file. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureDir, MAIN_TS, REPO } from '../cli/helpers.js';
import { FEATURE_DIM } from '../../apps/model/features-for-model.js';
import { buildModel } from '../onnx/build-model.js';
import { batch } from './helpers.js';

const fx = fixtureDir();
afterAll(() => fx.cleanup());
// --model none: these cases are about the input, whatever state the built-in model is in.
const cols = ['--entity', 'vm', '--time', 'ts', '--value', 'cpu', '--model', 'none'];

async function fails(args: string[], pattern: RegExp): Promise<void> {
  const r = await batch(...args, '--out', fx.path('out'));
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe('gpulse batch errors', () => {
  it('unreadable file', () => fails(['--input', fx.path('missing.csv'), ...cols], /cannot read .*missing\.csv: no such file/));

  it('missing column', () => {
    const f = fx.file('a.csv', 'host,ts,cpu\na,2026-01-01T00:00:00Z,1\n');
    return fails(['--input', f, ...cols], /a\.csv: no column "vm" \(--entity\); available columns: "host", "ts", "cpu"/);
  });

  it('bad timestamp names the line', () => {
    const f = fx.file('b.csv', 'vm,ts,cpu\na,2026-01-01T00:00:00Z,1\na,01/02/2026,2\n');
    return fails(['--input', f, ...cols], /b\.csv line 3, column "ts": "01\/02\/2026" is not a timestamp/);
  });

  it('not a Parquet file', () => {
    const f = fx.file('c.parquet', 'not parquet at all');
    return fails(['--input', f, ...cols], /c\.parquet: not a Parquet file/);
  });

  it('a model whose input does not fit the features', () => {
    const bytes = buildModel({
      nodes: [{ op: 'Identity', inputs: ['x'], outputs: ['score'] }],
      inputs: [{ name: 'x', type: 'float32', dims: ['N', FEATURE_DIM + 3] }],
      outputs: [{ name: 'score', type: 'float32', dims: ['N', FEATURE_DIM + 3] }],
    });
    const model = fx.path('small.onnx');
    writeFileSync(model, bytes);
    return fails(['--demo', '--vms', '4', '--days', '2', '--model', model], new RegExp(String.raw`small\.onnx: the model's input does not fit the features \(needs x\[rows, ${FEATURE_DIM}\]`));
  });

  it('bad option values', () => fails(['--demo', '--format', 'xlsx'], /--format: unknown value "xlsx"/));

  it('a directory without inputs', () => {
    mkdirSync(fx.path('empty'));
    return fails(['--input', fx.path('empty'), ...cols], /no \.csv, \.arrow or \.parquet files/);
  });

  it('Ctrl-C stops cleanly without a half-written output file', async () => {
    const out = fx.path('interrupted');
    // catch24 in JS keeps this run busy for seconds after start-up, so the signal lands mid-compute.
    const args = ['batch', '--demo', '--vms', '400', '--features', 'catch24', '--backend', 'js', '--model', 'none', '--out', out];
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN_TS, ...args], { cwd: REPO });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<{ code: number | null; signal: string | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
    await new Promise((r) => setTimeout(r, 4000));
    child.kill('SIGINT');
    const { code, signal } = await exited;
    if (code === 0) return; // the run beat the signal: nothing to check
    const left = existsSync(out) ? readdirSync(out) : [];
    expect(left).toEqual([]);
    // 130 with the message once the handler is installed; a signal death only if start-up took over 4 s.
    if (signal === null) {
      expect(code).toBe(130);
      expect(stderr).toMatch(/^gpulse: interrupted \(SIGINT\)/m);
    } else expect(signal).toBe('SIGINT');
  });
});
