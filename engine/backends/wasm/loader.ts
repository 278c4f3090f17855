/**
 * One WASM loader for browsers and Node: modules are embedded as base64 (engine/generated/wasm.ts), compiled
 * once per process, and the relaxed-SIMD build is chosen where the runtime validates it.
 */
import { WASM_BASE64 } from '../../generated/wasm.js';
import { GpulseError } from '../../errors.js';

export type WasmVariant = 'simd' | 'relaxed';

const compiled = new Map<string, Promise<{ module: WebAssembly.Module; variant: WasmVariant }>>();

function decodeBase64(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** Which build of `name` this runtime can run: relaxed if it validates, else plain SIMD, else null. */
export function pickVariant(name: string, preferRelaxed = true): { variant: WasmVariant; bytes: Uint8Array<ArrayBuffer> } | null {
  const order: WasmVariant[] = preferRelaxed ? ['relaxed', 'simd'] : ['simd'];
  for (const variant of order) {
    const b64 = WASM_BASE64[`${name}.${variant}`];
    if (!b64) continue;
    const bytes = decodeBase64(b64);
    if (WebAssembly.validate(bytes)) return { variant, bytes };
  }
  return null;
}

export function compileWasm(name: string, preferRelaxed = true): Promise<{ module: WebAssembly.Module; variant: WasmVariant }> {
  const key = `${name}:${preferRelaxed}`;
  let p = compiled.get(key);
  if (!p) {
    const picked = pickVariant(name, preferRelaxed);
    if (!picked) {
      return Promise.reject(new GpulseError('BACKEND_UNAVAILABLE', `wasm: module "${name}" has no build this runtime validates (needs WASM SIMD)`));
    }
    p = WebAssembly.compile(picked.bytes).then((module) => ({ module, variant: picked.variant }));
    compiled.set(key, p);
  }
  return p;
}

export interface LoadedWasm<E> {
  exports: E;
  memory: WebAssembly.Memory;
  variant: WasmVariant;
}

export async function instantiateWasm<E>(name: string, preferRelaxed = true): Promise<LoadedWasm<E>> {
  const { module, variant } = await compileWasm(name, preferRelaxed);
  const instance = await WebAssembly.instantiate(module, {
    env: {
      abort(_msg: number, _file: number, line: number, col: number) {
        throw new GpulseError('INVALID_ARGUMENT', `wasm ${name}: abort at ${line}:${col}`);
      },
    },
  });
  const exports = instance.exports as unknown as E & { memory: WebAssembly.Memory };
  return { exports, memory: exports.memory, variant };
}
