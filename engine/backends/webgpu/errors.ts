/**
 * How GPU failures reach the engine. A lost device becomes GpulseError('DEVICE_LOST') so the engine redoes
 * the call on WASM; out-of-memory does too (the call can still succeed elsewhere); a validation error is a
 * bug in a kernel and is thrown as is, never papered over by a fallback.
 */
import { GpulseError } from '../../errors.js';
import type { GpuContext } from './context.js';

export function deviceLost(message: string, cause?: unknown): GpulseError {
  return new GpulseError('DEVICE_LOST', message, { cause });
}

/** Throws DEVICE_LOST when the context's device is gone; kernels call it before each round of GPU work. */
export function checkLive(gpu: GpuContext): void {
  if (gpu.isLost) throw deviceLost('WebGPU device was lost');
}

const LOSS_GRACE_MS = 100;

/**
 * Maps a failed GPU operation (a rejected mapAsync, a throwing call) to DEVICE_LOST when the device is, or
 * within a moment becomes, lost: device.lost may settle a little after the operation that noticed it.
 */
export async function asGpuError(gpu: GpuContext, error: unknown): Promise<unknown> {
  if (error instanceof GpulseError) return error;
  if (!gpu.isLost) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([gpu.lost, new Promise<void>((r) => (timer = setTimeout(r, LOSS_GRACE_MS)))]);
    clearTimeout(timer);
  }
  if (gpu.isLost) {
    const e = error as Error | undefined;
    return deviceLost(`WebGPU device lost (${[e?.name, e?.message].filter(Boolean).join(': ') || String(error)})`, error);
  }
  return error;
}

/**
 * Runs synchronous encoding/submission inside validation and out-of-memory error scopes. No await happens
 * between push and pop, so concurrent calls on one device never see each other's errors.
 */
export function withErrorScopes<T>(device: GPUDevice, fn: () => T): { value: T; errors: Promise<void> } {
  device.pushErrorScope('out-of-memory');
  device.pushErrorScope('validation');
  let value: T | undefined;
  let failure: { error: unknown } | undefined;
  try {
    value = fn();
  } catch (error) {
    failure = { error };
  }
  const validation = device.popErrorScope();
  const oom = device.popErrorScope();
  if (failure) throw failure.error;
  const errors = Promise.all([validation, oom]).then(([v, o]) => {
    if (o) throw deviceLost(`WebGPU out of memory: ${o.message}`);
    if (v) throw new Error(`WebGPU validation error: ${v.message}`);
  });
  // Callers await `errors` after their readback; keep an early rejection from being reported as unhandled.
  errors.catch(() => {});
  return { value: value as T, errors };
}

/** The run's GPU context, live; kernels call it first. */
export function liveContext(gpu: GpuContext | undefined): GpuContext {
  if (!gpu) throw new GpulseError('BACKEND_UNAVAILABLE', 'webgpu kernel called without a GPU context');
  checkLive(gpu);
  return gpu;
}
