/**
 * The WASM backend's per-engine state: lazily instantiated kernel modules, and scratch memory placed right
 * after each module's static data (`__heap_base`). Kernels copy input straight into that scratch region and
 * run synchronously, so no two calls can interleave inside one instance.
 */
import { instantiateWasm, type LoadedWasm, type WasmVariant } from './loader.js';

export interface ScratchExports {
  memory: WebAssembly.Memory;
  __heap_base?: WebAssembly.Global;
}

export class WasmModuleHandle<E extends ScratchExports> {
  constructor(readonly loaded: LoadedWasm<E>) {}

  get exports(): E {
    return this.loaded.exports;
  }

  get variant(): WasmVariant {
    return this.loaded.variant;
  }

  /** First free byte after the module's static data, 64-byte aligned. */
  get base(): number {
    const hb = this.loaded.exports.__heap_base;
    const b = hb ? Number(hb.value) : 65536;
    return (b + 63) & ~63;
  }

  /** Makes sure [base, base + bytes) exists; returns base. Views of memory.buffer must be re-taken after this. */
  reserve(bytes: number): number {
    const base = this.base;
    const need = base + bytes;
    const mem = this.loaded.memory;
    if (need > mem.buffer.byteLength) {
      const pages = Math.ceil((need - mem.buffer.byteLength) / 65536);
      mem.grow(pages);
    }
    return base;
  }

  /** Shrinks nothing (WASM memory cannot shrink) but reports the bytes held, for telemetry. */
  get bytesHeld(): number {
    return this.loaded.memory.buffer.byteLength;
  }
}

export class WasmRuntime {
  private readonly modules = new Map<string, Promise<WasmModuleHandle<ScratchExports>>>();

  constructor(readonly preferRelaxed = true) {}

  module<E extends ScratchExports>(name: string): Promise<WasmModuleHandle<E>> {
    let m = this.modules.get(name);
    if (!m) {
      m = instantiateWasm<E>(name, this.preferRelaxed).then((l) => new WasmModuleHandle(l));
      this.modules.set(name, m);
    }
    return m as Promise<WasmModuleHandle<E>>;
  }
}
