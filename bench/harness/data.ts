/**
 * Seeded benchmark inputs (test/support/seeded.ts: mulberry32 + Box–Muller). Every contender gets the very
 * same arrays; generation is outside all timings. Float32 because that is what metrics pipelines ship.
 */
import { lognormal, rng, uniform } from '../../test/support/seeded.js';

export type Distribution = 'uniform' | 'lognormal';
export const DISTRIBUTIONS: readonly Distribution[] = ['uniform', 'lognormal'];

const SEEDS: Record<Distribution, number> = { uniform: 0x5eed01, lognormal: 0x5eed02 };
const cache = new Map<string, Float32Array>();

/** uniform: [0, 1); lognormal: μ 0, σ 1 (latency-like right tail). */
export function dataset(dist: Distribution, n: number): Float32Array {
  const key = `${dist}:${n}`;
  let out = cache.get(key);
  if (!out) {
    const f64 = dist === 'uniform' ? uniform(n, SEEDS[dist]) : lognormal(n, SEEDS[dist]);
    out = Float32Array.from(f64);
    cache.set(key, out);
  }
  return out;
}

/** Uniformly random group keys in [0, groups): every group non-empty at the sizes we use. */
export function groupKeys(n: number, groups: number, seed = 0x9e0a75): Uint32Array {
  const r = rng(seed);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(r() * groups);
  return out;
}

/** "1e6", "1e7", "2.5e5": sizes as people say them. */
export function sizeLabel(n: number): string {
  const e = Math.floor(Math.log10(n));
  const m = n / 10 ** e;
  return `${+m.toPrecision(3)}e${e}`;
}

export function countLabel(n: number): string {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : `${n}`;
}
