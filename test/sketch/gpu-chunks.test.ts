/** WebGPU with small bindings: inputs cut into chunks, and the workgroup window smaller than the data's bins. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GpuDeviceManager } from '../../engine/backends/webgpu/device.js';
import type { GpuContext } from '../../engine/backends/webgpu/context.js';
import { TelemetryRecorder } from '../../engine/telemetry.js';
import { sketchKernel } from '../../engine/kernels/sketch/sketch.contract.js';
import { sketchWebgpu } from '../../engine/kernels/sketch/sketch.webgpu.js';
import { groupedSketchKernel } from '../../engine/kernels/sketch/grouped-sketch.contract.js';
import { groupedSketchWebgpu } from '../../engine/kernels/sketch/grouped-sketch.webgpu.js';
import { lognormal } from '../support/seeded.js';
import { describeGpu } from '../support/gpu.js';

describeGpu('sketch on WebGPU with 1 MiB bindings', () => {
  let manager: GpuDeviceManager;
  let gpu: GpuContext;
  beforeAll(async () => {
    manager = new GpuDeviceManager({ limits: { maxStorageBufferBindingSize: 2 ** 20 } });
    gpu = (await manager.acquire())!;
  });
  afterAll(() => manager.dispose());
  // σ = 20: ~8000 bins per sign, more than a workgroup's window, so some counts go straight to global memory.
  const wide = lognormal(700_001, 1, 0, 20).map((v, i) => (i % 2 ? v : -v));

  for (const f32 of [true, false]) {
    it(`${f32 ? 'f32' : 'f64'}: several chunks, bins beyond the workgroup window`, async () => {
      const args = { values: f32 ? Float32Array.from(wide) : wide, relativeAccuracy: 0.01, maxBins: 20_000 };
      const telemetry = new TelemetryRecorder();
      const out = await sketchWebgpu.run(args, { telemetry, gpu });
      expect(sketchKernel.compare(out, sketchKernel.reference(args), args, 'webgpu')).toBeNull();
      expect(telemetry.bytesUploaded).toBeGreaterThanOrEqual(args.values.byteLength);
    });

    it(`${f32 ? 'f32' : 'f64'}: grouped, several chunks (values re-uploaded for the second pass)`, async () => {
      const values = f32 ? Float32Array.from(wide.subarray(0, 400_000)) : wide.subarray(0, 400_000);
      const args = { values, groups: Uint32Array.from(values, (_, i) => i % 11), relativeAccuracy: 0.01, maxBins: 1000 };
      const out = await groupedSketchWebgpu.run(args, { telemetry: new TelemetryRecorder(), gpu });
      expect(groupedSketchKernel.compare(out, groupedSketchKernel.reference(args), args, 'webgpu')).toBeNull();
    });
  }
});
