/**
 * Browser benchmark page: adapter info, then every kernel family (percentiles, grouped percentiles, DDSketch,
 * rfft, fast features) on every backend the browser has (webgpu, wasm, js) at a few sizes, with in-page
 * peers (sort, tdigest, fft.js). Results: a uPlot chart, a table (ms, throughput, ratio to WASM), a JSON
 * download, and window.__benchResults. ?quick=1 runs small sizes with one repetition (for tests);
 * ?auto=0 waits for the Run button.
 */
/// <reference types="vite/client" />
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import FFT from 'fft.js';
import { TDigest } from 'tdigest';
import { createEngine, type Engine, type BackendName, type Model } from '../../../engine/index.js';
import { mulberry32 as rng } from '../../shared/random.js';

// The anomaly model (apps/model, optional): bundled when the file exists, benchmarked as the inference family.
const modelUrls = import.meta.glob<string>('../../model/anomaly-model.int8.onnx', { query: '?url', import: 'default' });
let modelBytes: Uint8Array | null = null;
const models = new Map<string, Model>();

interface BenchRow {
  kernel: string;
  impl: string;
  /** 'engine' for gpulse backends, 'peer' for other libraries. */
  kind: 'engine' | 'peer';
  size: number;
  ms: number;
  msAll: number[];
  mElemPerS: number;
  ratioToWasm: number | null;
  /** Backend that actually ran (engine rows), for spotting fallbacks. */
  ranOn?: string;
  check: 'ok' | 'approx' | string;
}
interface BenchResults {
  done: boolean;
  quick: boolean;
  startedAt: string;
  userAgent: string;
  adapter: unknown;
  backends: string[];
  rows: BenchRow[];
  errors: string[];
  /** Families skipped and why. */
  notes: string[];
  totalMs: number;
}
declare global {
  interface Window { __benchResults?: BenchResults }
}

const params = new URLSearchParams(location.search);
const quick = params.get('quick') === '1';
const SIZES = quick ? [1 << 12, 1 << 15] : [1 << 14, 1 << 17, 1 << 20, 1 << 22];
const REPS = quick ? 1 : 5;
const $ = (id: string): HTMLElement => document.getElementById(id)!;
const results: BenchResults = { done: false, quick, startedAt: new Date().toISOString(), userAgent: navigator.userAgent, adapter: null, backends: [], rows: [], errors: [], notes: [], totalMs: 0 };
window.__benchResults = results;


/** Log-normal-ish latencies: the shape of real metrics (skewed, positive). */
function data(n: number, seed = 7): Float32Array {
  const r = rng(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i += 2) {
    const m = Math.sqrt(-2 * Math.log(1 - r()));
    const a = 2 * Math.PI * r();
    out[i] = Math.exp(3 + 0.5 * m * Math.cos(a));
    if (i + 1 < n) out[i + 1] = Math.exp(3 + 0.5 * m * Math.sin(a));
  }
  return out;
}

const frame = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/**
 * Median ms per call after two warm-up calls (compile pipelines / WASM, size pools). Calls shorter than the
 * timer's resolution are repeated in a batch of up to 64 and the batch time divided.
 */
async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; msAll: number[]; out: T }> {
  let out = await fn();
  let t = performance.now();
  out = await fn(); // a second warm call, timed to size the batch (the first one includes compilation)
  const warm = performance.now() - t;
  const batch = warm >= 5 ? 1 : Math.min(64, Math.ceil(5 / Math.max(warm, 0.05)));
  const msAll: number[] = [];
  for (let i = 0; i < REPS; i++) {
    t = performance.now();
    for (let k = 0; k < batch; k++) out = await fn();
    msAll.push((performance.now() - t) / batch);
  }
  const s = [...msAll].sort((a, b) => a - b);
  return { ms: s[s.length >> 1], msAll, out };
}

function sortedQuantiles(v: Float32Array, q: number[]): number[] {
  const s = Float64Array.from(v).sort();
  return q.map((p) => {
    const h = (s.length - 1) * p;
    const lo = Math.floor(h);
    return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (h - lo);
  });
}

const close = (a: ArrayLike<number>, b: ArrayLike<number>, rel: number): boolean =>
  a.length === b.length && Array.from(a).every((x, i) => Math.abs(x - b[i]) <= rel * Math.max(1, Math.abs(b[i])));

interface Case {
  kernel: string;
  /** Elements the throughput counts. */
  run(engine: Engine, backend: BackendName, n: number): Promise<{ ranOn: string; check: string }>;
  peers: { name: string; maxSize: number; run(n: number): Promise<string> | string }[];
}

