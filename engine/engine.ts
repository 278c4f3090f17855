/**
 * The engine: validates arguments, asks the scheduler for a backend order, runs the kernel from the registry,
 * and falls back (device lost → WASM, same result) while recording telemetry. One per application; dispose()
 * releases the GPU device, the worker threads and the WASM instances.
 */
import { GpulseError, isDeviceLost, throwIfAborted } from './errors.js';
import { detectWasm, hardwareConcurrency, isNode, type Capabilities, type GpuCapabilities } from './capabilities.js';
import { backendOrder, GPU_CROSSOVER } from './scheduler.js';
import { KERNELS, implementedBackends, type ArgsOf, type KernelName, type OutOf } from './kernels/registry.js';
import type { KernelImpl, RunContext } from './kernels/contract.js';
import { TelemetryRecorder } from './telemetry.js';
import { WasmRuntime } from './backends/wasm/runtime.js';
import { GpuDeviceManager } from './backends/webgpu/device.js';
import { WorkerPool } from './workers/pool.js';
import type { BackendChoice, BackendName, CallOptions, EngineOptions, Telemetry } from './types.js';

const BACKENDS: readonly BackendChoice[] = ['auto', 'webgpu', 'wasm', 'js'];

export interface KernelRun<O> {
  out: O;
  backend: BackendName;
  telemetry: Telemetry;
}

export class EngineCore {
  readonly backend: BackendChoice;
  readonly caps: Capabilities;
  readonly wasm: WasmRuntime;
  readonly gpu: GpuDeviceManager;
  readonly workers: WorkerPool | null;
  private disposed = false;

  constructor(options: EngineOptions = {}) {
    const backend = options.backend ?? 'auto';
    if (!BACKENDS.includes(backend)) {
      throw new GpulseError('INVALID_ARGUMENT', `backend: "${backend}" is not one of ${BACKENDS.join(', ')}`);
    }
    this.backend = backend;
    this.caps = { ...detectWasm(), hardwareConcurrency: hardwareConcurrency(), isNode, webgpu: null };
    this.wasm = new WasmRuntime(true);
    this.gpu = new GpuDeviceManager({ poolBytes: options.gpuPoolBytes });
    const workers = options.workers ?? this.caps.hardwareConcurrency;
    this.workers = workers > 1 && this.caps.wasmSimd ? new WorkerPool(workers) : null;
  }

  /** Probes WebGPU (once; again after a device loss) and returns everything the runtime has. */
  async capabilities(): Promise<Capabilities> {
    this.caps.webgpu = await this.gpu.capabilities();
    return this.caps;
  }

  /** Throws BACKEND_UNAVAILABLE if an explicitly requested backend does not exist here. */
  async checkBackend(choice: BackendChoice): Promise<void> {
    if (choice === 'auto' || choice === 'js') return;
    if (choice === 'wasm' && !this.caps.wasmSimd) {
      throw new GpulseError('BACKEND_UNAVAILABLE', 'backend "wasm": this runtime does not validate WebAssembly SIMD');
    }
    if (choice === 'webgpu' && !(await this.gpu.capabilities())) {
      throw new GpulseError('BACKEND_UNAVAILABLE', 'backend "webgpu": no WebGPU adapter found');
    }
  }

  async run<K extends KernelName>(kernel: K, args: ArgsOf<K>, elements: number, opts: CallOptions = {}): Promise<KernelRun<OutOf<K>>> {
    if (this.disposed) throw new GpulseError('DISPOSED', 'engine was disposed');
    const requested = opts.backend ?? this.backend;
    if (!BACKENDS.includes(requested)) {
      throw new GpulseError('INVALID_ARGUMENT', `backend: "${requested}" is not one of ${BACKENDS.join(', ')}`);
    }
    await this.checkBackend(requested);
    throwIfAborted(opts.signal);
    const gpuCaps: GpuCapabilities | null =
      requested === 'webgpu' || (requested === 'auto' && elements >= (GPU_CROSSOVER[kernel] ?? Infinity)) ? await this.gpu.capabilities() : null;
    const order = backendOrder({
      kernel,
      elements,
      requested,
      caps: this.caps,
      gpu: gpuCaps,
      implemented: implementedBackends(kernel),
    });
    const impls = KERNELS[kernel].impls as Partial<Record<BackendName, KernelImpl<ArgsOf<K>, OutOf<K>>>>;
    const telemetry = new TelemetryRecorder();
    let fallback: { from: BackendName; reason: string } | undefined;
    for (const backend of order) {
      const impl = impls[backend];
      if (!impl) {
        fallback ??= { from: backend, reason: `${kernel} has no ${backend} implementation` };
        continue;
      }
      const ctx: RunContext = { telemetry, signal: opts.signal };
      if (backend === 'wasm') {
        ctx.wasm = this.wasm;
        if (this.workers) ctx.workers = this.workers;
      }
      if (backend === 'webgpu') {
        const gpu = await this.gpu.acquire();
        if (!gpu) {
          fallback ??= { from: 'webgpu', reason: 'no WebGPU device' };
          continue;
        }
        ctx.gpu = gpu;
      }
      if (impl.supports && !impl.supports(args, ctx)) {
        fallback ??= { from: backend, reason: `${backend} cannot take this input` };
        continue;
      }
      try {
        const out = await impl.run(args, ctx);
        return { out, backend, telemetry: telemetry.finish(backend, fallback) };
      } catch (error) {
        if (backend === 'webgpu' && isDeviceLost(error)) {
          // The work in flight is redone on the next backend (WASM); the manager reacquires a device later.
          this.gpu.markLost(ctx.gpu);
          fallback = { from: 'webgpu', reason: (error as Error).message };
          continue;
        }
        throw error;
      }
    }
    throw new GpulseError('BACKEND_UNAVAILABLE', `${kernel}: no backend could run this call`);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.gpu.dispose();
    this.workers?.terminate();
  }
}
