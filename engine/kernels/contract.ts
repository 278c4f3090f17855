/**
 * The kernel contract. A kernel is declared once (its arguments, outputs, JS reference and how each
 * backend's output is compared with the reference); each backend registers one implementation in
 * registry.ts. The shared test runner (test/kernels/run-kernel-cases.ts) runs every declared case on every
 * backend the runtime has and compares with the reference using the declared tolerance.
 */
import type { BackendName } from '../types.js';
import type { TelemetryRecorder } from '../telemetry.js';
import type { WasmRuntime } from '../backends/wasm/runtime.js';
import type { GpuContext } from '../backends/webgpu/context.js';
import type { WorkerPool } from '../workers/pool.js';

/** What a backend implementation may use while it runs; only the backend's own field is set. */
export interface RunContext {
  telemetry: TelemetryRecorder;
  signal?: AbortSignal;
  wasm?: WasmRuntime;
  gpu?: GpuContext;
  workers?: WorkerPool;
}

/** How a backend's output must agree with the JS reference. */
export type Tolerance =
  | { kind: 'exact' }
  | { kind: 'close'; abs: number; rel: number }
  /** Kernel-specific check (sketch error bounds, …); returns a description of the mismatch or null. */
  | { kind: 'custom'; why: string };

export interface KernelDef<Args, Out> {
  name: string;
  summary: string;
  /** Argument and output descriptions, for docs and error messages. */
  inputs: Record<string, string>;
  attributes: Record<string, string>;
  outputs: Record<string, string>;
  /** Plain, obviously-correct JS; the yardstick for every backend. */
  reference: (args: Args) => Out;
  tolerance: Record<BackendName, Tolerance>;
  /** Compares a backend's output with the reference's under the backend's tolerance: null when they agree. */
  compare: (actual: Out, expected: Out, args: Args, backend: BackendName) => string | null;
}

export interface KernelImpl<Args, Out> {
  backend: BackendName;
  /** False when this implementation cannot take these arguments (size limits, dtype); the scheduler then skips it. */
  supports?: (args: Args, ctx: RunContext) => boolean;
  run: (args: Args, ctx: RunContext) => Out | Promise<Out>;
}