const Q = [0.5, 0.9, 0.99];
const GROUPS = 256;
const SERIES_LEN = 1024;
const cache = new Map<string, Float32Array>();
const input = (n: number): Float32Array => {
  let v = cache.get(`d${n}`);
  if (!v) cache.set(`d${n}`, (v = data(n)));
  return v;
};
const groupsOf = (n: number): Uint32Array => Uint32Array.from({ length: n }, (_, i) => (i * 2654435761) % GROUPS);
const refG = new Map<number, Float64Array>();
/** Per group (0 … GROUPS−1): exact quantiles by sorting, GROUPS × Q.length. */
function groupedRef(n: number): Float64Array {
  let r = refG.get(n);
  if (r) return r;
  const v = input(n);
  const g = groupsOf(n);
  const parts: number[][] = Array.from({ length: GROUPS }, () => []);
  for (let i = 0; i < n; i++) parts[g[i]].push(v[i]);
  r = new Float64Array(GROUPS * Q.length);
  parts.forEach((p, k) => r!.set(sortedQuantiles(Float32Array.from(p), Q), k * Q.length));
  refG.set(n, r);
  return r;
}
const refQ = new Map<number, number[]>();
const ref = (n: number): number[] => refQ.get(n) ?? (refQ.set(n, sortedQuantiles(input(n), Q)), refQ.get(n)!);

const CASES: Case[] = [
  {
    kernel: 'percentiles',
    async run(engine, backend, n) {
      const r = await engine.percentiles(input(n), { q: Q, backend });
      return { ranOn: r.backend, check: close(r.values, ref(n), 1e-6) ? 'ok' : `mismatch ${Array.from(r.values)} vs ${ref(n)}` };
    },
    peers: [
      { name: 'sort (Float64Array)', maxSize: 1 << 22, run: (n) => (sortedQuantiles(input(n), Q), 'ok') },
      {
        name: 'tdigest',
        maxSize: 1 << 20,
        run: (n) => {
          const td = new TDigest();
          const v = input(n);
          for (let i = 0; i < v.length; i++) td.push(v[i]);
          td.compress();
          return close(td.percentile(Q), ref(n), 0.05) ? 'approx' : 'approx (>5% off)';
        },
      },
    ],
  },
  {
    kernel: `groupedPercentiles (${GROUPS} groups)`,
    async run(engine, backend, n) {
      const r = await engine.groupedPercentiles(input(n), groupsOf(n), { q: Q, backend });
      const want = groupedRef(n);
      let bad = -1;
      for (let g = 0; g < GROUPS && bad < 0; g++) if (r.keys[g] !== g || !close(r.values.subarray(g * Q.length, (g + 1) * Q.length), want.subarray(g * Q.length, (g + 1) * Q.length), 1e-6)) bad = g;
      return { ranOn: r.backend, check: r.keys.length !== GROUPS ? `${r.keys.length} groups` : bad < 0 ? 'ok' : `group ${bad}: ${Array.from(r.values.subarray(bad * Q.length, (bad + 1) * Q.length))} vs ${Array.from(want.subarray(bad * Q.length, (bad + 1) * Q.length))}` };
    },
    peers: [
      {
        name: 'sort per group',
        maxSize: 1 << 22,
        run: (n) => {
          const v = input(n);
          const g = groupsOf(n);
          const parts: number[][] = Array.from({ length: GROUPS }, () => []);
          for (let i = 0; i < n; i++) parts[g[i]].push(v[i]);
          for (const p of parts) sortedQuantiles(Float32Array.from(p), Q);
          return 'ok';
        },
      },
    ],
  },
  {
    kernel: 'sketch (DDSketch 1%)',
    async run(engine, backend, n) {
      const r = await engine.sketch(input(n), { backend });
      const got = r.quantiles(Q);
      return { ranOn: r.backend, check: close(got, ref(n), 0.03) ? 'ok' : `off ${got} vs ${ref(n)}` };
    },
    peers: [],
  },
  {
    kernel: `rfft (n=${SERIES_LEN} batch)`,
    async run(engine, backend, n) {
      const r = await engine.rfft({ values: input(n), length: SERIES_LEN }, { backend });
      return { ranOn: r.backend, check: r.count === n / SERIES_LEN && r.values.length === r.count * (SERIES_LEN / 2 + 1) ? 'ok' : 'bad shape' };
    },
    peers: [
      {
        name: 'fft.js',
        maxSize: 1 << 22,
        run: (n) => {
          const f = new FFT(SERIES_LEN);
          const v = input(n);
          const x = new Array<number>(SERIES_LEN);
          const out = f.createComplexArray() as number[];
          for (let s = 0; s < n; s += SERIES_LEN) {
            for (let i = 0; i < SERIES_LEN; i++) x[i] = v[s + i];
            f.realTransform(out, x);
          }
          return 'ok';
        },
      },
    ],
  },
  {
    kernel: 'inference (anomaly model int8, 25 features/row)',
    async run(engine, backend, n) {
      if (!modelBytes) throw new Error('no model');
      let m = models.get(backend);
      if (!m) models.set(backend, (m = await engine.loadModel(modelBytes, { backend })));
      const name = m.inputs[0]?.name ?? 'x';
      const width = 25;
      const rows = Math.max(1, Math.floor(n / width));
      const x = input(rows * width).map((v) => Math.log(v) - 3);
      const out = await m.run({ [name]: { data: x, dims: [rows, width] } });
      const first = Object.values(out)[0];
      const ranOn = m.summary().execution?.backend ?? backend;
      return { ranOn, check: first && Array.from(first.data as ArrayLike<number>).every(Number.isFinite) ? 'ok' : 'non-finite output' };
    },
    peers: [],
  },
  {
    kernel: `features 'fast' (series of ${SERIES_LEN})`,
    async run(engine, backend, n) {
      const r = await engine.features({ values: input(n), length: SERIES_LEN }, { set: 'fast', backend });
      return { ranOn: r.backend, check: r.status.every((s) => s === 0) ? 'ok' : 'status ≠ ok' };
    },
    peers: [],
  },
];

