/**
 * What one histogram or compaction dispatch works on: per source buffer, the list of tiles.wgsl `Entry`s
 * (t0, tn, start, end, first tile), closed by a sentinel holding the tile count. All lists of a round share
 * one storage buffer; each list starts 256-byte aligned so it can be bound at its own offset.
 */
import type { GpuContext } from '../../backends/webgpu/context.js';
import { dispatch2d } from '../../backends/webgpu/dispatch.js';
import { selectPipeline, TILE, type SelectKernel } from './gpu-pipelines.js';
import type { Piece } from './gpu-targets.js';

/** A GPU buffer selection reads: the raw input (IEEE bits) or a compacted set of keys. */
export interface SelectSource {
  buffer: GPUBuffer;
  raw: boolean;
  /** Elements (not words). */
  length: number;
}

const ALIGN_WORDS = 64; // 256 bytes: minStorageBufferOffsetAlignment

/** The entries of one kernel's dispatches, grouped by source. */
export class WorkList {
  private readonly bySource = new Map<number, number[]>();

  /** Tiles over `pieces` for the span of targets at table rows [t0, t0 + tn). */
  add(t0: number, tn: number, pieces: readonly Piece[]): void {
    for (const p of pieces) {
      if (p.end <= p.start) continue;
      let list = this.bySource.get(p.source);
      if (!list) this.bySource.set(p.source, (list = [0]));
      const tiles = list[0];
      list.push(t0, tn, p.start, p.end, tiles);
      list[0] = tiles + Math.ceil((p.end - p.start) / TILE);
    }
  }

  /** Per source: entries with the sentinel appended, and the tile count. */
  lists(): { source: number; entries: number[]; tiles: number }[] {
    return [...this.bySource].map(([source, [tiles, ...entries]]) => ({ source, entries: [...entries, 0, 0, 0, 0, tiles], tiles }));
  }
}

export interface ListSlice {
  source: number;
  offset: number;
  bytes: number;
  tiles: number;
}

/** Packs several work lists into one array of u32; returns the slices to bind, one array per work list. */
export function packWorkLists(work: WorkList[]): { data: Uint32Array<ArrayBuffer>; slices: ListSlice[][] } {
  const all = work.map((w) => w.lists());
  let words = 0;
  for (const lists of all) for (const l of lists) words += Math.ceil(l.entries.length / ALIGN_WORDS) * ALIGN_WORDS;
  const data = new Uint32Array(Math.max(words, ALIGN_WORDS));
  let at = 0;
  const slices = all.map((lists) =>
    lists.map((l) => {
      data.set(l.entries, at);
      const slice = { source: l.source, offset: at * 4, bytes: l.entries.length * 4, tiles: l.tiles };
      at += Math.ceil(l.entries.length / ALIGN_WORDS) * ALIGN_WORDS;
      return slice;
    }),
  );
  return { data, slices };
}

/** Records one dispatch per slice; `outputs` are the kernel's bindings from 3 on (hist, or dst + cursors), bound at their used size. */
export function encodeSlices(
  gpu: GpuContext,
  pass: GPUComputePassEncoder,
  kernel: SelectKernel,
  wide: boolean,
  sources: readonly (SelectSource | null)[],
  lists: { buffer: GPUBuffer; slices: ListSlice[] },
  table: GPUBuffer,
  outputs: GPUBufferBinding[],
): void {
  for (const s of lists.slices) {
    const src = sources[s.source]!;
    const pipeline = selectPipeline(gpu, kernel, src.raw, wide);
    const bindGroup = gpu.device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [
        { binding: 0, resource: { buffer: lists.buffer, offset: s.offset, size: s.bytes } },
        { binding: 1, resource: { buffer: table } },
        { binding: 2, resource: { buffer: src.buffer, size: src.length * (wide ? 8 : 4) } },
        ...outputs.map((resource, i) => ({ binding: 3 + i, resource })),
      ],
    });
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    dispatch2d(pass, s.tiles, gpu.caps.limits.maxComputeWorkgroupsPerDimension);
  }
}
