/**
 * Block-quantized weights in MatMulNBits layout and the float-activation × quantized-weight product.
 * Layout: codes uint8 [N, kBlocks, blockSize·bits/8], packed low bits first along K; one scale per
 * (n, block); zero point per block (packed codes, float, or the default 2^(bits−1)).
 * This is the second backend swap point (with gemm-core.ts): a WASM i8 or WGSL int4 kernel takes the same
 * BlockQuantWeight and replaces blockQuantMatmul. The JS reference dequantizes one output channel (K values)
 * into a scratch row and dots it with every activation row, so weights are never expanded in memory.
 */
import { invalidArgument } from '../../errors.js';

export type ZeroPoints =
  | { kind: 'packed'; data: ArrayLike<number> }
  | { kind: 'float'; data: ArrayLike<number> };

export interface BlockQuantWeight {
  N: number;
  K: number;
  bits: number;
  blockSize: number;
  codes: ArrayLike<number>;
  scales: ArrayLike<number>;
  zeroPoints?: ZeroPoints;
}

export const kBlocksOf = (w: Pick<BlockQuantWeight, 'K' | 'blockSize'>): number => Math.ceil(w.K / w.blockSize);
export const blobSizeOf = (w: Pick<BlockQuantWeight, 'bits' | 'blockSize'>): number => (w.blockSize * w.bits) / 8;

/** Checks array sizes against N, K, bits and block size. */
export function checkBlockQuant(w: BlockQuantWeight): void {
  if (![2, 4, 8].includes(w.bits)) throw invalidArgument(`bits must be 2, 4 or 8, got ${w.bits}`);
  if (!(w.blockSize > 0) || (w.blockSize * w.bits) % 8 !== 0) throw invalidArgument(`invalid block_size ${w.blockSize}`);
  const kb = kBlocksOf(w);
  const need = (what: string, got: number, want: number) => {
    if (got !== want) throw invalidArgument(`${what} has ${got} elements, expected ${want} (N=${w.N}, K=${w.K})`);
  };
  need('B', w.codes.length, w.N * kb * blobSizeOf(w));
  need('scales', w.scales.length, w.N * kb);
  if (w.zeroPoints?.kind === 'packed') need('zero_points', w.zeroPoints.data.length, w.N * Math.ceil((kb * w.bits) / 8));
  if (w.zeroPoints?.kind === 'float') need('zero_points', w.zeroPoints.data.length, w.N * kb);
}

/** Writes the K dequantized weights of output channel n into row. */
export function dequantizeChannel(w: BlockQuantWeight, n: number, row: Float64Array): void {
  const kb = kBlocksOf(w);
  const blob = blobSizeOf(w);
  const perByte = 8 / w.bits;
  const mask = (1 << w.bits) - 1;
  const zpStride = Math.ceil((kb * w.bits) / 8);
  for (let b = 0; b < kb; b++) {
    const scale = w.scales[n * kb + b];
    let zp = 1 << (w.bits - 1);
    if (w.zeroPoints?.kind === 'float') zp = w.zeroPoints.data[n * kb + b];
    else if (w.zeroPoints?.kind === 'packed') {
      const byte = w.zeroPoints.data[n * zpStride + Math.floor(b / perByte)];
      zp = (byte >>> ((b % perByte) * w.bits)) & mask;
    }
    const base = (n * kb + b) * blob;
    const end = Math.min(w.blockSize, w.K - b * w.blockSize);
    for (let j = 0; j < end; j++) {
      const code = (w.codes[base + Math.floor(j / perByte)] >>> ((j % perByte) * w.bits)) & mask;
      row[b * w.blockSize + j] = (code - zp) * scale;
    }
  }
}

/** out[r·N + n] = Σ_k a[r·K + k] · W(n, k) for `rows` activation rows. */
export function blockQuantMatmul(a: ArrayLike<number>, rows: number, w: BlockQuantWeight, out: Float64Array): void {
  const row = new Float64Array(w.K);
  for (let n = 0; n < w.N; n++) {
    dequantizeChannel(w, n, row);
    for (let r = 0; r < rows; r++) {
      let s = 0;
      const off = r * w.K;
      for (let k = 0; k < w.K; k++) s += a[off + k] * row[k];
      out[r * w.N + n] = s;
    }
  }
}
