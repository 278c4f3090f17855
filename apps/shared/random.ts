/**
 * mulberry32: the one seeded PRNG of the apps, tests and benchmarks (Math.random cannot be seeded). Tiny,
 * fast, 32-bit state; good enough for synthetic data, not for anything that needs statistical strength.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
