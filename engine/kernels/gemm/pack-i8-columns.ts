/**
 * Packing of an 8-bit weight for the WGSL integer GEMM (shaders/gemm/gemm-i8.wgsl): column-major, each
 * column's K bytes in KW = ⌈K/4⌉ u32 words (zero bytes past K), optionally shifted by 128 (signed data on
 * the u8 path), plus each column's byte sum (after the shift) for the zero-point correction.
 */
export function packI8Columns(b: ArrayLike<number>, K: number, N: number, flip: boolean): { KW: number; words: Uint32Array; colSum: Int32Array } {
  const KW = Math.ceil(K / 4);
  const bytes = new Uint8Array(N * KW * 4);
  const colSum = new Int32Array(N);
  for (let n = 0; n < N; n++) {
    let s = 0;
    for (let k = 0; k < K; k++) {
      const v = b[k * N + n] + (flip ? 128 : 0);
      // Stored as a byte; the shader reads it back signed or unsigned, matching the sum kept here.
      bytes[n * KW * 4 + k] = v & 0xff;
      s += v;
    }
    colSum[n] = s;
  }
  return { KW, words: new Uint32Array(bytes.buffer), colSum };
}
