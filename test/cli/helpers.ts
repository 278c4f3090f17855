/** Test helpers: run the CLI from its TypeScript source (no build needed), temp fixtures, a sort-based reference. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../apps/shared/random.js';
/** Seeded PRNG so fixtures are the same on every run. */
export const seeded = mulberry32;

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const MAIN_TS = join(REPO, 'apps/cli/src/main.ts');
export const BIN = join(REPO, 'apps/cli/bin/gpulse.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a node script with arguments; never rejects, so tests assert on the exit code. */
export function runNode(nodeArgs: string[], args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((done) => {
    const options = { cwd: REPO, maxBuffer: 64 << 20, env: { ...process.env, ...env } };
    execFile(process.execPath, [...nodeArgs, ...args], options, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

/** `gpulse …` via tsx, straight from apps/cli/src/main.ts. */
export function gpulse(...args: string[]): Promise<CliRun> {
  return runNode(['--import', 'tsx', MAIN_TS], args);
}

/** Same, with extra environment variables. */
export function gpulseWithEnv(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliRun> {
  return runNode(['--import', 'tsx', MAIN_TS], args, env);
}

/** A temp dir for fixtures; call cleanup() in afterAll. */
export function fixtureDir(): { file(name: string, text: string): string; path(name: string): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'gpulse-cli-'));
  return {
    file(name, text) {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    },
    path: (name) => join(dir, name),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}


/** numpy's _lerp (the b-side form for t ≥ 0.5 is part of numpy's definition, and of exact agreement). */
function lerp(a: number, b: number, t: number): number {
  if (t === 0 || a === b) return a;
  return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Reference percentiles by full sort, numpy methods; NaN dropped (nan: omit). */
export function reference(values: number[], q: number[], method = 'linear'): number[] {
  const x = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const n = x.length;
  return q.map((p) => {
    if (n === 0) return NaN;
    const h = (n - 1) * p;
    const f = Math.floor(h);
    const frac = h - f;
    const at = (i: number) => x[Math.min(i, n - 1)];
    switch (method) {
      case 'lower':
        return at(f);
      case 'higher':
        return at(Math.ceil(h));
      case 'nearest':
        return at(roundHalfEven(h));
      case 'midpoint':
        return frac > 0 ? lerp(at(f), at(f + 1), 0.5) : at(f);
      default:
        return frac > 0 ? lerp(at(f), at(f + 1), frac) : at(f);
    }
  });
}

/** JSON output encodes non-finite numbers as strings; decode them back for comparisons. */
export function num(v: number | string): number {
  return typeof v === 'number' ? v : Number(v);
}

/** The inverse of num(): how the CLI's JSON writes a number. */
export function jsonNum(v: number): number | string {
  return Number.isFinite(v) ? v : String(v);
}
