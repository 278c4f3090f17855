/**
 * Packing of an f32 weight for the WASM f32 GEMM (wasm/assembly/lib/gemm-f32.ts): panels of 8 output
 * columns, each K rows of 8 f32, N padded with zero columns to whole panels. Done once at load.
 */

export const PANEL = 8;

export const panelsOf = (N: number): number => Math.ceil(N / PANEL);

/**
 * B is K×N row-major (or N×K when transB); `alpha` is folded into the packed values (Gemm's alpha), so
 * the kernel computes alpha·(A·B) as A·(alpha·B) — one rounding per weight at load.
 */
export function packF32(b: ArrayLike<number>, K: number, N: number, transB = false, alpha = 1): Float32Array {
  const panels = panelsOf(N);
  const out = new Float32Array(panels * K * PANEL);
  for (let p = 0; p < panels; p++) {
    const base = p * K * PANEL;
    const cols = Math.min(PANEL, N - p * PANEL);
    for (let k = 0; k < K; k++) {
      const o = base + k * PANEL;
      for (let c = 0; c < cols; c++) {
        const n = p * PANEL + c;
        out[o + c] = alpha * (transB ? b[n * K + k] : b[k * N + n]);
      }
    }
  }
  return out;
}

/** A per-column vector (bias, scale) padded with zeros to whole panels, as the epilogue reads it. */
export function padColumns(v: ArrayLike<number>, N: number): Float32Array {
  const out = new Float32Array(panelsOf(N) * PANEL);
  for (let i = 0; i < N; i++) out[i] = v[v.length === 1 ? 0 : i];
  return out;
}
