/**
 * Runs the sketch kernels' implementations directly on every backend this runtime has (JS, WASM, WebGPU),
 * with the repository's GPU skip policy (test/support/gpu.ts). A backend must accept the arguments itself:
 * supports() returning false fails the test rather than silently testing another backend.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KernelImpl, RunContext } from '../../engine/kernels/contract.js';
import { WasmRuntime } from '../../engine/backends/wasm/runtime.js';
import { GpuDeviceManager, type GpuDeviceOptions } from '../../engine/backends/webgpu/device.js';
import { TelemetryRecorder } from '../../engine/telemetry.js';
import type { BackendName } from '../../engine/types.js';
import { gpuAvailable, NO_ADAPTER } from '../support/gpu.js';

export const BACKENDS: readonly BackendName[] = ['js', 'wasm', 'webgpu'];

export type Impls<A, O> = Record<BackendName, KernelImpl<A, O>>;
export type RunOn = <A, O>(impls: Impls<A, O>, args: A) => Promise<O>;

export function describeBackends(title: string, body: (backend: BackendName, run: RunOn) => void, gpuOptions?: GpuDeviceOptions): void {
  for (const backend of BACKENDS) {
    describe(`${title} [${backend}]`, async () => {
      if (backend === 'webgpu' && !(await gpuAvailable())) {
        it.skip(NO_ADAPTER, () => {});
        return;
      }
      const base: Omit<RunContext, 'telemetry'> = {};
      let manager: GpuDeviceManager | undefined;
      beforeAll(async () => {
        if (backend === 'wasm') base.wasm = new WasmRuntime(true);
        if (backend === 'webgpu') {
          manager = new GpuDeviceManager(gpuOptions);
          base.gpu = (await manager.acquire()) ?? undefined;
        }
      });
      afterAll(() => manager?.dispose());
      const run: RunOn = async (impls, args) => {
        const impl = impls[backend];
        const ctx: RunContext = { ...base, telemetry: new TelemetryRecorder() };
        expect(impl.supports?.(args, ctx) ?? true, `${backend} supports these arguments`).toBe(true);
        return impl.run(args, ctx);
      };
      body(backend, run);
    });
  }
}
