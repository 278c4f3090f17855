/**
 * Encoding the WGSL rfft (shaders/features/rfft-*.wgsl) into a command encoder: used by the `rfft` kernel
 * and by the fast features' spectral part. n ≤ 4096 runs in one dispatch (workgroup memory); larger n runs
 * the first 11 stages per 2048-point block, one dispatch per later stage, and the real split.
 * Twiddles (f64 on the host, stored f32) are cached per device and n.
 */
import { WGSL } from '../../../generated/shaders.js';
import type { GpuContext } from '../../../backends/webgpu/context.js';
import type { BufferLease } from '../../../backends/webgpu/buffer-lease.js';
import { dispatch2d } from '../../../backends/webgpu/dispatch.js';
import { hannWindow } from './hann.js';

export const LOCAL_MAX_N = 4096;
export const OUT_KIND = { magnitude: 0, complex: 1, power: 2 } as const;
const FLAG_HANN = 1;
const FLAG_PREP = 2;

type Entry = 'main_local' | 'main_tiny' | 'main_block' | 'main_stage' | 'main_post';

function pipeline(gpu: GpuContext, entry: Entry): GPUComputePipeline {
  const local = entry === 'main_local' || entry === 'main_tiny';
  const file = local ? 'features/rfft-local.wgsl' : 'features/rfft-multipass.wgsl';
  return gpu.pipelines.get(`features/rfft-${local ? 'local' : 'multipass'}`, () => WGSL['features/rfft-common.wgsl'] + WGSL[file], entry);
}

const twiddleCache = new WeakMap<GPUDevice, Map<number, GPUBuffer>>();

/** tw[k] = e^{−2πik/n}, k = 0 … n/2, as f32 pairs; one buffer per device and n. */
function twiddles(gpu: GpuContext, n: number): GPUBuffer {
  let m = twiddleCache.get(gpu.device);
  if (!m) twiddleCache.set(gpu.device, (m = new Map()));
  let b = m.get(n);
  if (!b) {
    const h = Math.floor(n / 2);
    const data = new Float32Array(2 * (h + 1));
    for (let k = 0; k <= h; k++) {
      data[2 * k] = Math.cos((-2 * Math.PI * k) / n);
      data[2 * k + 1] = Math.sin((-2 * Math.PI * k) / n);
    }
    b = gpu.device.createBuffer({ size: Math.max(16, data.byteLength), usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST, label: `gpulse-rfft-tw-${n}` });
    gpu.device.queue.writeBuffer(b, 0, data);
    m.set(n, b);
  }
  return b;
}

/** Hann tables for each distinct length used (min(length, n)), concatenated; offsets per length. */
export function hannTables(lengths: Iterable<number>, n: number): { table: Float32Array; offset: Map<number, number> } {
  const offset = new Map<number, number>();
  let size = 0;
  for (const len of lengths) {
    const use = Math.min(len, n);
    if (use > 0 && !offset.has(use)) {
      offset.set(use, size);
      size += use;
    }
  }
  const table = new Float32Array(Math.max(4, size));
  for (const [use, at] of offset) table.set(hannWindow(use), at);
  return { table, offset };
}

export interface RfftJob {
  n: number;
  count: number;
  hann: boolean;
  outKind: number;
  values: GPUBuffer;
  /** vec4<u32> per series: start, length, window offset, 0. */
  meta: GPUBuffer;
  win: GPUBuffer;
  /** vec4<f32> per series (μ, r, δ, −): samples become (x − μ)·r − δ; or null. */
  prep: GPUBuffer | null;
  dst: GPUBuffer;
  /** First series of this job in meta and prep (default 0); output rows start at 0. */
  base?: number;
}

/** Bytes of complex scratch a multi-pass job needs (0 for n ≤ 4096). */
export function scratchBytes(n: number, count: number): number {
  return n > LOCAL_MAX_N ? count * (n / 2) * 8 : 0;
}

export function encodeRfft(gpu: GpuContext, lease: BufferLease, encoder: GPUCommandEncoder, job: RfftJob): void {
  const { device } = gpu;
  const { n, count } = job;
  if (count === 0) return;
  const maxDim = gpu.caps.limits.maxComputeWorkgroupsPerDimension;
  const m = n >> 1;
  const tw = twiddles(gpu, n);
  const prep = job.prep ?? lease.acquire(16, GPUBufferUsage.STORAGE, 'gpulse-rfft-noprep');
  const flags = (job.hann ? FLAG_HANN : 0) | (job.prep ? FLAG_PREP : 0);
  const params = (stageL: number): GPUBuffer => {
    const b = lease.acquire(32, GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST, 'gpulse-rfft-params');
    device.queue.writeBuffer(b, 0, Uint32Array.of(n, m > 0 ? Math.log2(m) : 0, count, flags, job.outKind, stageL, job.base ?? 0, 0));
    return b;
  };
  const run = (entry: Entry, bindings: Record<number, GPUBuffer>, workgroups: number): void => {
    const p = pipeline(gpu, entry);
    const entries = Object.entries(bindings).map(([binding, buffer]) => ({ binding: Number(binding), resource: { buffer } }));
    const group = device.createBindGroup({ layout: p.getBindGroupLayout(0), entries });
    const pass = encoder.beginComputePass({ label: `rfft ${entry}` });
    pass.setPipeline(p);
    pass.setBindGroup(0, group);
    dispatch2d(pass, workgroups, maxDim);
    pass.end();
  };
  const input = { 0: job.values, 1: job.meta, 3: prep, 4: job.win };
  if (n <= 2) {
    run('main_tiny', { ...input, 5: job.dst, 7: params(0) }, Math.ceil(count / 256));
  } else if (n <= LOCAL_MAX_N) {
    run('main_local', { ...input, 2: tw, 5: job.dst, 7: params(0) }, Math.ceil(count / (2048 / m)));
  } else {
    const scratch = lease.acquire(scratchBytes(n, count), GPUBufferUsage.STORAGE, 'gpulse-rfft-scratch');
    run('main_block', { ...input, 2: tw, 6: scratch, 7: params(0) }, count * (m / 2048));
    for (let L = 2048; L < m; L *= 2) run('main_stage', { 2: tw, 6: scratch, 7: params(L) }, Math.ceil((count * (m / 2)) / 256));
    run('main_post', { 2: tw, 5: job.dst, 6: scratch, 7: params(0) }, Math.ceil((count * (m + 1)) / 256));
  }
}