async function showAdapter(): Promise<void> {
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
  const adapter = gpu ? await gpu.requestAdapter() : null;
  if (!adapter) {
    $('adapter').textContent = gpu ? 'navigator.gpu present, no adapter' : 'no navigator.gpu (WebGPU off in this browser)';
    return;
  }
  const info = adapter.info;
  const limits: Record<string, number> = {};
  for (const k in adapter.limits) limits[k] = (adapter.limits as unknown as Record<string, number>)[k];
  const a = {
    vendor: info.vendor, architecture: info.architecture, device: info.device, description: info.description,
    isFallbackAdapter: (info as { isFallbackAdapter?: boolean }).isFallbackAdapter ?? null,
    features: [...adapter.features].sort(),
    wgslLanguageFeatures: [...(gpu!.wgslLanguageFeatures ?? [])].sort(),
    limits,
  };
  results.adapter = a;
  $('adapter').textContent = JSON.stringify({ vendor: a.vendor, architecture: a.architecture, device: a.device, description: a.description, isFallbackAdapter: a.isFallbackAdapter }, null, 1);
  $('limits').textContent = JSON.stringify({ features: a.features, wgslLanguageFeatures: a.wgslLanguageFeatures, limits }, null, 1);
}

function render(): void {
  const fmt = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toPrecision(3));
  $('results').innerHTML =
    '<tr><th>kernel</th><th>implementation</th><th>ran on</th><th>size</th><th>ms</th><th>M elem/s</th><th>× WASM</th><th>check</th></tr>' +
    results.rows
      .map((r) => `<tr><td>${r.kernel}</td><td>${r.impl}</td><td>${r.ranOn ?? ''}</td><td>${r.size.toLocaleString()}</td><td>${fmt(r.ms)}</td><td>${fmt(r.mElemPerS)}</td><td>${r.ratioToWasm === null ? '' : fmt(r.ratioToWasm)}</td><td class="${r.check === 'ok' || r.check === 'approx' ? '' : 'bad'}">${r.check}</td></tr>`)
      .join('') +
    results.errors.map((e) => `<tr><td colspan="8" class="bad">${e}</td></tr>`).join('') +
    results.notes.map((e) => `<tr><td colspan="8">${e}</td></tr>`).join('');
}

let chart: uPlot | null = null;
function drawChart(): void {
  const select = $('family') as HTMLSelectElement;
  const families = [...new Set(results.rows.map((r) => r.kernel))];
  if (select.options.length !== families.length) select.replaceChildren(...families.map((f) => new Option(f, f)));
  const family = select.value || families[0];
  const rows = results.rows.filter((r) => r.kernel === family);
  const sizes = [...new Set(rows.map((r) => r.size))].sort((a, b) => a - b);
  const keys = [...new Set(rows.map((r) => r.impl))];
  const palette = ['#1f4fbf', '#c23b22', '#0a7d3c', '#7a4fd0', '#e08a00', '#008c9e', '#a0306a', '#5b6b00', '#444', '#d16ba5', '#3d9970', '#ff851b'];
  const data: uPlot.AlignedData = [
    sizes,
    ...keys.map((k) => sizes.map((s) => rows.find((r) => r.impl === k && r.size === s)?.mElemPerS ?? null)),
  ];
  chart?.destroy();
  chart = new uPlot(
    {
      width: Math.min(1200, document.body.clientWidth - 20),
      height: 360,
      scales: { x: { time: false, distr: 3 }, y: { distr: 3 } },
      axes: [{ label: 'elements' }, { label: 'M elem/s' }],
      series: [{ label: 'size' }, ...keys.map((k, i) => ({ label: k, stroke: palette[i % palette.length], width: 2, dash: k.startsWith('peer') ? [6, 4] : undefined, points: { show: true } }))],
    },
    data,
    $('chart'),
  );
}

