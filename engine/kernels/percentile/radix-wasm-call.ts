/** One WASM percentile call's placed memory, and radix select on keys in it (shared by the exact and sampled paths). */
import type { WasmModuleHandle } from '../../backends/wasm/runtime.js';
import type { PercentileExports } from './radix-wasm-exports.js';
import type { KeyWidth } from './radix-wasm-width.js';

/** Absolute pointers into module memory, placed by radixPercentilesWasm. */
export interface WasmCall {
  h: WasmModuleHandle<PercentileExports>;
  w: KeyWidth;
  input: number;
  scratch: number;
  /** Room for the most ranks one select takes: u32 ranks in, keys out. */
  ranks: number;
  out: number;
}

/** Keys of ascending ranks among len keys at p (reordered). */
export function selectAt(call: WasmCall, p: number, len: number, ranks: ArrayLike<number>): bigint[] {
  const nr = ranks.length;
  if (nr === 0) return [];
  const e = call.h.exports;
  new Uint32Array(e.memory.buffer, call.ranks, nr).set(ranks);
  call.w.select(e, p, len, call.ranks, nr, call.out, call.scratch);
  return call.w.readKeys(e.memory.buffer, call.out, nr);
}
