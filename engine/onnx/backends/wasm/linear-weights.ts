/**
 * Weights of the fused WASM linear steps, packed once at load into the model's persistent WASM memory,
 * with the per-column vectors (bias, weight scales) padded to whole panels as the epilogue reads them.
 */
import { packF32, padColumns } from '../../../kernels/gemm/pack-f32.js';
import { packI16, pairsOf } from '../../../kernels/gemm/pack-i16.js';
import { packQ } from '../../../kernels/gemm/pack-q.js';
import { packQ4I8 } from '../../../kernels/gemm/pack-q4i8.js';
import type { BlockQuantWeight } from '../../ops/block-quant.js';
import type { WasmArena } from './arena.js';

export type PackedWeight =
  | { kind: 'f32'; K: number; N: number; ptr: number }
  | { kind: 'i16'; K: number; N: number; ptr: number; Kp: number }
  | { kind: 'q'; K: number; N: number; ptr: number; bits: number; blockSize: number }
  | { kind: 'q4i8'; K: number; N: number; ptr: number; blockSize: number; kBlocks: number };

export function weightF32(arena: WasmArena, b: ArrayLike<number>, K: number, N: number, transB = false, alpha = 1): PackedWeight {
  return { kind: 'f32', K, N, ptr: arena.persistBytes(packF32(b, K, N, transB, alpha)) };
}

export function weightI16(arena: WasmArena, b: ArrayLike<number>, K: number, N: number, bZp: (col: number) => number): PackedWeight {
  return { kind: 'i16', K, N, Kp: pairsOf(K), ptr: arena.persistBytes(packI16(b, K, N, bZp)) };
}

export function weightQ(arena: WasmArena, w: BlockQuantWeight): PackedWeight {
  return { kind: 'q', K: w.K, N: w.N, bits: w.bits, blockSize: w.blockSize, ptr: arena.persistBytes(packQ(w)) };
}

export function weightQ4I8(arena: WasmArena, w: BlockQuantWeight): PackedWeight {
  const kBlocks = Math.ceil(w.K / w.blockSize);
  return { kind: 'q4i8', K: w.K, N: w.N, blockSize: w.blockSize, kBlocks, ptr: arena.persistBytes(packQ4I8(w)) };
}

/** A per-column f32 vector (scalar broadcast) padded to panels, or 0 for none. */
export function columns(arena: WasmArena, v: ArrayLike<number> | undefined, N: number, scale = 1): number {
  if (!v) return 0;
  const padded = padColumns(v, N);
  if (scale !== 1) for (let i = 0; i < N; i++) padded[i] = Math.fround(scale * padded[i]);
  return arena.persistBytes(padded);
}
