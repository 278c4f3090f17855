/**
 * Byte layout of one call's memory after the module's __heap_base, shared by the WASM percentile kernels:
 * regions are carved in order, each 64-byte aligned. Mirrors the constants in wasm/assembly/lib/*.ts.
 */

/** selectRanks scratch: histogram (256 KiB), bin marks (256 KiB, zero between calls), then frames. */
export const SCRATCH_MARK = 1 << 18;
export const SCRATCH_FRAMES = 1 << 19;
export const FRAME_BYTES_PER_RANK = 32;
export const MAX_LEVELS = 20;

/** Window block of windowPassF32 (f32 bounds) and windowPassF64 (f64 bounds); pointers and counts are u32.
 *  Window buffers need SLACK spare keys past their capacity (the pass stores whole vectors). */
export const WINDOWS = 4;
export const SLACK = 4;
export const WIN32 = { lo: 0, hi: 16, dst: 32, cap: 48, ge: 64, inside: 80, le: 96, bytes: 128 } as const;
export const WIN64 = { lo: 0, hi: 32, dst: 64, cap: 80, ge: 96, inside: 112, le: 128, bytes: 192 } as const;

export function scratchBytes(maxRanks: number): number {
  return SCRATCH_FRAMES + MAX_LEVELS * FRAME_BYTES_PER_RANK * Math.max(1, maxRanks);
}

/** Hands out consecutive 64-byte-aligned regions, relative to a base known later. */
export class Layout {
  bytes = 0;
  take(size: number): number {
    const at = this.bytes;
    this.bytes = at + Math.ceil(size / 64) * 64;
    return at;
  }
}
