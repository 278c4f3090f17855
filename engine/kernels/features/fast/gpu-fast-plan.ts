/**
 * Host-side planning of the GPU fast-features run: series ordered by FFT size (so each size is one
 * contiguous range for the rfft and spectral dispatches), chunks that fit one storage binding, and per chunk
 * the series table (start, length, window offset), percentile ranks, and the FFT-size groups.
 */
import { nextPow2 } from '../rfft/hann.js';
import { hannTables, scratchBytes } from '../rfft/gpu-rfft.js';
import { MIN_LENGTH } from './fast-layout.js';
import { percentilePlan, rankPairs } from './fast-percentiles.js';

/** Series indices ordered by FFT size (0 for series too short for any feature), and each index's size. */
export function orderBySize(lengths: Uint32Array): { order: Uint32Array; size: (i: number) => number } {
  const size = (i: number): number => (lengths[i] < MIN_LENGTH ? 0 : nextPow2(lengths[i]));
  const order = Uint32Array.from({ length: lengths.length }, (_, i) => i);
  order.sort((a, b) => size(a) - size(b) || a - b);
  return { order, size };
}

/** Bytes one series adds to any per-series buffer of the run (power rows, rfft scratch, records). */
export function perSeriesBytes(n: number, accFloats: number, specFloats: number): number {
  const N = n < MIN_LENGTH ? 0 : nextPow2(n);
  return Math.max(4 * (N / 2 + 1), scratchBytes(N, 1), 4 * accFloats, 4 * specFloats, 32);
}

export interface ChunkPlan {
  ids: Uint32Array;
  meta: Uint32Array;
  ranks: Uint32Array;
  win: Float32Array;
  /** Contiguous runs of one FFT size within the chunk: [first, count, n]; size 0 runs are left out. */
  groups: [number, number, number][];
  /** Threads per series for the moments pass. */
  tps: number;
}

/** starts are relative to `shift` (0 when the whole values array is uploaded; packed offsets otherwise). */
export function planChunk(ids: Uint32Array, starts: ArrayLike<number>, lengths: Uint32Array, size: (i: number) => number): ChunkPlan {
  const k = ids.length;
  const meta = new Uint32Array(4 * k);
  const ranks = new Uint32Array(6 * k);
  const lens = Array.from(ids, (id) => lengths[id]);
  const wins = hannTables(lens, Infinity);
  const groups: [number, number, number][] = [];
  let total = 0;
  for (let i = 0; i < k; i++) {
    const id = ids[i];
    const n = lengths[id];
    total += n;
    meta[4 * i] = starts[i];
    meta[4 * i + 1] = n;
    meta[4 * i + 2] = wins.offset.get(n) ?? 0;
    if (n >= MIN_LENGTH) rankPairs(percentilePlan(n), ranks, 6 * i);
    const N = size(id);
    const last = groups[groups.length - 1];
    if (N === 0) continue;
    if (last && last[2] === N) last[1]++;
    else groups.push([i, 1, N]);
  }
  const mean = k ? total / k : 0;
  const tps = Math.min(256, Math.max(32, nextPow2(Math.ceil(mean / 8))));
  return { ids, meta, ranks, win: wins.table, groups, tps };
}
