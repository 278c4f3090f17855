/**
 * One round of GPU radix select, submitted as one command buffer and read back with one wait:
 *   1. gather the keys of the targets finished on the host this round (compaction, or a plain copy when a
 *      target already is a range of a key buffer) into one read-back buffer,
 *   2. optionally compact the continuing targets into a fresh working buffer (when that at least halves
 *      what the next passes read),
 *   3. histogram every continuing target on its next digit.
 * Targets are described to the shaders by one table row each (tiles.wgsl `Target`).
 */
import type { RunContext } from '../contract.js';
import type { GpuContext } from '../../backends/webgpu/context.js';
import type { BufferLease } from '../../backends/webgpu/buffer-lease.js';
import { withErrorScopes } from '../../backends/webgpu/errors.js';
import { readU32, stagingBuffer } from '../../backends/webgpu/readback.js';
import { encodeSlices, packWorkLists, WorkList, type SelectSource } from './gpu-work-lists.js';
import { prefixMask, type Target } from './gpu-targets.js';
import { finishLayout, offsets, spans } from './gpu-round-layout.js';
import { MAX_SPAN } from './gpu-pipelines.js';

export interface RoundInput {
  finish: Target[];
  active: Target[];
  /** Histogram digit width (narrower for targets with fewer key bits left). */
  passBits: number;
  keyBits: number;
  /** Compact the active targets first (their pieces are replaced by the new buffer). */
  compact: boolean;
}

export interface RoundOutput {
  /** The round's targets in the order used. */
  finish: Target[];
  active: Target[];
  /** Keys of finish[i] at words [keyAt[i], keyAt[i] + count·words). */
  keys: Uint32Array;
  keyAt: number[];
  /** Histogram of active[i]: hist[rowAt[i]] = NaN keys, then 2^bits[i] bins. */
  hist: Uint32Array;
  rowAt: number[];
  bits: number[];
}

/** Adds one compaction span per MAX_SPAN targets of each group, table rows from `first`. */
function addSpans(list: WorkList, groups: Target[][], first: number): void {
  for (const g of groups) {
    for (let s = 0; s < g.length; s += MAX_SPAN) list.add(first + s, Math.min(MAX_SPAN, g.length - s), g[0].pieces);
    first += g.length;
  }
}

