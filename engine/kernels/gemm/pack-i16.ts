/**
 * Packing of an 8-bit weight for the WASM integer GEMM (wasm/assembly/lib/gemm-i8.ts): each value is
 * widened to i16 with its column's zero point subtracted (so the kernel needs no zero-point terms), laid
 * out in panels of 8 columns: per pair of k, 8 columns × (k even, k odd). K is padded to an even count
 * and N to whole panels with zeros. Done once at load (or per run when B is not a constant).
 */
import { PANEL, panelsOf } from './pack-f32.js';

export const pairsOf = (K: number): number => (K + 1) >> 1;

/** B is K×N row-major (u8 or i8 values); bZp(col) its zero point per column. */
export function packI16(b: ArrayLike<number>, K: number, N: number, bZp: (col: number) => number): Int16Array {
  const panels = panelsOf(N);
  const Kp = pairsOf(K);
  const out = new Int16Array(panels * Kp * 2 * PANEL);
  for (let p = 0; p < panels; p++) {
    const cols = Math.min(PANEL, N - p * PANEL);
    for (let c = 0; c < cols; c++) {
      const n = p * PANEL + c;
      const zp = bZp(n);
      for (let k = 0; k < K; k++) {
        // Pair kp holds [c0k, c0k+1, c1k, c1k+1, …]: the dot of an A pair with one i32 lane per column.
        out[(p * Kp + (k >> 1)) * 2 * PANEL + c * 2 + (k & 1)] = b[k * N + n] - zp;
      }
    }
  }
  return out;
}
