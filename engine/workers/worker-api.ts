/**
 * The one narrow API a kernel worker exposes over comlink: run a kernel's WASM implementation on arguments
 * that were moved (transferred) into the worker, and move the output back.
 */
import type { ArgsOf, KernelName, OutOf } from '../kernels/registry.js';

export interface KernelWorkerApi {
  /** Runs `kernel` on the WASM backend inside the worker; typed-array buffers are transferred both ways. */
  run<K extends KernelName>(kernel: K, args: ArgsOf<K>): Promise<OutOf<K>>;
  /** Loads the WASM modules up front so the first real call does not pay for compilation. */
  warm(modules: string[]): Promise<void>;
}

/** Every ArrayBuffer under a plain object of typed arrays (one level deep), to hand to Comlink.transfer. */
export function transferablesOf(value: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const visit = (v: unknown): void => {
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) out.add(v.buffer);
    } else if (v && typeof v === 'object') {
      for (const x of Object.values(v)) if (ArrayBuffer.isView(x) && x.buffer instanceof ArrayBuffer) out.add(x.buffer);
    }
  };
  visit(value);
  return [...out];
}
