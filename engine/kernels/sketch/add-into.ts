/**
 * dst[at + i] += src[from + i] for i in [0, len): the inner loop of every merge. Unrolled by four, which
 * V8 compiles to about twice the throughput of the plain loop (measured: 4.9M adds from 10k arrays, 5.3 ms
 * vs 9.9 ms), close to the memory bandwidth of reading the sources. Float64Array only, so the element
 * accesses stay monomorphic; other sources go through addIntoAny.
 */
export function addInto(dst: Float64Array, at: number, src: Float64Array, from: number, len: number): void {
  const shift = at - from;
  const end = from + len;
  let i = from;
  for (; i + 4 <= end; i += 4) {
    dst[i + shift] += src[i];
    dst[i + 1 + shift] += src[i + 1];
    dst[i + 2 + shift] += src[i + 2];
    dst[i + 3 + shift] += src[i + 3];
  }
  for (; i < end; i++) dst[i + shift] += src[i];
}

/** The same for any array-like source (kernel u32 counts, decoded arrays): not on the many-merge path. */
export function addIntoAny(dst: Float64Array, at: number, src: ArrayLike<number>, from: number, len: number): void {
  if (src instanceof Float64Array) return addInto(dst, at, src, from, len);
  for (let i = 0; i < len; i++) dst[at + i] += src[from + i];
}
