// Tables for the batched real FFT of size n (a power of two): computed once per n (f64 trig, stored f32)
// and cached in linear memory at a caller-chosen address. Layout from `tw`, m = n/2 complex points:
//   bit-reversal of the first-stage indices: i32 × m/R, R the first stage's radix (4, 8, or 2 when m = 2)
//   radix-4 stage twiddles, stage by stage (span L = R, ×4 … ≤ m/4): L × (c1,s1,c2,s2,c3,s3) f32
//   real post-processing twiddles W^k = e^{-2πik/n}, k = 0 … m/2: (c, s) f32
// The layout is a pure function of n, so readers recompute the offsets (fftFirstStageLog / fftStageTw…).

let cachedN: i32 = 0;
let cachedAt: usize = 0;

@inline export function log2i(n: i32): i32 {
  return 31 - clz<i32>(n);
}

/** log2 of the first stage's radix: 2 (radix-4) when log2 m is even, 3 (radix-8) when odd, 1 for m = 2. */
@inline export function fftFirstLog(m: i32): i32 {
  const b = log2i(m);
  return (b & 1) == 0 ? 2 : b == 1 ? 1 : 3;
}

@inline export function fftBitrevCount(m: i32): i32 {
  return m >> fftFirstLog(m);
}

/** Byte offset of the radix-4 twiddles of the stage with span L, relative to tw. */
export function fftStageOffset(m: i32, L: i32): usize {
  let off = <usize>fftBitrevCount(m) << 2;
  for (let l = 1 << fftFirstLog(m); l < L; l <<= 2) off += <usize>l * 24;
  return off;
}

export function fftPostOffset(m: i32): usize {
  return fftStageOffset(m, m);
}

export function fftTableBytes(n: i32): usize {
  if (n < 4) return 0;
  const m = n >> 1;
  return fftPostOffset(m) + (<usize>(m / 2 + 1) << 3);
}

function bitReverse(x: i32, bits: i32): i32 {
  let r = 0;
  for (let i = 0; i < bits; i++) {
    r = (r << 1) | (x & 1);
    x >>= 1;
  }
  return r;
}

/** Builds the tables for n at tw unless they are already there. */
export function fftBuildTables(n: i32, tw: usize): void {
  if (n < 4 || (cachedN == n && cachedAt == tw)) return;
  const m = n >> 1;
  const first = fftFirstLog(m);
  const bits = log2i(m) - first;
  const count = fftBitrevCount(m);
  for (let c = 0; c < count; c++) store<i32>(tw + (<usize>c << 2), bitReverse(c, bits));
  for (let L = 1 << first; L < m; L <<= 2) {
    let p = tw + fftStageOffset(m, L);
    const step = -2.0 * Math.PI / <f64>(4 * L);
    for (let j = 0; j < L; j++) {
      for (let q = 1; q <= 3; q++) {
        const a = step * <f64>(q * j);
        store<f32>(p, <f32>Math.cos(a));
        store<f32>(p, <f32>Math.sin(a), 4);
        p += 8;
      }
    }
  }
  const post = tw + fftPostOffset(m);
  for (let k = 0; k <= m / 2; k++) {
    const a = -2.0 * Math.PI * <f64>k / <f64>n;
    store<f32>(post + (<usize>k << 3), <f32>Math.cos(a));
    store<f32>(post + (<usize>k << 3), <f32>Math.sin(a), 4);
  }
  cachedN = n;
  cachedAt = tw;
}

/** Forgets the cache (the host moved the table or reused the memory). */
export function fftResetTables(): void {
  cachedN = 0;
}
