/**
 * WebGPU plumbing shared by the sketch kernels: the bin table resident per device (uploaded once per mapping,
 * dropped with the device), the three pipelines (shaders/sketch/slot.wgsl + range / hist / scatter), the
 * per-chunk parameter block and how many values one binding can hold.
 */
import { WGSL } from '../../generated/shaders.js';
import type { GpuContext } from '../../backends/webgpu/context.js';
import type { BufferLease } from '../../backends/webgpu/buffer-lease.js';
import type { TelemetryRecorder } from '../../telemetry.js';
import type { BinTable } from './bin-table.js';

/** Invocations per workgroup (every adapter allows 256) and values per invocation. */
export const WG = 256;
export const ITEMS = 32;
export const TILE = WG * ITEMS;

export type SketchPass = 'range' | 'hist' | 'scatter';

export function sketchPipeline(gpu: GpuContext, pass: SketchPass): GPUComputePipeline {
  // The hist pass keeps a window of bins in workgroup memory: as many u32 as the device gives (16 KiB minimum).
  const localBins = Math.min(8192, Math.floor(gpu.caps.limits.maxComputeWorkgroupStorageSize / 4));
  const constants: Record<string, number> = { WG, ITEMS };
  if (pass === 'hist') constants.LOCAL_BINS = localBins;
  return gpu.pipelines.get(
    `sketch/${pass}:local=${pass === 'hist' ? localBins : 0}`,
    () => `${WGSL['sketch/slot.wgsl']}\n${WGSL[`sketch/${pass}.wgsl`]}`,
    'main',
    constants,
  );
}

export interface GpuTable {
  packed: GPUBuffer;
  base: GPUBuffer;
  thr: GPUBuffer;
}

const tables = new WeakMap<GPUDevice, Map<BinTable, GpuTable>>();

/** Writes words [from, from + count) of a 32-bit array (any backing buffer) to the start of `buffer`. */
export function writeWords(q: GPUQueue, buffer: GPUBuffer, words: Uint32Array | Int32Array, from = 0, count = words.length - from): void {
  q.writeBuffer(buffer, 0, words.buffer, words.byteOffset + from * 4, count * 4);
}

function upload(device: GPUDevice, data: Uint32Array | Int32Array, label: string): GPUBuffer {
  const buffer = device.createBuffer({ size: data.byteLength, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST, label });
  writeWords(device.queue, buffer, data);
  return buffer;
}

/** The table's GPU buffers for this device (float32 packed entries; float64 bases and (hi, lo) thresholds). */
export function gpuTable(gpu: GpuContext, t: BinTable, telemetry: TelemetryRecorder): GpuTable {
  let perDevice = tables.get(gpu.device);
  if (!perDevice) tables.set(gpu.device, (perDevice = new Map()));
  let g = perDevice.get(t);
  if (!g) {
    const thr = new Uint32Array(2 * t.thr64.length);
    for (let i = 0; i < t.thr64.length; i++) {
      thr[2 * i] = Math.floor(t.thr64[i] / 2 ** 32);
      thr[2 * i + 1] = t.thr64[i] % 2 ** 32;
    }
    g = {
      packed: upload(gpu.device, t.packed!, 'sketch-table-packed'),
      base: upload(gpu.device, t.base, 'sketch-table-base'),
      thr: upload(gpu.device, thr, 'sketch-table-thr64'),
    };
    telemetry.bytesUploaded += t.packed!.byteLength + t.base.byteLength + thr.byteLength;
    perDevice.set(t, g);
  }
  return g;
}

/** The table must fit one binding (it does on every real adapter: ≤ 1 MiB at α = 0.01, 16 MiB at most). */
export function gpuTableFits(gpu: GpuContext | undefined, t: BinTable): boolean {
  if (!t.packed) return false;
  return !gpu || t.thr64.length * 8 <= gpu.caps.limits.maxStorageBufferBindingSize;
}

/** Values per chunk: what one storage binding holds, a whole number of tiles. */
export function chunkValues(gpu: GpuContext, wordsPerValue: number): number {
  const l = gpu.caps.limits;
  const words = Math.floor(Math.min(l.maxStorageBufferBindingSize, l.maxBufferSize) / 4);
  return Math.max(TILE, Math.floor(words / wordsPerValue / TILE) * TILE);
}

export interface ChunkParams {
  n: number;
  t: BinTable;
  f64: boolean;
  wgOffset?: number;
  width?: number;
}

/** A uniform buffer holding slot.wgsl's Params for one chunk. */
export function paramsBuffer(gpu: GpuContext, lease: BufferLease, p: ChunkParams): GPUBuffer {
  const data = new Uint32Array([p.n, 23 - p.t.k, p.t.k, p.t.posBase, p.f64 ? 1 : 0, p.wgOffset ?? 0, p.width ?? 0, 0]);
  const buffer = lease.acquire(data.byteLength, GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST, 'sketch-params');
  gpu.device.queue.writeBuffer(buffer, 0, data);
  return buffer;
}

/** Bindings 0.. in order; a pooled buffer may be larger than a binding may be, so storage sizes are capped. */
export function bindGroup(gpu: GpuContext, pipeline: GPUComputePipeline, buffers: GPUBuffer[]): GPUBindGroup {
  const cap = gpu.caps.limits.maxStorageBufferBindingSize;
  return gpu.device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: buffers.map((buffer, binding) => ({ binding, resource: { buffer, size: Math.min(buffer.size, cap) } })),
  });
}

/** Records a copy of `bytes` of `src` into a fresh MAP_READ buffer; read it with readBack() after submit. */
export function stage(lease: BufferLease, enc: GPUCommandEncoder, src: GPUBuffer, bytes: number): GPUBuffer {
  const staging = lease.acquire(bytes, GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST, 'sketch-staging');
  enc.copyBufferToBuffer(src, 0, staging, 0, bytes);
  return staging;
}

export async function readBack(lease: BufferLease, staging: GPUBuffer, bytes: number): Promise<Uint32Array> {
  await staging.mapAsync(GPUMapMode.READ, 0, bytes);
  const out = new Uint32Array(staging.getMappedRange(0, bytes).slice(0));
  staging.unmap();
  lease.release(staging);
  return out;
}
