/** Every bad input exits 2 with exactly one stderr line naming the problem, and nothing on stdout. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDir, gpulse, gpulseWithEnv, type CliRun } from './helpers.js';

const fx = fixtureDir();
afterAll(() => fx.cleanup());

let good: string;
beforeAll(() => {
  good = fx.file('good.csv', 'host,latency,region\na,1.5,eu\nb,2.5,us\n');
});

function expectUsageError(run: CliRun, pattern: RegExp): void {
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd().split('\n'), run.stderr).toHaveLength(1);
  expect(run.stderr).toMatch(/^gpulse: /);
  expect(run.stderr).toMatch(pattern);
  expect(run.code).toBe(2);
}

const cases: Array<[string, () => string[], RegExp]> = [
  ['missing file', () => ['percentiles', fx.path('nope.csv'), '--column', 'latency'], /cannot read .*nope\.csv: no such file/],
  ['a directory', () => ['percentiles', fx.path(''), '--column', 'latency'], /cannot read .*: is a directory/],
  ['empty file', () => ['percentiles', fx.file('empty.csv', ''), '--column', 'latency'], /empty\.csv: empty file, expected a header row/],
  ['missing column', () => ['percentiles', good, '--column', 'lat'], /no column "lat" \(--column\); available columns: "host", "latency", "region"/],
  ['missing group column', () => ['percentiles', good, '--column', 'latency', '--group', 'zone'], /no column "zone" \(--group\); available columns: "host"/],
  ['non-numeric cell', () => ['percentiles', fx.file('bad.csv', 'a,v\nx,1\ny,"1,5"\n'), '--column', 'v'], /bad\.csv line 3, column "v": "1,5" is not a number/],
  ['hex is not a number', () => ['percentiles', fx.file('hex.csv', 'v\n1\n\n0x10\n'), '--column', 'v'], /hex\.csv line 4, column "v": "0x10" is not a number/],
  ['line numbers count newlines inside quotes', () => ['percentiles', fx.file('ml.csv', 'k,v\n"a\nb",1\nc,oops\n'), '--column', 'v'], /ml\.csv line 4, column "v": "oops"/],
  ['row with too few fields', () => ['percentiles', fx.file('short.csv', 'a,v\nx,1\ny\n'), '--column', 'v'], /short\.csv line 3: 1 field\(s\), but the header has 2/],
  ['unterminated quote', () => ['percentiles', fx.file('open.csv', 'a,v\n"x,1\n'), '--column', 'v'], /open\.csv line 2: unterminated quoted field/],
  ['q above 1', () => ['percentiles', good, '--column', 'latency', '--q', '0.5,1.5'], /--q: 1\.5 is outside \[0, 1\]/],
  ['q below 0', () => ['percentiles', good, '--column', 'latency', '--q=-0.1'], /--q: -0\.1 is outside \[0, 1\]/],
  ['q not a number', () => ['percentiles', good, '--column', 'latency', '--q', '0.5,p99'], /--q: "p99" is not a number/],
  ['unknown method', () => ['percentiles', good, '--column', 'latency', '--method', 'cubic'], /--method: unknown value "cubic" \(expected one of linear, lower, higher, nearest, midpoint\)/],
  ['unknown nan policy', () => ['percentiles', good, '--column', 'latency', '--nan', 'skip'], /--nan: unknown value "skip" \(expected one of omit, propagate, error\)/],
  ['unknown format', () => ['percentiles', good, '--column', 'latency', '--format', 'xml'], /--format: unknown value "xml" \(expected one of table, json, csv\)/],
  ['unknown backend', () => ['percentiles', good, '--column', 'latency', '--backend', 'cuda'], /--backend: unknown value "cuda" \(expected one of auto, webgpu, wasm, js\)/],
  ['NaN with --nan error', () => ['percentiles', fx.file('nan.csv', 'v\n1\n2\n\n3\nNaN\n'), '--column', 'v', '--nan', 'error'], /nan\.csv line 6, column "v": NaN value \(--nan error\)/],
  ['empty cell with --nan error', () => ['percentiles', fx.file('gap.csv', 'k,v\na,1\nb,\n'), '--column', 'v', '--nan', 'error'], /gap\.csv line 3, column "v": NaN value/],
  ['missing --column', () => ['percentiles', good], /--column is required/],
  ['missing file argument', () => ['percentiles', '--column', 'latency'], /missing <file\.csv>/],
  ['two files', () => ['percentiles', good, good, '--column', 'latency'], /expected one file, got 2/],
  ['unknown option', () => ['percentiles', good, '--column', 'latency', '--colour'], /Unknown option '--colour'/],
  ['option without its value', () => ['percentiles', good, '--column'], /--column/],
  ['--demo with a file', () => ['percentiles', '--demo', good], /--demo generates its own data/],
  ['unknown command', () => ['precentiles', good], /unknown command "precentiles" \(commands: [a-z, ]*\bpercentiles\b/],
  ['no command', () => [], /missing command/],
];

describe.concurrent('bad input exits 2 with one stderr line', () => {
  for (const [name, args, pattern] of cases) {
    it(name, async () => expectUsageError(await gpulse(...args()), pattern));
  }

  it('webgpu with no adapter fails with BACKEND_UNAVAILABLE (or succeeds where there is a GPU)', async () => {
    const run = await gpulse('percentiles', good, '--column', 'latency', '--backend', 'webgpu', '--format', 'json');
    if (run.code === 0) {
      expect(JSON.parse(run.stdout).backend).toBe('webgpu');
      return;
    }
    expectUsageError(run, /backend "webgpu".*\(BACKEND_UNAVAILABLE\)/);
  });

  it('webgpu with the Vulkan drivers hidden fails with BACKEND_UNAVAILABLE', async () => {
    // Pointing the Vulkan loader at no driver leaves Dawn (Linux) without an adapter.
    const hidden = { VK_ICD_FILENAMES: '/nonexistent/icd.json', VK_DRIVER_FILES: '/nonexistent/icd.json' };
    const run = await gpulseWithEnv(hidden, 'percentiles', good, '--column', 'latency', '--backend', 'webgpu');
    if (run.code === 0) return; // not a Vulkan platform: an adapter was still found
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
    // Dawn's native loader writes its own "Warning: …" lines to stderr, which the CLI cannot suppress;
    // the CLI's part is exactly one line, the last one.
    const ours = run.stderr.trimEnd().split('\n').filter((l) => l.startsWith('gpulse:'));
    expect(ours).toEqual([expect.stringMatching(/^gpulse: backend "webgpu": no WebGPU adapter found \(BACKEND_UNAVAILABLE\)$/)]);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(ours[0]);
  });
});
