/** The NAB series (real CloudWatch and known-cause metrics, 5-minute points) through the fast set on every backend. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeOnEveryBackend } from '../kernels/run-kernel-cases.js';
import { fastFeaturesKernel } from '../../engine/kernels/features/fast/fast.contract.js';
import { fastConfig } from '../../engine/kernels/features/fast/fast-layout.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const nab = path.resolve(repoRoot, '../shared/data/nab');

function loadNab(): { names: string[]; values: Float64Array; offsets: Uint32Array } {
  const names: string[] = [];
  const all: number[] = [];
  const offsets = [0];
  for (const dir of ['realAWSCloudwatch', 'realKnownCause']) {
    const d = path.join(nab, 'data', dir);
    for (const f of readdirSync(d).filter((f) => f.endsWith('.csv')).sort()) {
      const lines = readFileSync(path.join(d, f), 'utf8').trim().split('\n').slice(1);
      for (const line of lines) all.push(Number(line.slice(line.lastIndexOf(',') + 1)));
      names.push(`${dir}/${f}`);
      offsets.push(all.length);
    }
  }
  return { names, values: Float64Array.from(all), offsets: Uint32Array.from(offsets) };
}

const available = existsSync(path.join(nab, 'data'));

describeOnEveryBackend('fast features on NAB', (backend, engine) => {
  it.skipIf(!available)('every NAB series, whole and in 1-day windows, runs without errors and matches the reference', async () => {
    const data = loadNab();
    expect(data.names.length).toBe(24);
    const whole = await engine().features({ values: data.values, offsets: data.offsets }, { set: 'fast', backend });
    expect(whole.backend).toBe(backend);
    expect(Array.from(whole.status).every((s) => s === 0)).toBe(true);
    const args = { values: data.values, starts: data.offsets.subarray(0, -1), lengths: Uint32Array.from(data.names, (_, i) => data.offsets[i + 1] - data.offsets[i]), ...fastConfig(undefined, undefined) };
    expect(fastFeaturesKernel.compare({ values: whole.values, status: whole.status }, fastFeaturesKernel.reference(args), args, backend)).toBeNull();
    // One long series in 1-day windows (288 points), overlapping by half a day.
    const first = data.values.subarray(0, data.offsets[1]);
    const days = await engine().features({ values: first }, { set: 'fast', window: 288, step: 144, backend });
    expect(days.status.length).toBe(Math.floor((first.length - 288) / 144) + 1);
    expect(Array.from(days.status).every((s) => s === 0 || s === 3)).toBe(true);
  });
});
