/**
 * Worker entry (worker_threads in Node, module Web Worker in browsers): exposes KernelWorkerApi with comlink.
 * Each worker owns its WASM instances; kernels run exactly as on the main thread's WASM backend.
 */
import * as Comlink from 'comlink';
import { KERNELS, type ArgsOf, type KernelName, type OutOf } from '../kernels/registry.js';
import { WasmRuntime } from '../backends/wasm/runtime.js';
import { TelemetryRecorder } from '../telemetry.js';
import { GpulseError } from '../errors.js';
import { isNode } from '../capabilities.js';
import { transferablesOf, type KernelWorkerApi } from './worker-api.js';

const wasm = new WasmRuntime(true);

const api: KernelWorkerApi = {
  async run<K extends KernelName>(kernel: K, args: ArgsOf<K>): Promise<OutOf<K>> {
    const impl = KERNELS[kernel].impls.wasm as { run: (a: ArgsOf<K>, ctx: object) => OutOf<K> | Promise<OutOf<K>> } | undefined;
    if (!impl) throw new GpulseError('BACKEND_UNAVAILABLE', `${kernel}: no WASM implementation`);
    const out = await impl.run(args, { telemetry: new TelemetryRecorder(), wasm });
    return Comlink.transfer(out, transferablesOf(out));
  },
  async warm(modules) {
    await Promise.all(modules.map((m) => wasm.module(m)));
  },
};

if (isNode) {
  const { parentPort } = (process as unknown as { getBuiltinModule(id: string): typeof import('node:worker_threads') }).getBuiltinModule(
    'node:worker_threads',
  );
  const { default: nodeEndpoint } = await import('comlink/dist/esm/node-adapter.mjs');
  Comlink.expose(api, nodeEndpoint(parentPort!));
} else {
  Comlink.expose(api);
}