export async function runRound(
  gpu: GpuContext,
  lease: BufferLease,
  run: RunContext,
  wide: boolean,
  sources: (SelectSource | null)[],
  round: RoundInput,
): Promise<RoundOutput> {
  const bytesPerKey = wide ? 8 : 4;
  const fin = finishLayout(round.finish, sources);
  const f = fin.groups.reduce((s, g) => s + g.length, 0); // compacted finish targets: table rows [0, f)
  const activeGroups = spans(round.active);
  const active = activeGroups.flat();
  const bits = active.map((t) => Math.min(round.passBits, round.keyBits - t.depth));
  const [activeAt, activeKeys] = offsets(active.map((t) => t.count));
  const [rowAt, rows] = offsets(bits.map((b) => 1 + (1 << b)));

  const table = new Uint32Array(8 * (f + active.length));
  const row = (i: number, t: Target, shift: number, b: number, histRow: number, dst: number) => {
    const [mh, ml] = prefixMask(t.depth);
    table.set([t.hi, t.lo, mh, ml, shift, b, histRow, dst], 8 * i);
  };
  for (let i = 0; i < f; i++) row(i, fin.ordered[i], 0, 0, 0, fin.at[i]);
  active.forEach((t, i) => row(f + i, t, 64 - t.depth - bits[i], bits[i], rowAt[i], activeAt[i]));

  const device = gpu.device;
  const lists = [new WorkList(), new WorkList(), new WorkList()]; // finish compaction, work compaction, histogram
  addSpans(lists[0], fin.groups, 0);
  // Everything below is synchronous: encoded and submitted inside one pair of error scopes.
  const { value: staging, errors } = withErrorScopes(device, () => {
    const { STORAGE, COPY_DST, COPY_SRC } = GPUBufferUsage;
    const upload = (data: Uint32Array<ArrayBuffer>, label: string) => {
      const b = lease.acquire(data.byteLength, STORAGE | COPY_DST, label);
      device.queue.writeBuffer(b, 0, data);
      run.telemetry.bytesUploaded += data.byteLength;
      return b;
    };
    let work: GPUBuffer | null = null;
    if (round.compact) {
      addSpans(lists[1], activeGroups, f);
      work = lease.acquire(activeKeys * bytesPerKey, STORAGE | COPY_SRC, 'gpulse-select-work');
      const source = sources.push({ buffer: work, raw: false, length: activeKeys }) - 1;
      active.forEach((t, i) => (t.pieces = [{ source, start: activeAt[i], end: activeAt[i] + t.count }]));
    }
    active.forEach((t, i) => lists[2].add(f + i, 1, t.pieces));
    const packed = packWorkLists(lists);
    const tableBuf = upload(table, 'gpulse-select-targets');
    const listBuf = upload(packed.data, 'gpulse-select-tiles');
    const slices = (i: number) => ({ buffer: listBuf, slices: packed.slices[i] });
    const cursorBytes = 4 * Math.max(1, f + active.length);
    const cursors = lease.acquire(cursorBytes, STORAGE | COPY_DST, 'gpulse-select-cursors');
    const cursorBinding = { buffer: cursors, size: cursorBytes };
    const compactedBytes = fin.compactedKeys * bytesPerKey;
    const finishBuf = compactedBytes ? lease.acquire(compactedBytes, STORAGE | COPY_SRC, 'gpulse-select-finish') : null;
    const hist = active.length ? lease.acquire(rows * 4, STORAGE | COPY_SRC | COPY_DST, 'gpulse-select-hist') : null;

    const encoder = device.createCommandEncoder({ label: 'gpulse-select-round' });
    encoder.clearBuffer(cursors, 0, cursorBytes);
    if (hist) encoder.clearBuffer(hist, 0, rows * 4);
    const pass = encoder.beginComputePass();
    run.telemetry.stage('compact', () => {
      if (finishBuf) encodeSlices(gpu, pass, 'compact', wide, sources, slices(0), tableBuf, [{ buffer: finishBuf, size: compactedBytes }, cursorBinding]);
      if (work) encodeSlices(gpu, pass, 'compact', wide, sources, slices(1), tableBuf, [{ buffer: work, size: activeKeys * bytesPerKey }, cursorBinding]);
    });
    run.telemetry.stage('histogram', () => {
      if (hist) encodeSlices(gpu, pass, 'histogram', wide, sources, slices(2), tableBuf, [{ buffer: hist, size: rows * 4 }]);
    });
    pass.end();
    // Read-back buffers: the finish region (compacted keys, then the copied ranges), and the histogram.
    const keys = fin.keys ? stagingBuffer(lease, fin.keys * bytesPerKey) : null;
    if (finishBuf) encoder.copyBufferToBuffer(finishBuf, 0, keys!, 0, compactedBytes);
    for (const c of fin.copies) encoder.copyBufferToBuffer(sources[c.source]!.buffer, c.start * bytesPerKey, keys!, c.at * bytesPerKey, c.length * bytesPerKey);
    const histStaging = hist ? stagingBuffer(lease, rows * 4) : null;
    if (hist) encoder.copyBufferToBuffer(hist, 0, histStaging!, 0, rows * 4);
    device.queue.submit([encoder.finish()]);
    // Submitted work keeps using these; the queue orders any later reuse after it.
    for (const b of [tableBuf, listBuf, cursors, finishBuf, hist]) if (b) lease.release(b);
    return { keys, hist: histStaging };
  });

  const read = (b: GPUBuffer | null, bytes: number) => {
    if (!b) return Promise.resolve(new Uint32Array(0));
    run.telemetry.bytesReadBack += bytes;
    return readU32(lease, b, bytes);
  };
  const [keys, hist] = await run.telemetry.stageAsync('readback', async () => {
    const out = await Promise.all([read(staging.keys, fin.keys * bytesPerKey), read(staging.hist, rows * 4)]);
    await errors;
    return out;
  });
  const words = bytesPerKey / 4;
  return { finish: fin.ordered, active, keys, keyAt: fin.at.map((k) => k * words), hist, rowAt, bits };
}
