/** The published launcher, apps/cli/bin/gpulse.js, run with plain node (no tsx). */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, fixtureDir, REPO, runNode } from './helpers.js';

const fx = fixtureDir();
afterAll(() => fx.cleanup());

const built = existsSync(join(REPO, 'dist/apps/cli/src/main.js'));

describe('bin/gpulse.js', () => {
  it('without dist/ asks for `npm run build` on one line and exits 2', async () => {
    // A copy of the launcher in a tree with no dist/ next to it.
    const binDir = fx.path('apps/cli/bin');
    mkdirSync(binDir, { recursive: true });
    copyFileSync(BIN, join(binDir, 'gpulse.js'));
    const run = await runNode([join(binDir, 'gpulse.js')], ['--version']);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^gpulse: .*run `npm run build` first\n$/);
    expect(run.code).toBe(2);
  });

  const title = built ? 'runs the compiled CLI from dist/' : 'runs the compiled CLI from dist/ (skipped: dist/ not built, run npm run build)';
  it.skipIf(!built)(title, async () => {
    const file = fx.file('bin.csv', 'v\n1\n2\n3\n4\n');
    const version = await runNode([BIN], ['--version']);
    expect(version).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
    const run = await runNode([BIN], ['percentiles', file, '--column', 'v', '--q', '0.5,1', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ q: [0.5, 1], count: 4, values: [2.5, 4] });
  });
});
