/**
 * The shared kernel test runner: every declared case of a kernel, on every backend this runtime has,
 * compared with the kernel's JS reference under the tolerance its contract declares. A backend must run
 * the call itself (no silent fallback), so result.backend is checked too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../engine/index.js';
import { KERNELS, implementedBackends, type ArgsOf, type KernelName } from '../../engine/kernels/registry.js';
import type { BackendName } from '../../engine/types.js';
import { gpuAvailable } from '../support/gpu.js';

export const ALL_BACKENDS: readonly BackendName[] = ['js', 'wasm', 'webgpu'];

/** Element count the scheduler sees; only used for 'auto', which these tests never request. */
function sizeOf(args: unknown): number {
  const v = (args as { values?: ArrayLike<number> }).values;
  return v ? v.length : 0;
}

export function describeOnEveryBackend(
  title: string,
  body: (backend: BackendName, engine: () => Engine) => void,
  backends: readonly BackendName[] = ALL_BACKENDS,
): void {
  for (const backend of backends) {
    describe(`${title} [${backend}]`, async () => {
      const available = backend !== 'webgpu' || (await gpuAvailable());
      let engine: Engine | undefined;
      beforeAll(() => {
        engine = createEngine({ backend, workers: 0 });
      });
      afterAll(() => engine?.dispose());
      if (!available) {
        it.skip('skipped: no adapter', () => {});
        return;
      }
      body(backend, () => engine!);
    });
  }
}

/** Runs `args` on `backend` through the engine and returns the kernel output, asserting no fallback happened. */
export async function runOn<K extends KernelName>(engine: Engine, kernel: K, args: ArgsOf<K>, backend: BackendName) {
  const r = await engine.core.run(kernel, args, sizeOf(args), { backend });
  expect(r.backend, `${kernel} ran on ${r.backend} (${r.telemetry.fallbackReason ?? ''})`).toBe(backend);
  return r.out;
}

export function kernelCases<K extends KernelName>(kernel: K, cases: { name: string; args: ArgsOf<K> }[]): void {
  const def = KERNELS[kernel].def as unknown as {
    reference: (a: ArgsOf<K>) => unknown;
    compare: (a: unknown, e: unknown, args: ArgsOf<K>, b: BackendName) => string | null;
  };
  describeOnEveryBackend(
    `kernel ${kernel}`,
    (backend, engine) => {
      for (const c of cases) {
        it(c.name, async () => {
          const expected = def.reference(c.args);
          const actual = await runOn(engine(), kernel, c.args, backend);
          expect(def.compare(actual, expected, c.args, backend)).toBeNull();
        });
      }
    },
    implementedBackends(kernel),
  );
}
