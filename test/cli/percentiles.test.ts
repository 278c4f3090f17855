/** `gpulse percentiles` end to end (spawned via tsx): output formats, grouping, NaN/inf parsing, NaN policies. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvParser } from '../../apps/cli/src/csv-reader.js';
import { fixtureDir, gpulse, jsonNum, num, reference, seeded, type CliRun } from './helpers.js';

const fx = fixtureDir();
afterAll(() => fx.cleanup());

// Group keys chosen so first appearance ≠ sorted order, with CSV-hostile text (comma, quotes, empty).
const KEYS = ['zeta', 'alpha', '10', '9', 'a, "b"', ''];
const Q = [0.5, 0.9, 0.95, 0.99];
let main: string;
const all: number[] = [];
const byKey = new Map<string, number[]>();

function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

beforeAll(() => {
  const random = seeded(7);
  const lines = ['id,latency,service'];
  for (let i = 0; i < 1500; i++) {
    // Keys appear first in KEYS order, then at random.
    const key = i < KEYS.length ? KEYS[i] : KEYS[Math.floor(random() * KEYS.length)];
    const v = Math.exp(3 * random()) * (random() < 0.5 ? 1 : 100) - 5;
    all.push(v);
    byKey.set(key, [...(byKey.get(key) ?? []), v]);
    lines.push(`${i},${v},${csvField(key)}`);
  }
  main = fx.file('main.csv', `${lines.join('\r\n')}\r\n`);
});

function ok(run: CliRun): string {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
}

function json(run: CliRun): Record<string, any> {
  const out = ok(run);
  expect(out.trim().split('\n')).toHaveLength(1);
  return JSON.parse(out);
}

describe.concurrent('percentiles output', () => {
  it('json: exact values against a sort-based reference', async () => {
    const r = json(await gpulse('percentiles', main, '--column', 'latency', '--format', 'json'));
    expect(Object.keys(r)).toEqual(['backend', 'q', 'method', 'count', 'values']);
    expect(r.q).toEqual(Q);
    expect(r.method).toBe('linear');
    expect(r.count).toBe(all.length);
    expect(r.values).toEqual(reference(all, Q));
    expect(['js', 'wasm', 'webgpu']).toContain(r.backend);
  });

  it('json: every method and the js backend agree with the reference', async () => {
    const q = [0, 0.1, 0.25, 0.333, 0.5, 0.77, 0.999, 1];
    const runs = await Promise.all(
      ['linear', 'lower', 'higher', 'nearest', 'midpoint'].map(async (method) => {
        const r = json(await gpulse('percentiles', main, '--column', 'latency', '--format', 'json', '--backend', 'js', '--method', method, '--q', q.join(',')));
        return { method, r };
      }),
    );
    for (const { method, r } of runs) {
      expect(r.backend).toBe('js');
      expect(r.method).toBe(method);
      expect(r.values, method).toEqual(reference(all, q, method));
    }
  });

  it('csv: q,value rows with exact round-trip numbers', async () => {
    const out = ok(await gpulse('percentiles', main, '--column', 'latency', '--format', 'csv', '--q', '0.5,0.99'));
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('q,value');
    expect(lines.slice(1).map((l) => l.split(',').map(Number))).toEqual([
      [0.5, reference(all, [0.5])[0]],
      [0.99, reference(all, [0.99])[0]],
    ]);
  });

  it('table (default): aligned columns and a footer naming the backend', async () => {
    const out = ok(await gpulse('percentiles', main, '--column', 'latency', '--q', '0.5,0.9'));
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\s*q\s+value$/);
    expect(lines[1]).toMatch(/^\s*0\.5\s+-?\d/);
    expect(lines[2]).toMatch(/^\s*0\.9\s+-?\d/);
    // Right-aligned: every row as wide as the header.
    expect(new Set(lines.slice(0, 3).map((l) => l.length)).size).toBe(1);
    expect(Number(lines[1].trim().split(/\s+/)[1])).toBeCloseTo(reference(all, [0.5])[0], 4);
    expect(lines.at(-1)).toMatch(/^backend: (js|wasm|webgpu).*method: linear.*values: 1500$/);
  });

  it('grouped json: groups in order of first appearance, keys as text, exact per-group values', async () => {
    const r = json(await gpulse('percentiles', main, '--column', 'latency', '--group', 'service', '--format', 'json'));
    expect(Object.keys(r)).toEqual(['backend', 'q', 'method', 'groups']);
    expect(r.groups.map((g: { key: string }) => g.key)).toEqual(KEYS);
    for (const g of r.groups) {
      const v = byKey.get(g.key)!;
      expect(g.count, g.key).toBe(v.length);
      expect(g.values, g.key).toEqual(reference(v, Q));
    }
  });

  it('grouped csv: key,count,p… header, keys quoted where needed', async () => {
    const out = ok(await gpulse('percentiles', main, '--column', 'latency', '--group', 'service', '--format', 'csv', '--q', '0.5,0.999'));
    expect(out).toContain('\n"a, ""b""",');
    // Read it back with the CLI's own CSV parser: the output must round-trip.
    const rows: string[][] = [];
    const parser = new CsvParser((fields) => rows.push(fields.slice()));
    parser.push(out);
    parser.end();
    expect(rows[0]).toEqual(['key', 'count', 'p50', 'p99.9']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(KEYS);
    for (const [key, count, ...values] of rows.slice(1)) {
      const v = byKey.get(key)!;
      expect([Number(count), ...values.map(Number)], key).toEqual([v.length, ...reference(v, [0.5, 0.999])]);
    }
  });

  it('grouped table: key column left-aligned, rows in first-appearance order', async () => {
    const out = ok(await gpulse('percentiles', main, '--column', 'latency', '--group', 'service', '--backend', 'js'));
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^key\s+count\s+p50\s+p90\s+p95\s+p99$/);
    expect(lines.slice(1, 7).map((l) => l.slice(0, 'a, "b"'.length).trimEnd())).toEqual(KEYS);
    expect(lines.at(-1)).toMatch(/^backend: js .*groups: 6 .*values: 1500$/);
  });

  it('a header-only file gives count 0 and NaN values', async () => {
    const file = fx.file('empty-data.csv', 'latency\n');
    const r = json(await gpulse('percentiles', file, '--column', 'latency', '--format', 'json', '--q', '0.5'));
    expect(r.count).toBe(0);
    expect(r.values).toEqual(['NaN']);
  });
});

describe.concurrent('NaN and infinity', () => {
  // Quoted numbers, every NaN/inf spelling, an empty cell, and padding around a number.
  const text = 'k,v\na,1\nb,inf\na,-Infinity\nb,NaN\na,nan\nb,\na, 3 \nb,"2"\na,-INF\nb,"-0.5"\n';
  let file: string;
  beforeAll(() => {
    file = fx.file('special.csv', text);
  });

  it('parses inf/NaN spellings; empty cells are NaN; --nan omit drops them', async () => {
    const r = json(await gpulse('percentiles', file, '--column', 'v', '--format', 'json', '--q', '0,0.5,1'));
    expect(r.count).toBe(7);
    expect(r.values.map(num)).toEqual(reference([1, Infinity, -Infinity, 3, 2, -Infinity, -0.5], [0, 0.5, 1]));
    expect(r.values).toEqual(['-Infinity', 1, 'Infinity']);
  });

  it('--nan propagate: NaN results, count includes the NaN rows', async () => {
    const r = json(await gpulse('percentiles', file, '--column', 'v', '--format', 'json', '--q', '0.5', '--nan', 'propagate'));
    expect(r.values).toEqual(['NaN']);
    expect(r.count).toBe(10);
  });

  it('--nan propagate per group: only groups holding a NaN become NaN', async () => {
    const t = 'k,v\nclean,1\ndirty,2\nclean,3\ndirty,\n';
    const r = json(await gpulse('percentiles', fx.file('g-nan.csv', t), '--column', 'v', '--group', 'k', '--format', 'json', '--q', '0.5', '--nan', 'propagate'));
    expect(r.groups).toEqual([
      { key: 'clean', count: 2, values: [2] },
      { key: 'dirty', count: 2, values: ['NaN'] },
    ]);
  });

  it('--nan omit per group: NaN rows are not counted', async () => {
    const r = json(await gpulse('percentiles', file, '--column', 'v', '--group', 'k', '--format', 'json', '--q', '0.5'));
    expect(r.groups).toEqual([
      { key: 'a', count: 4, values: reference([1, -Infinity, 3, -Infinity], [0.5]).map(jsonNum) },
      { key: 'b', count: 3, values: reference([Infinity, 2, -0.5], [0.5]).map(jsonNum) },
    ]);
  });

  it('csv output writes non-finite values as NaN / Infinity / -Infinity', async () => {
    const out = ok(await gpulse('percentiles', file, '--column', 'v', '--format', 'csv', '--q', '0,1'));
    expect(out).toBe('q,value\n0,-Infinity\n1,Infinity\n');
  });
});

describe('demo', () => {
  it('is deterministic: 1e6 values in 20 groups, same percentiles on every run', async () => {
    const [a, b] = await Promise.all([
      gpulse('percentiles', '--demo', '--format', 'json', '--backend', 'js'),
      gpulse('percentiles', '--demo', '--format', 'json'),
    ]);
    const ra = json(a);
    const rb = json(b);
    expect(ra.groups).toHaveLength(20);
    expect(ra.groups.reduce((s: number, g: { count: number }) => s + g.count, 0)).toBe(1_000_000);
    expect(ra.groups).toEqual(rb.groups);
    expect(ra.timing.rows).toBe(1_000_000);
    expect(ra.timing.computeMs).toBeGreaterThan(0);
  });

  it('table output ends with backend and timings', async () => {
    const out = ok(await gpulse('percentiles', '--demo', '--q', '0.5,0.99'));
    expect(out.trimEnd().split('\n').at(-1)).toMatch(/^backend: \w+.*groups: 20 .*rows: 1000000 .*input: [\d.]+ ms .*compute: [\d.]+ ms$/);
  });
});
