/**
 * The JS backend's sample of the input, and the first radix level's bins fitted to it. Keys are handled as
 * signed int32 "signed keys" (key ^ 0x80000000, same order) so the loops stay in int32; a key goes to bin
 * (sk >> shift) − offset, clamped to [0, 65535]. The map is monotone, so counting and compacting by it is exact
 * for every key; keys outside the sampled range only make the edge bins bigger. Bins fitted to the sample's range
 * beat top-16-bit bins: those put a narrow input (say 1000.0–1001.0) into one bin, and even uniform [0, 1) data
 * into a few hundred busy bins, where back-to-back increments of one counter stall the histogram loop.
 */

export const BINS = 1 << 16;
export const TOP = BINS - 1;

export interface Bucketing {
  shift: number;
  /** Subtracted from sk >> shift. */
  offset: number;
}

const MAX_SAMPLE = 1 << 14;
const TOP16: Bucketing = { shift: 16, offset: -32768 };

/**
 * Sorted signed keys of a stratified sample (one value from each of s equal strata, at a pseudo-random offset),
 * NaN left out. words: the input's bits as 32-bit words (stride 1: f32; stride 2: f64 as [lo, hi] pairs; the f64
 * keys are their high words).
 */
export function sampleSignedKeys(words: Int32Array, stride: 1 | 2, n: number): Int32Array {
  const s = Math.min(n, Math.max(1024, Math.min(MAX_SAMPLE, n >>> 6)));
  const out = new Int32Array(s);
  let kept = 0;
  let seed = 0x9e3779b9;
  for (let j = 0; j < s; j++) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    const from = Math.floor((j * n) / s);
    const i = from + (seed % (Math.floor(((j + 1) * n) / s) - from));
    const sk = stride === 1 ? signedKeyF32(words[i]) : signedKeyHiF64(words[2 * i + 1], words[2 * i]);
    if (sk !== NAN_SIGNED_KEY) out[kept++] = sk;
  }
  return out.subarray(0, kept).sort();
}

/** Bins whose range the sorted sample fills. */
export function fitBuckets(sorted: Int32Array): Bucketing {
  if (sorted.length === 0) return TOP16;
  const lo = sorted[0];
  // hi − lo < 2^(16 + shift), so the sampled keys fill bins 0 … 65535; shift ≥ 1 keeps the difference in int32.
  const shift = Math.max(1, 32 - Math.clz32(sorted[sorted.length - 1] - lo) - 16);
  return { shift, offset: lo >> shift };
}

export function binOf(sk: number, { shift, offset }: Bucketing): number {
  const d = (sk >> shift) - offset;
  return d < 0 ? 0 : d > TOP ? TOP : d;
}

export const NAN_SIGNED_KEY = 0x7fffffff;

/** f32 bits → signed key (key ^ 0x80000000); NaN → the largest. */
export function signedKeyF32(b: number): number {
  if ((b & 0x7fffffff) > 0x7f800000) return NAN_SIGNED_KEY;
  return b ^ ((b >> 31) & 0x7fffffff);
}

/** High word of the f64 signed key from the value's high and low bit words; NaN → the largest. */
export function signedKeyHiF64(hi: number, lo: number): number {
  const a = hi & 0x7fffffff;
  if (a > 0x7ff00000 || (a === 0x7ff00000 && lo !== 0)) return NAN_SIGNED_KEY;
  return hi ^ ((hi >> 31) & 0x7fffffff);
}
