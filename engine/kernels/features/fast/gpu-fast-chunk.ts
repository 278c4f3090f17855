/**
 * One chunk of the GPU fast-features run, as one command buffer: moments (fast-moments.wgsl, several
 * series per workgroup), percentile ranks by radix select (fast-select.wgsl), and per FFT size the windowed,
 * centred rfft to power rows plus spectral sums (fast-spectral.wgsl); then three readbacks. `record` turns
 * one series' f32 results into the f64 record finishRow reads.
 */
import { WGSL } from '../../../generated/shaders.js';
import type { GpuContext } from '../../../backends/webgpu/context.js';
import type { BufferLease } from '../../../backends/webgpu/buffer-lease.js';
import { dispatch2d } from '../../../backends/webgpu/dispatch.js';
import { withErrorScopes } from '../../../backends/webgpu/errors.js';
import { fromKeyF32 } from '../../percentile/order-keys.js';
import { OUT_KIND, encodeRfft } from '../rfft/gpu-rfft.js';
import { readF32, stageCopy, storageBuffer } from '../rfft/gpu-chunks.js';
import { A, accLag } from './fast-accumulators.js';
import { MIN_LENGTH, bandRanges, type FastConfig } from './fast-layout.js';
import { percentilePlan, percentilesFromPairs } from './fast-percentiles.js';
import type { ChunkPlan } from './gpu-fast-plan.js';

export const SPEC_FIXED = 8;

function pass(gpu: GpuContext, encoder: GPUCommandEncoder, p: GPUComputePipeline, buffers: GPUBuffer[], workgroups: number): void {
  const entries = buffers.map((buffer, binding) => ({ binding, resource: { buffer } }));
  const c = encoder.beginComputePass();
  c.setPipeline(p);
  c.setBindGroup(0, gpu.device.createBindGroup({ layout: p.getBindGroupLayout(0), entries }));
  dispatch2d(c, workgroups, gpu.caps.limits.maxComputeWorkgroupsPerDimension);
  c.end();
}

function uniform(gpu: GpuContext, lease: BufferLease, words: number[]): GPUBuffer {
  const b = lease.acquire(32, GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST, 'gpulse-fast-params');
  gpu.device.queue.writeBuffer(b, 0, Uint32Array.from([...words, 0, 0, 0, 0, 0, 0, 0, 0].slice(0, 8)));
  return b;
}

export interface ChunkResult {
  acc: Float32Array;
  keys: Uint32Array;
  spec: Float32Array;
}

export async function runChunk(gpu: GpuContext, lease: BufferLease, cfg: FastConfig, values: GPUBuffer, plan: ChunkPlan): Promise<ChunkResult> {
  const k = plan.ids.length;
  const nLags = cfg.lags.length;
  const nBands = cfg.bands.length - 1;
  const stride = 14 + 3 * nLags;
  const specStride = SPEC_FIXED + nBands;
  const { value, errors } = withErrorScopes(gpu.device, () => {
    const meta = storageBuffer(gpu, lease, plan.meta, 'gpulse-fast-meta');
    const acc = lease.acquire(4 * stride * k, GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC, 'gpulse-fast-acc');
    const prep = lease.acquire(16 * k, GPUBufferUsage.STORAGE, 'gpulse-fast-prep');
    const keys = lease.acquire(24 * k, GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC, 'gpulse-fast-keys');
    const spec = lease.acquire(4 * specStride * k, GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC, 'gpulse-fast-spec');
    const lags = storageBuffer(gpu, lease, nLags ? cfg.lags : new Uint32Array(4), 'gpulse-fast-lags');
    const win = storageBuffer(gpu, lease, plan.win, 'gpulse-fast-window');
    const encoder = gpu.device.createCommandEncoder({ label: 'fast features' });
    const moments = gpu.pipelines.get(`features/fast-moments:tps=${plan.tps}`, () => WGSL['features/fast-moments.wgsl'], 'main', { TPS: plan.tps });
    pass(gpu, encoder, moments, [values, meta, lags, acc, prep, uniform(gpu, lease, [k, nLags, stride])], Math.ceil(k / (256 / plan.tps)));
    const select = gpu.pipelines.get('features/fast-select', () => WGSL['features/fast-select.wgsl']);
    pass(gpu, encoder, select, [values, meta, storageBuffer(gpu, lease, plan.ranks, 'gpulse-fast-ranks'), keys, uniform(gpu, lease, [k])], k);
    const spectral = gpu.pipelines.get('features/fast-spectral', () => WGSL['features/fast-spectral.wgsl']);
    for (const [first, count, n] of plan.groups) {
      const K = n / 2;
      const power = lease.acquire(4 * (K + 1) * count, GPUBufferUsage.STORAGE, 'gpulse-fast-power');
      encodeRfft(gpu, lease, encoder, { n, count, hann: true, outKind: OUT_KIND.power, values, meta, win, prep, dst: power, base: first });
      const r = bandRanges(K, cfg.bands);
      const bands = new Uint32Array(2 * Math.max(1, nBands));
      for (let b = 0; b < nBands; b++) {
        bands[2 * b] = r.starts[b];
        bands[2 * b + 1] = r.ends[b];
      }
      const bandBuf = storageBuffer(gpu, lease, bands, 'gpulse-fast-bands');
      pass(gpu, encoder, spectral, [power, bandBuf, spec, uniform(gpu, lease, [count, K, nBands, K + 1, specStride, first])], count);
    }
    const sAcc = stageCopy(lease, encoder, acc, 4 * stride * k);
    const sKeys = stageCopy(lease, encoder, keys, 24 * k);
    const sSpec = stageCopy(lease, encoder, spec, 4 * specStride * k);
    gpu.device.queue.submit([encoder.finish()]);
    return { sAcc, sKeys, sSpec };
  });
  const [acc, keys, spec] = await Promise.all([
    readF32(value.sAcc, 4 * stride * k),
    readF32(value.sKeys, 24 * k),
    readF32(value.sSpec, 4 * specStride * k),
  ]);
  await errors;
  return { acc, keys: new Uint32Array(keys.buffer, keys.byteOffset, keys.length), spec };
}

/** One series' f64 record (fast-accumulators.ts A) from the chunk's f32 results. */
export function record(cfg: FastConfig, r: ChunkResult, i: number, n: number, rec: Float64Array): void {
  const nLags = cfg.lags.length;
  const nBands = cfg.bands.length - 1;
  const stride = 14 + 3 * nLags;
  rec.fill(0);
  for (let f = 0; f < 14; f++) rec[f] = r.acc[stride * i + f];
  for (let j = 0; j < nLags; j++) for (let f = 0; f < 3; f++) rec[accLag(cfg, j) + f] = r.acc[stride * i + 14 + 3 * j + f];
  if (n >= MIN_LENGTH) {
    const pairs = Array.from(r.keys.subarray(6 * i, 6 * i + 6), fromKeyF32);
    percentilesFromPairs(percentilePlan(n), pairs, 0, rec, A.pct);
  }
  const s = (SPEC_FIXED + nBands) * i;
  const spec = [A.S, A.SkP, A.SPlnP, A.Sln, A.Sfloor, A.argmax, A.rolloffK, A.K];
  spec.forEach((field, f) => (rec[field] = r.spec[s + f]));
  for (let b = 0; b < nBands; b++) rec[A.band + b] = r.spec[s + SPEC_FIXED + b];
}
