/**
 * Which backend runs a call. An explicit choice is honoured (or fails with BACKEND_UNAVAILABLE); 'auto' picks
 * from what the runtime has and the input size:
 *  - WebGPU only on a hardware adapter and only past the kernel's crossover size: below it, upload +
 *    dispatch + map-readback latency (≈ 0.3–1 ms per round trip on discrete GPUs) costs more than the WASM
 *    kernel's whole run. Software adapters (lavapipe, SwiftShader) are never picked by 'auto': on this
 *    project's 2-core machine they ran 10–40× slower than WASM at every size we measured.
 *  - WASM whenever the runtime validates the SIMD build, else plain JS.
 * A backend listed later is the fallback if an earlier one cannot take the input or loses its device.
 */
import type { BackendChoice, BackendName } from './types.js';
import type { Capabilities, GpuCapabilities } from './capabilities.js';

/**
 * Elements at which a hardware GPU starts to beat one WASM thread, per kernel. Estimated from the WASM
 * throughput measured here (percentile ≈ 1 ns/element) and the fixed round trips each kernel needs
 * (percentile: 3 readbacks). No hardware adapter was available to measure it; see README "Scheduling".
 */
export const GPU_CROSSOVER: Record<string, number> = {
  percentile: 1 << 22,
  groupedPercentile: 1 << 22,
  sketch: 1 << 22,
};

export interface ScheduleRequest {
  kernel: string;
  elements: number;
  requested: BackendChoice;
  caps: Capabilities;
  /** Adapter capabilities when a WebGPU adapter was found (null: none). */
  gpu: GpuCapabilities | null;
  /** Backends that registered an implementation of this kernel. */
  implemented: readonly BackendName[];
}

export function backendOrder(req: ScheduleRequest): BackendName[] {
  const has = (b: BackendName): boolean => req.implemented.includes(b) && available(b, req);
  if (req.requested !== 'auto') {
    // The explicit backend first; others only as fallbacks (device loss mid-run, an input it cannot take).
    return [req.requested, ...(['wasm', 'js'] as const).filter((b) => b !== req.requested && has(b))];
  }
  const order: BackendName[] = [];
  const gpu = req.gpu;
  if (gpu && !gpu.software && has('webgpu') && req.elements >= (GPU_CROSSOVER[req.kernel] ?? Infinity)) order.push('webgpu');
  if (has('wasm')) order.push('wasm');
  order.push('js');
  return order;
}

export function available(b: BackendName, req: Pick<ScheduleRequest, 'caps' | 'gpu'>): boolean {
  if (b === 'js') return true;
  if (b === 'wasm') return req.caps.wasmSimd;
  return req.gpu !== null;
}