async function run(): Promise<void> {
  const t0 = performance.now();
  results.rows = [];
  results.errors = [];
  results.notes = [];
  results.done = false;
  ($('run') as HTMLButtonElement).disabled = true;
  const probe = createEngine({ workers: 0 });
  const caps = await probe.capabilities();
  probe.dispose();
  const backends: BackendName[] = [...(caps.webgpu ? (['webgpu'] as const) : []), ...(caps.wasmSimd ? (['wasm'] as const) : []), 'js'];
  results.backends = backends;
  // workers: 0 — the engine's kernel-worker pool computes its Worker URL, which Vite does not bundle.
  const engines = new Map(backends.map((b) => [b, createEngine({ backend: b, workers: 0 })]));
  const url = Object.values(modelUrls)[0];
  modelBytes = url ? new Uint8Array(await (await fetch(await url())).arrayBuffer()).slice() : null;
  for (const c of CASES) {
    if (c.kernel.startsWith('inference') && !modelBytes) {
      results.notes.push('inference: apps/model/anomaly-model.int8.onnx not bundled — skipped');
      continue;
    }
    for (const n of SIZES) {
      const wasmMs: { v: number | null } = { v: null };
      const rows: BenchRow[] = [];
      for (const b of backends) {
        $('status').textContent = `${c.kernel} · ${b} · ${n.toLocaleString()}…`;
        await frame();
        try {
          const { ms, msAll, out } = await time(() => c.run(engines.get(b)!, b, n));
          if (b === 'wasm') wasmMs.v = ms;
          rows.push({ kernel: c.kernel, impl: `gpulse ${b}`, kind: 'engine', size: n, ms, msAll, mElemPerS: n / ms / 1e3, ratioToWasm: null, ranOn: out.ranOn, check: out.check });
        } catch (e) {
          results.errors.push(`${c.kernel} · ${b} · ${n}: ${(e as Error)?.message ?? e}`);
        }
      }
      for (const p of c.peers) {
        if (n > p.maxSize) continue;
        $('status').textContent = `${c.kernel} · ${p.name} · ${n.toLocaleString()}…`;
        await frame();
        try {
          const { ms, msAll, out } = await time(() => p.run(n));
          rows.push({ kernel: c.kernel, impl: `peer ${p.name}`, kind: 'peer', size: n, ms, msAll, mElemPerS: n / ms / 1e3, ratioToWasm: null, check: out });
        } catch (e) {
          results.errors.push(`${c.kernel} · ${p.name} · ${n}: ${(e as Error)?.message ?? e}`);
        }
      }
      for (const r of rows) r.ratioToWasm = wasmMs.v !== null && wasmMs.v > 0 ? r.ms / wasmMs.v : null;
      results.rows.push(...rows);
      render();
    }
  }
  for (const m of models.values()) m.dispose();
  models.clear();
  for (const e of engines.values()) e.dispose();
  results.totalMs = performance.now() - t0;
  drawChart();
  render();
  $('status').textContent = `done in ${(results.totalMs / 1000).toFixed(1)} s — ${results.rows.length} measurements, ${results.errors.length} errors`;
  ($('run') as HTMLButtonElement).disabled = false;
  ($('export') as HTMLButtonElement).disabled = false;
  results.done = true;
}

function exportJson(): void {
  const blob = new Blob([JSON.stringify(results, null, 1)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `gpulse-bench-${quick ? 'quick-' : ''}${results.startedAt.replace(/[:.]/g, '-')}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

$('run').addEventListener('click', () => void run().catch((e) => { results.errors.push(String(e)); results.done = true; }));
$('export').addEventListener('click', exportJson);
$('family').addEventListener('change', drawChart);
await showAdapter().catch((e) => results.errors.push(`adapter: ${e}`));
if (params.get('auto') !== '0') await run().catch((e) => { results.errors.push(String(e?.stack ?? e)); results.done = true; render(); });
