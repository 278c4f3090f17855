/** `gpulse features`: one row per series (first appearance order), rolling windows, formats, bad input → exit 2. */
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureDir, gpulse, num } from './helpers.js';
import { createEngine } from '../../engine/index.js';

const dir = fixtureDir();
afterAll(() => dir.cleanup());

const rows: string[] = ['host,cpu'];
const byHost: Record<string, number[]> = { web: [], db: [] };
for (let i = 0; i < 200; i++) {
  const host = i % 3 === 0 ? 'db' : 'web';
  const v = Math.round(50 + 20 * Math.sin(i / 7) + (i % 5));
  byHost[host].push(v);
  rows.push(`${host},${v}`);
}
const file = dir.file('cpu.csv', `${rows.join('\n')}\n`);

describe('gpulse features', () => {
  it('prints one JSON row per series in order of first appearance, equal to the engine on the same series', async () => {
    const r = await gpulse('features', file, '--column', 'cpu', '--series', 'host', '--set', 'catch24');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.set).toBe('catch24');
    expect(out.names).toHaveLength(24);
    expect(out.series.map((s: { key: string }) => s.key)).toEqual(['db', 'web']);
    const engine = createEngine({ backend: 'js', workers: 0 });
    const db = await engine.features({ values: Float64Array.from(byHost.db) }, { set: 'catch24' });
    engine.dispose();
    expect(out.series[0].status).toBe('ok');
    out.series[0].values.forEach((v: number | string, i: number) => expect(num(v)).toBeCloseTo(db.values[i], 9));
  });

  it('rolling windows give one row per window with the window in the key', async () => {
    const r = await gpulse('features', file, '--column', 'cpu', '--window', '50', '--step', '25', '--format', 'csv');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0].startsWith('key,status,count,mean')).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['all[0:50]', 'all[25:75]', 'all[50:100]', 'all[75:125]', 'all[100:150]', 'all[125:175]', 'all[150:200]']);
  });

  it('short series get status too-short and NaN values as the string "NaN"', async () => {
    const tiny = dir.file('tiny.csv', 'v\n1\n2\n');
    const r = await gpulse('features', tiny, '--column', 'v', '--set', 'catch22');
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout).series[0];
    expect(s.status).toBe('too-short');
    expect(s.values.every((v: unknown) => v === 'NaN')).toBe(true);
  });

  it.each([
    [['--column', 'nope'], /no column "nope"/],
    [['--column', 'cpu', '--set', 'catch99'], /--set: unknown value "catch99"/],
    [['--column', 'cpu', '--window', '0'], /--window: "0" must be a positive integer/],
    [['--column', 'cpu', '--step', '3'], /--step needs --window/],
    [['--column', 'cpu', '--window', '500'], /has only 200 points/],
  ])('bad input %j exits 2 with one line', async (args, pattern) => {
    const r = await gpulse('features', file, ...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const ours = r.stderr.trimEnd().split('\n').filter((l) => l.startsWith('gpulse:'));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatch(pattern as RegExp);
  });
});
