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
  busy: number;
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
    return { api: Comlink.wrap<KernelWorkerApi>(nodeEndpoint(worker)), terminate: () => void worker.terminate(), busy: 0 };
  }
  const worker = new Worker(url, { type: 'module' });
  return { api: Comlink.wrap<KernelWorkerApi>(worker), terminate: () => worker.terminate(), busy: 0 };
}

export class WorkerPool {
  private slots: Promise<Slot>[] = [];

  constructor(readonly size: number) {}

  private pick(): Promise<Slot> {
    if (this.slots.length < this.size) {
      const s = spawn();
      this.slots.push(s);
      return s;
    }
    return Promise.all(this.slots).then((all) => all.reduce((a, b) => (b.busy < a.busy ? b : a)));
  }

  /** Runs `kernel`'s WASM implementation in a worker. The buffers of `args` are moved into the worker. */
  async run<K extends KernelName>(kernel: K, args: ArgsOf<K>): Promise<OutOf<K>> {
    const slot = await this.pick();
    slot.busy++;
    try {
      // Comlink's Remote<> type cannot carry the generic signature through; the worker's api.run has it.
      const run = slot.api.run as unknown as (k: K, a: ArgsOf<K>) => Promise<OutOf<K>>;
      return await run(kernel, Comlink.transfer(args, transferablesOf(args)));
    } finally {
      slot.busy--;
    }
  }

  /** Starts every worker and compiles `modules` in each, so measured calls do not pay for start-up. */
  async warm(modules: string[]): Promise<void> {
    while (this.slots.length < this.size) this.slots.push(spawn());
    await Promise.all(this.slots.map(async (s) => (await s).api.warm(modules)));
  }

  terminate(): void {
    for (const s of this.slots) void s.then((slot) => slot.terminate());
    this.slots = [];
  }
}
