/**
 * Test support: a RunContext per backend for the GEMM kernels (GEMM_KERNELS), with the GPU skip policy of
 * test/support/gpu.ts — no adapter → "skipped: no adapter", CI=true → fail.
 */
import { afterAll, describe, it } from 'vitest';
import { WasmRuntime } from '../../engine/backends/wasm/runtime.js';
import { GpuDeviceManager } from '../../engine/backends/webgpu/device.js';
import type { RunContext } from '../../engine/kernels/contract.js';
import { GEMM_KERNELS } from '../../engine/kernels/gemm/table.js';
import { TelemetryRecorder } from '../../engine/telemetry.js';
import type { BackendName } from '../../engine/types.js';
import { gpuAvailable, NO_ADAPTER } from '../support/gpu.js';

export const BACKENDS: readonly BackendName[] = ['js', 'wasm', 'webgpu'];
export type GemmKernel = keyof typeof GEMM_KERNELS;

let manager: GpuDeviceManager | undefined;
const wasm = new WasmRuntime(true);

export async function contextFor(backend: BackendName): Promise<RunContext> {
  const ctx: RunContext = { telemetry: new TelemetryRecorder() };
  if (backend === 'wasm') ctx.wasm = wasm;
  if (backend === 'webgpu') {
    manager ??= new GpuDeviceManager();
    const gpu = await manager.acquire();
    if (!gpu) throw new Error('no GPU device');
    ctx.gpu = gpu;
  }
  return ctx;
}

/** Runs `kernel` on `backend` and returns the contract's verdict against the reference (null = agrees). */
export async function checkKernel<K extends GemmKernel>(kernel: K, backend: BackendName, args: Parameters<(typeof GEMM_KERNELS)[K]['def']['reference']>[0]): Promise<string | null> {
  const entry = GEMM_KERNELS[kernel] as unknown as {
    def: { reference(a: unknown): unknown; compare(a: unknown, e: unknown, args: unknown, b: BackendName): string | null };
    impls: Partial<Record<BackendName, { supports?: (a: unknown, c: RunContext) => boolean; run(a: unknown, c: RunContext): unknown }>>;
  };
  const impl = entry.impls[backend]!;
  const ctx = await contextFor(backend);
  if (impl.supports && !impl.supports(args, ctx)) return null;
  const actual = await impl.run(args, ctx);
  return entry.def.compare(actual, entry.def.reference(args), args, backend);
}

/** A describe per backend that implements the kernel; WebGPU blocks follow the skip policy. */
export function describeBackends(title: string, kernel: GemmKernel, body: (backend: BackendName) => void): void {
  for (const backend of BACKENDS) {
    if (!GEMM_KERNELS[kernel].impls[backend]) continue;
    describe(`${title} [${backend}]`, async () => {
      if (backend === 'webgpu' && !(await gpuAvailable())) {
        it.skip(NO_ADAPTER, () => {});
        return;
      }
      body(backend);
    });
  }
}

afterAll(() => manager?.dispose());
