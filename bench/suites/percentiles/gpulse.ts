/**
 * gpulse contenders: one engine per configuration, created once and reused (as applications do), called
 * through the public API. Each row notes the backend that really ran, so a silent fallback cannot pass for
 * a measurement. A software WebGPU adapter is run only up to `softwareMaxValues` and kept out of "gpulse best".
 */
import type { Engine, EngineOptions, BackendName } from '../../../engine/index.js';
import type { Contender } from '../../harness/contest.js';
import { groupedSortPeer, flattenGrouped, type GroupedInput } from './grouped.js';
import { Q, sortPeer } from './peers.js';

export interface GpulseContenders {
  single: Contender<Float32Array>[];
  grouped: Contender<GroupedInput>[];
  notes: string[];
  adapter: string | null;
  dispose(): void;
}

interface Config {
  name: string;
  options: EngineOptions;
  expect: BackendName;
}

const CONFIGS: Config[] = [
  { name: 'gpulse js', options: { backend: 'js' }, expect: 'js' },
  { name: 'gpulse wasm', options: { backend: 'wasm', workers: 0 }, expect: 'wasm' },
  { name: 'gpulse wasm+workers', options: { backend: 'wasm' }, expect: 'wasm' },
  { name: 'gpulse webgpu', options: { backend: 'webgpu' }, expect: 'webgpu' },
];

type Last = { backend: BackendName; telemetry: { fallbackFrom?: BackendName; fallbackReason?: string } } | undefined;

function ranOn(last: Last, expect: BackendName): string | undefined {
  if (!last || last.backend === expect) return undefined;
  return `RAN ON ${last.backend}${last.telemetry.fallbackReason ? ` (${last.telemetry.fallbackReason})` : ''}`;
}

/** Row options shared by a configuration's single and grouped contender. */
interface Extra {
  note?: string;
  countsForBest?: boolean;
  skip?: (input: Float32Array | GroupedInput) => string | undefined;
}

/** Counts worker-pool calls, so a "with workers" row can say whether the kernel really used them. */
function countPoolCalls(engine: Engine): { calls: number } | undefined {
  const pool = engine.core.workers;
  if (!pool) return undefined;
  const counter = { calls: 0 };
  const run = pool.run.bind(pool);
  pool.run = ((kernel, args) => (counter.calls++, run(kernel, args))) as typeof pool.run;
  return counter;
}

function pair(name: string, engine: Engine, expect: BackendName, extra: Extra, watchPool = false) {
  let last: Last;
  const pool = watchPool ? countPoolCalls(engine) : undefined;
  const describe = () => {
    const used = pool && (pool.calls ? `${pool.calls} worker calls per run` : 'worker pool unused by this kernel');
    return [ranOn(last, expect), used].filter(Boolean).join('; ') || undefined;
  };
  const single: Contender<Float32Array> = {
    ...extra,
    name,
    kind: 'gpulse',
    run: async (data) => {
      if (pool) pool.calls = 0;
      const r = await engine.percentiles(data, { q: Q });
      last = r;
      return r.values;
    },
    describe,
  };
  const grouped: Contender<GroupedInput> = {
    ...extra,
    name,
    kind: 'gpulse',
    run: async (input) => {
      if (pool) pool.calls = 0;
      const r = await engine.groupedPercentiles(input.values, input.groups, { q: Q });
      last = r;
      return flattenGrouped(r.keys, r.values);
    },
    describe,
  };
  return { single, grouped };
}

export async function gpulseContenders(opts: { stub: boolean; softwareMaxValues: number }): Promise<GpulseContenders> {
  const out: GpulseContenders = { single: [], grouped: [], notes: [], adapter: null, dispose: () => {} };
  if (opts.stub) {
    for (const c of CONFIGS.slice(0, 3)) {
      const note = 'STUB: sort baseline, not gpulse';
      out.single.push({ ...sortPeer, name: c.name, kind: 'gpulse', note });
      out.grouped.push({ ...groupedSortPeer, name: c.name, kind: 'gpulse', note });
    }
    out.notes.push('--stub: the gpulse rows are the sort baselines under gpulse names (harness test only).');
    return out;
  }
  let api: typeof import('../../../engine/index.js');
  try {
    api = await import('../../../engine/index.js');
  } catch (error) {
    out.notes.push(`gpulse engine not importable, gpulse rows missing: ${(error as Error).message.split('\n')[0]}`);
    return out;
  }
  const engines: Engine[] = [];
  out.dispose = () => engines.forEach((e) => e.dispose());
  for (const c of CONFIGS) {
    const engine = api.createEngine(c.options);
    engines.push(engine);
    const extra: Extra = {};
    if (c.name === 'gpulse wasm+workers') extra.note = `workers: ${engine.core.workers?.size ?? 'none (single thread)'}`;
    if (c.expect === 'webgpu') {
      const gpu = await engine.capabilities().then((caps) => caps.webgpu, (e: Error) => (out.notes.push(`WebGPU probe failed: ${e.message}`), null));
      if (!gpu) {
        out.notes.push('no WebGPU adapter: no gpulse webgpu rows');
        continue;
      }
      out.adapter = `${gpu.description || gpu.vendor} (${gpu.software ? 'software' : 'hardware'})`;
      out.notes.push(`WebGPU adapter: ${out.adapter}${gpu.software ? `; its rows run at ≤ ${opts.softwareMaxValues.toExponential().replace('+', '')} values and are kept out of "gpulse best"` : ''}`);
      if (gpu.software) {
        const cap = opts.softwareMaxValues;
        extra.countsForBest = false;
        extra.skip = (input) =>
          (input instanceof Float32Array ? input : input.values).length > cap ? `software adapter, ≤ ${cap.toExponential().replace('+', '')} values` : undefined;
        const p = pair(`${c.name} (software adapter: correctness only, not speed)`, engine, c.expect, extra);
        out.single.push(p.single);
        out.grouped.push(p.grouped);
        continue;
      }
    }
    const p = pair(c.name, engine, c.expect, extra, c.name === 'gpulse wasm+workers');
    out.single.push(p.single);
    out.grouped.push(p.grouped);
  }
  return out;
}
