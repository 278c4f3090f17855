/**
 * Inputs larger than one storage binding, and dispatches larger than one grid dimension. The planning
 * limits are lowered (GpuDeviceManager `limits`), so small inputs take the same paths a 2 GiB input would.
 */
import { expect, it, vi } from 'vitest';
import { percentileKernel, type PercentileArgs } from '../../engine/kernels/percentile/percentile.contract.js';
import { groupedPercentileWebgpu } from '../../engine/kernels/percentile/grouped-percentile.webgpu.js';
import { dispatch2d, dispatchDims } from '../../engine/backends/webgpu/dispatch.js';
import { TelemetryRecorder } from '../../engine/telemetry.js';
import { lognormal } from '../support/seeded.js';
import { describeGpu } from '../support/gpu.js';
import { gpuPercentile, useGpu } from './gpu-kernel-harness.js';

const BINDING = 256 * 1024; // 64 Ki f32 or 32 Ki f64 per chunk

function check(out: unknown, args: PercentileArgs): void {
  expect(percentileKernel.compare(out as never, percentileKernel.reference(args), args, 'webgpu')).toBeNull();
}

describeGpu('inputs bigger than one binding, grids bigger than one dimension', () => {
  const gpu = useGpu({ limits: { maxStorageBufferBindingSize: BINDING, maxComputeWorkgroupsPerDimension: 16 } });

  it('splits the input into binding-sized chunks and still equals the reference', async () => {
    const data = lognormal(300_001, 8, 0, 4);
    for (let i = 0; i < data.length; i += 4999) data[i] = NaN;
    const dispatch = vi.spyOn(GPUComputePassEncoder.prototype, 'dispatchWorkgroups');
    try {
      for (const values of [Float32Array.from(data), Float64Array.from(data)]) {
        const args = { values, q: Float64Array.of(0, 0.2, 0.5, 0.97, 1), method: 'midpoint' as const };
        const { out, telemetry } = await gpuPercentile(gpu(), args);
        check(out, args);
        expect(telemetry.bytesUploaded).toBeGreaterThan(values.byteLength);
        expect(values.byteLength / BINDING).toBeGreaterThan(4);
      }
      // 32 tiles per full f32 chunk over a 16-per-dimension limit: those dispatches went 2-D, none over 16.
      const grids = dispatch.mock.calls.map(([x, y = 1]) => [x, y]);
      expect(grids.some(([, y]) => y > 1)).toBe(true);
      expect(grids.every(([x, y]) => x <= 16 && y <= 16)).toBe(true);
    } finally {
      dispatch.mockRestore();
    }
  });

  it('keeps histogramming the raw chunks when the wanted keys do not fit one working buffer', async () => {
    // 200k copies of one value: every round's target holds 200k keys > one binding, so nothing is compacted.
    const values = new Float32Array(200_000).fill(0.1);
    values[7] = -0;
    const args = { values, q: Float64Array.of(0, 0.5, 1), method: 'linear' as const };
    check((await gpuPercentile(gpu(), args)).out, args);
  });

  it('grouped: declines inputs whose sorted keys would not fit one binding', () => {
    const telemetry = new TelemetryRecorder();
    const small = { values: new Float32Array(1000), groups: new Uint32Array(1000), q: Float64Array.of(0.5), method: 'linear' as const };
    const big = { ...small, values: new Float32Array(BINDING), groups: new Uint32Array(BINDING) };
    expect(groupedPercentileWebgpu.supports!(small, { telemetry, gpu: gpu() })).toBe(true);
    expect(groupedPercentileWebgpu.supports!(big, { telemetry, gpu: gpu() })).toBe(false);
  });
});

describeGpu('2-D dispatch', () => {
  const gpu = useGpu();

  it('splits a grid over the per-dimension limit into rows', () => {
    expect(dispatchDims(65535, 65535)).toEqual([65535, 1]);
    expect(dispatchDims(70000, 65535)).toEqual([35000, 2]);
    expect(dispatchDims(10, 4)).toEqual([4, 3]);
    expect(() => dispatchDims(17, 4)).toThrow(/exceed/);
  });

  it('runs every one of 100 000 workgroups exactly once (a 1-D dispatch of that size is rejected)', async () => {
    const N = 100_000;
    const device = gpu().device;
    const module = device.createShaderModule({
      code: `
        @group(0) @binding(0) var<storage, read_write> seen: array<atomic<u32>>;
        @compute @workgroup_size(1)
        fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
          let w = wid.x + wid.y * nwg.x;
          if (w < ${N}u) { atomicAdd(&seen[w], 1u); }
        }`,
    });
    const pipeline = device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' } });
    const seen = device.createBuffer({ size: N * 4, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
    const read = device.createBuffer({ size: N * 4, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    const bindGroup = device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries: [{ binding: 0, resource: { buffer: seen } }] });

    device.pushErrorScope('validation');
    const naive = device.createCommandEncoder();
    const p0 = naive.beginComputePass();
    p0.setPipeline(pipeline);
    p0.setBindGroup(0, bindGroup);
    p0.dispatchWorkgroups(N);
    p0.end();
    naive.finish();
    expect(await device.popErrorScope()).not.toBeNull();

    const encoder = device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    dispatch2d(pass, N, device.limits.maxComputeWorkgroupsPerDimension);
    pass.end();
    encoder.copyBufferToBuffer(seen, 0, read, 0, N * 4);
    device.queue.submit([encoder.finish()]);
    await read.mapAsync(GPUMapMode.READ);
    const counts = new Uint32Array(read.getMappedRange());
    expect(counts.every((c) => c === 1)).toBe(true);
    read.unmap();
    seen.destroy();
    read.destroy();
  });
});
