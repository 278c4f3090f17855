/**
 * A small pool of kernel workers (worker_threads in Node, module Web Workers in browsers) behind the comlink
 * API in worker-api.ts. Workers start on first use; each call goes to the worker with the fewest calls in
 * flight. Arguments' buffers are transferred (moved, not copied): callers pass arrays they own.
 */
import * as Comlink from 'comlink';
import { isNode } from '../capabilities.js';
import type { ArgsOf, KernelName, OutOf } from '../kernels/registry.js';
import { transferablesOf, type KernelWorkerApi } from './worker-api.js';

interface Slot {
  api: Comlink.Remote<KernelWorkerApi>;
  terminate: () => void;
}

/**
 * Running from TypeScript sources (tests, tsx) the worker is a .ts file, and Node 20 does not pass `--import`
 * loaders to workers: an eval'd bootstrap registers tsx's ESM hooks inside the worker, then loads the entry.
 */
function sourceBootstrap(entry: URL): { code: string; tsxApi: string } {
  const { createRequire } = (process as unknown as { getBuiltinModule(id: string): typeof import('node:module') }).getBuiltinModule('node:module');
  const { pathToFileURL } = (process as unknown as { getBuiltinModule(id: string): typeof import('node:url') }).getBuiltinModule('node:url');
  const tsxApi = pathToFileURL(createRequire(entry).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  const code = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  return { code, tsxApi };
}

async function spawn(): Promise<Slot> {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? './kernel-worker.ts' : './kernel-worker.js', import.meta.url);
  if (isNode) {
    const { Worker } = (process as unknown as { getBuiltinModule(id: string): typeof import('node:worker_threads') }).getBuiltinModule(
      'node:worker_threads',
    );
    const { default: nodeEndpoint } = await import('comlink/dist/esm/node-adapter.mjs');
    const worker = fromSource ? new Worker(sourceBootstrap(url).code, { eval: true }) : new Worker(url);
    worker.unref();
    return { api: Comlink.wrap<KernelWorkerApi>(nodeEndpoint(worker)), terminate: () => void worker.terminate()};
  }
  const worker = new Worker(url, { type: 'module' });
  return { api: Comlink.wrap<KernelWorkerApi>(worker), terminate: () => worker.terminate() };
}

interface Entry {
  slot: Promise<Slot>;
  /** Calls in flight, counted synchronously so that calls issued together spread over the workers. */
  busy: number;
}

export class WorkerPool {
  private entries: Entry[] = [];

  constructor(readonly size: number) {}

  private pick(): Entry {
    if (this.entries.length < this.size) {
      const e = { slot: spawn(), busy: 0 };
      this.entries.push(e);
      return e;
    }
    return this.entries.reduce((a, b) => (b.busy < a.busy ? b : a));
  }

  /**
   * Runs `kernel`'s WASM implementation in a worker. `transfer` lists the buffers moved (not copied) into the
   * worker — by default every typed array of `args`; pass only buffers no other call will use (a buffer can
   * be moved once), everything else is copied.
   */
  async run<K extends KernelName>(kernel: K, args: ArgsOf<K>, transfer: Transferable[] = transferablesOf(args)): Promise<OutOf<K>> {
    const entry = this.pick();
    entry.busy++;
    try {
      const slot = await entry.slot;
      // Comlink's Remote<> type cannot carry the generic signature through; the worker's api.run has it.
      const run = slot.api.run as unknown as (k: K, a: ArgsOf<K>) => Promise<OutOf<K>>;
      return await run(kernel, Comlink.transfer(args, transfer));
    } finally {
      entry.busy--;
    }
  }

  /** Calls in flight per started worker (for telemetry and tests). */
  load(): number[] {
    return this.entries.map((e) => e.busy);
  }

  /** Starts every worker and compiles `modules` in each, so measured calls do not pay for start-up. */
  async warm(modules: string[]): Promise<void> {
    while (this.entries.length < this.size) this.entries.push({ slot: spawn(), busy: 0 });
    await Promise.all(this.entries.map(async (e) => (await e.slot).api.warm(modules)));
  }

  terminate(): void {
    for (const e of this.entries) void e.slot.then((slot) => slot.terminate());
    this.entries = [];
  }
}
