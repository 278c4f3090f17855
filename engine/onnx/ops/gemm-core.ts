/**
 * The inner GEMM loops every matrix op calls. This is the swap point for faster backends: a WASM SIMD
 * or WGSL kernel replaces these two functions (same arguments: flat arrays, offsets, sizes) and MatMul,
 * Gemm, MatMulInteger and QLinearMatMul pick it up unchanged. Accumulation is float64 here, so this
 * reference is at least as accurate as any float32 kernel it is compared with.
 */

/**
 * out[i·N + j] += alpha · Σ_k opA(i, k) · opB(k, j) for an M×K by K×N product.
 * A is stored M×K row-major (or K×M when transA); B K×N (or N×K when transB).
 */
export function gemmF64(
  M: number,
  N: number,
  K: number,
  a: ArrayLike<number>,
  aOff: number,
  transA: boolean,
  b: ArrayLike<number>,
  bOff: number,
  transB: boolean,
  alpha: number,
  out: Float64Array,
  outOff: number,
): void {
  const row = new Float64Array(N);
  for (let i = 0; i < M; i++) {
    row.fill(0);
    if (transB) {
      // Dot products along contiguous rows of B.
      for (let j = 0; j < N; j++) {
        let s = 0;
        const bRow = bOff + j * K;
        for (let k = 0; k < K; k++) s += (transA ? a[aOff + k * M + i] : a[aOff + i * K + k]) * b[bRow + k];
        row[j] = s;
      }
    } else {
      // Axpy over contiguous rows of B: no strided reads of B.
      for (let k = 0; k < K; k++) {
        const aik = transA ? a[aOff + k * M + i] : a[aOff + i * K + k];
        const bRow = bOff + k * N;
        for (let j = 0; j < N; j++) row[j] += aik * b[bRow + j];
      }
    }
    const o = outOff + i * N;
    for (let j = 0; j < N; j++) out[o + j] += alpha * row[j];
  }
}

/**
 * Integer GEMM with zero points: out[i·N + j] = Σ_k (a(i,k) − aZp(i)) · (b(k,j) − bZp(j)), A M×K, B K×N.
 * Exact: |terms| ≤ 2^16 · K stays far below 2^53 for any K a tensor can hold.
 */
export function gemmInt(
  M: number,
  N: number,
  K: number,
  a: ArrayLike<number>,
  aOff: number,
  aZp: (row: number) => number,
  b: ArrayLike<number>,
  bOff: number,
  bZp: (col: number) => number,
  out: Float64Array,
  outOff: number,
): void {
  const row = new Float64Array(N);
  const bz = new Float64Array(N);
  for (let j = 0; j < N; j++) bz[j] = bZp(j);
  for (let i = 0; i < M; i++) {
    row.fill(0);
    const az = aZp(i);
    for (let k = 0; k < K; k++) {
      const av = a[aOff + i * K + k] - az;
      const bRow = bOff + k * N;
      for (let j = 0; j < N; j++) row[j] += av * (b[bRow + j] - bz[j]);
    }
    out.set(row, outOff + i * N);
  }
}
