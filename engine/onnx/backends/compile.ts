/**
 * Backend choice for a model, made once at load. 'auto' takes WebGPU only on a hardware adapter (a
 * software one — lavapipe, SwiftShader — is correct but slower than WASM), else WASM where the runtime
 * validates SIMD, else the JS reference. In Node, 'auto' does not load Dawn at all: its adapters are the
 * software ones on the machines this runs on, and loading it costs time and prints driver warnings on
 * stderr; backend 'webgpu' uses it explicitly. An explicit backend that is not there is an error.
 */
import { GpulseError } from '../../errors.js';
import { detectWasm } from '../../capabilities.js';
import type { GpuContext } from '../../backends/webgpu/context.js';
import { GpuDeviceManager } from '../../backends/webgpu/device.js';
import type { Plan } from '../plan.js';
import type { Tensor } from '../tensor.js';
import type { BackendReport, ModelBackend, ModelBackendChoice } from './types.js';
import { compileWasm } from './wasm/compile-wasm.js';
import { compileWebgpu } from './webgpu/compile-webgpu.js';

const CHOICES: readonly ModelBackendChoice[] = ['auto', 'webgpu', 'wasm', 'js'];

/** What the engine lends a model: its WASM preference and its GPU device manager. */
export interface ModelRuntime {
  preferRelaxed?: boolean;
  gpu?: GpuDeviceManager;
}

export interface CompiledModel {
  backend: ModelBackend;
  run?: (inputs: readonly Tensor[]) => Promise<Tensor[]>;
  dispose(): void;
  report: BackendReport;
}

export function checkBackendChoice(choice: unknown): asserts choice is ModelBackendChoice {
  if (!CHOICES.includes(choice as ModelBackendChoice)) {
    throw new GpulseError('INVALID_ARGUMENT', `backend must be one of ${CHOICES.join(', ')}, got ${JSON.stringify(choice)}`);
  }
}

function jsReport(plan: Plan, why?: string): BackendReport {
  return { backend: 'js', nodes: plan.steps.map((s) => ({ label: s.node.label, backend: 'js' })), notes: why ? [why] : [] };
}

export async function compileBackend(plan: Plan, choice: ModelBackendChoice, runtime: ModelRuntime = {}): Promise<CompiledModel> {
  checkBackendChoice(choice);
  const wasmOk = detectWasm().wasmSimd;
  const own: { manager?: GpuDeviceManager } = {};
  let target: ModelBackend = choice === 'auto' ? 'js' : choice;
  let gpu: GpuContext | null = null;
  const browserGpu = !!(globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu;
  if (choice === 'webgpu' || (choice === 'auto' && browserGpu)) {
    // auto probes the adapter but only a hardware one wins; software adapters are for correctness runs.
    const manager = runtime.gpu ?? (own.manager = new GpuDeviceManager());
    const caps = await manager.capabilities();
    if (caps && (choice === 'webgpu' || !caps.software)) gpu = await manager.acquire();
    if (gpu) target = 'webgpu';
    else if (choice === 'webgpu') {
      own.manager?.dispose();
      throw new GpulseError('BACKEND_UNAVAILABLE', 'backend "webgpu": no WebGPU adapter found');
    }
  }
  if (choice === 'auto' && target === 'js' && wasmOk) target = 'wasm';
  if (target === 'wasm' && !wasmOk) throw new GpulseError('BACKEND_UNAVAILABLE', 'backend "wasm": this runtime does not validate WebAssembly SIMD');
  if (target === 'js') {
    own.manager?.dispose();
    return { backend: 'js', dispose() {}, report: jsReport(plan, choice === 'auto' ? 'auto: no WASM SIMD and no hardware WebGPU adapter' : undefined) };
  }
  if (target === 'wasm') {
    own.manager?.dispose();
    const { executor, report } = await compileWasm(plan, runtime.preferRelaxed ?? true);
    return { backend: 'wasm', run: (x) => executor.run(x), dispose: () => executor.dispose(), report };
  }
  const { executor, report } = await compileWebgpu(plan, gpu!);
  return {
    backend: 'webgpu',
    run: (x) => executor.run(x),
    dispose: () => {
      executor.dispose();
      own.manager?.dispose();
    },
    report,
  };
}
