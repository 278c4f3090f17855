/**
 * The catch22 reference suite in ../shared/data/catch22, read in place (never copied), and the rule both the
 * JS and the WASM tests compare with: real-valued features within 1e-9 absolute or relative, integer
 * features exactly, ratios of integers to the printed precision (14 decimals).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATCH22_INTEGER_FEATURES, CATCH22_RATIO_FEATURES, type Catch24Name } from '../../engine/kernels/features/catch22/names.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dataDir = path.resolve(repoRoot, '../shared/data/catch22');

export interface ManifestEntry {
  input: string;
  length: number;
  expected: string | null;
  nFeatures: number;
}

export const manifest: ManifestEntry[] = JSON.parse(readFileSync(path.join(dataDir, 'MANIFEST.json'), 'utf8'));

/** Whitespace-separated numbers; the reference writes nan / inf / -inf. */
export function readSeries(file: string): Float64Array {
  const tokens = readFileSync(path.join(dataDir, file), 'utf8').trim().split(/\s+/);
  return Float64Array.from(tokens, (t) => {
    const lower = t.toLowerCase();
    if (lower === 'inf' || lower === '+inf') return Infinity;
    if (lower === '-inf') return -Infinity;
    return Number(t);
  });
}

/** Lines `value, NAME, ms`. */
export function readExpected(file: string): { name: Catch24Name; value: number }[] {
  return readFileSync(path.join(dataDir, file), 'utf8').trim().split('\n').map((line) => {
    const [value, name] = line.split(',').map((t) => t.trim());
    return { name: name as Catch24Name, value: Number(value) };
  });
}

/** Half a unit in the 14th decimal, plus room for the parse: how far a printed ratio can sit from the true one. */
const PRINTED = 6e-15;

export function mismatch(name: Catch24Name, got: number, want: number): string | null {
  if (CATCH22_INTEGER_FEATURES.has(name)) return got === want ? null : `exact ${want}, got ${got}`;
  const err = Math.abs(got - want);
  if (CATCH22_RATIO_FEATURES.has(name)) return err <= PRINTED * Math.max(1, Math.abs(want)) ? null : `ratio ${want}, got ${got}`;
  if (err <= 1e-9 || err <= 1e-9 * Math.abs(want)) return null;
  return `${want}, got ${got} (abs ${err.toExponential(2)}, rel ${(err / Math.abs(want)).toExponential(2)})`;
}
