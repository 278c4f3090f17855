/**
 * The GPU skip policy (test/support/gpu.ts), checked in child vitest runs that see no Vulkan driver:
 * without CI the GPU tests are skipped as "skipped: no adapter"; with CI=true the run fails.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_ADAPTER } from '../support/gpu.js';

// The CLI entry (vitest's exports map hides it): next to the package.json.
const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

function runWithoutAdapter(ci: boolean): { status: number | null; report: { numPendingTests?: number; testResults?: { assertionResults: { title: string; status: string }[] }[] } } {
  const env: NodeJS.ProcessEnv = { ...process.env, VK_ICD_FILENAMES: '/nonexistent/icd.json', VK_DRIVER_FILES: '/nonexistent/icd.json' };
  delete env.VITEST;
  delete env.VITEST_WORKER_ID;
  delete env.VITEST_POOL_ID;
  if (ci) env.CI = 'true';
  else delete env.CI;
  const r = spawnSync(process.execPath, [vitest, 'run', 'test/webgpu/device.test.ts', '--reporter=json'], { env, encoding: 'utf8', timeout: 120_000 });
  const json = r.stdout.slice(r.stdout.indexOf('{'));
  let report = {};
  try {
    report = JSON.parse(json);
  } catch {
    // A run that failed before reporting leaves no JSON; the status says enough.
  }
  return { status: r.status, report };
}

describe('GPU skip policy', () => {
  it(`without an adapter the GPU tests report "${NO_ADAPTER}"`, () => {
    const { status, report } = runWithoutAdapter(false);
    expect(status).toBe(0);
    const tests = report.testResults?.flatMap((f) => f.assertionResults) ?? [];
    expect(tests.map((t) => [t.title, t.status])).toEqual([[NO_ADAPTER, 'skipped']]);
  });

  it('under CI=true a missing adapter fails the run', () => {
    expect(runWithoutAdapter(true).status).not.toBe(0);
  });
});
