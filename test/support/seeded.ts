import { mulberry32 } from '../../apps/shared/random.js';
export const rng = mulberry32;

export function uniform(n: number, seed: number, lo = 0, hi = 1): Float64Array {
  const r = rng(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = lo + (hi - lo) * r();
  return out;
}

/** Box–Muller normal, then exp: latency-like heavy right tail. */
export function lognormal(n: number, seed: number, mu = 0, sigma = 1): Float64Array {
  const r = rng(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = 1 - r();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
    out[i] = Math.exp(mu + sigma * z);
  }
  return out;
}
