/**
 * Runs in headless Chromium (test/browser/run-browser-tests.mjs): the shared percentile cases on the WebGPU and
 * WASM backends, each compared with the JS reference. Results go to window.__gpulseResults for the runner.
 */
import { createEngine } from '../../engine/index.js';
import { KERNELS } from '../../engine/kernels/registry.js';
import { groupedPercentileCases, percentileCases } from '../kernels/cases/percentile.cases.js';
import type { BackendName } from '../../engine/types.js';

interface Outcome { name: string; ok: boolean; detail?: string }
declare global {
  interface Window { __gpulseResults?: { adapter: unknown; outcomes: Outcome[]; done: boolean } }
}

const log = document.getElementById('log')!;
const state: NonNullable<Window['__gpulseResults']> = { adapter: null, outcomes: [], done: false };
window.__gpulseResults = state;

function record(o: Outcome): void {
  state.outcomes.push(o);
  const li = document.createElement('li');
  li.className = o.ok ? 'pass' : 'fail';
  li.textContent = `${o.ok ? 'ok' : 'FAIL'} ${o.name}${o.detail ? ` — ${o.detail}` : ''}`;
  log.append(li);
}

async function runCases(backend: BackendName): Promise<void> {
  const engine = createEngine({ backend, workers: 0 });
  const suites = [
    ['percentile', percentileCases],
    ['groupedPercentile', groupedPercentileCases],
  ] as const;
  for (const [kernel, cases] of suites) {
    const def = KERNELS[kernel].def as unknown as { reference(a: unknown): unknown; compare(a: unknown, e: unknown, args: unknown, b: BackendName): string | null };
    for (const c of cases) {
      const name = `${backend} ${kernel} ${c.name}`;
      try {
        const r = await engine.core.run(kernel, c.args as never, (c.args as { values: ArrayLike<number> }).values.length, { backend });
        const mismatch = r.backend !== backend ? `ran on ${r.backend}` : def.compare(r.out, def.reference(c.args), c.args, backend);
        record({ name, ok: mismatch === null, detail: mismatch ?? undefined });
      } catch (e) {
        record({ name, ok: false, detail: String((e as Error)?.stack ?? e) });
      }
    }
  }
  engine.dispose();
}

async function main(): Promise<void> {
  const engine = createEngine({ workers: 0 });
  const caps = await engine.capabilities();
  engine.dispose();
  state.adapter = caps.webgpu;
  document.getElementById('adapter')!.textContent = JSON.stringify(caps, null, 1);
  if (caps.webgpu) await runCases('webgpu');
  if (caps.wasmSimd) await runCases('wasm');
}

main()
  .catch((e) => record({ name: 'page', ok: false, detail: String(e?.stack ?? e) }))
  .finally(() => {
    state.done = true;
  });
