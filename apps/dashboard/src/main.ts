/**
 * Dashboard page: all computation happens in a module worker (engine-worker.ts) over comlink; this thread only
 * draws. URL parameters: vms, days (demo size), gpu=off (hide WebGPU from the worker), demo=1 (load the demo at
 * start). window.__dashboard exposes state and timings for the browser tests.
 */
import * as Comlink from 'comlink';
import type uPlot from 'uplot';
import { drawBrush, drawSeries } from './charts.js';
import { EntityTable, type TableColumn } from './entity-table.js';
import type { DashboardWorkerApi, DatasetSummary, EntitySeries, EntityTable as TableData, StageTime } from './worker-api.js';

interface DashboardState {
  ready: boolean;
  busy: boolean;
  backend: string | null;
  adapter: string | null;
  /** The anomaly model (apps/model) is bundled and loaded. */
  model: boolean;
  entities: number;
  points: number;
  rowsShown: number;
  /** Points inside the selected time range (all entities). */
  pointsInRange: number;
  selected: number;
  range: [number, number] | null;
  computeCount: number;
  firstRenderMs: number | null;
  lastRecomputeMs: number | null;
  error: string | null;
  timings: Record<string, StageTime[]>;
}
declare global {
  interface Window {
    __dashboard?: DashboardState;
    /** Test aid: the table's percentiles against a JS sort of the same range; worst relative error and where. */
    __dashboardCheck?: () => Promise<{ maxRelErr: number; worst: string; compared: number }>;
  }
}

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;
const params = new URLSearchParams(location.search);
const state: DashboardState = {
  ready: false, busy: false, backend: null, adapter: null, model: false, entities: 0, points: 0, rowsShown: 0, pointsInRange: 0, selected: -1,
  range: null, computeCount: 0, firstRenderMs: null, lastRecomputeMs: null, error: null, timings: {},
};
window.__dashboard = state;
window.__dashboardCheck = async () => {
  const t = table!;
  const ref = await api.referencePercentiles(range[0], range[1]);
  let maxRelErr = 0;
  let worst = '';
  let compared = 0;
  for (let i = 0; i < ref.length; i++) {
    if (Number.isNaN(ref[i]) && Number.isNaN(t.pct[i])) continue;
    const err = Math.abs(t.pct[i] - ref[i]) / Math.max(1e-12, Math.abs(ref[i]));
    compared++;
    if (!(err <= maxRelErr)) {
      maxRelErr = Number.isNaN(err) ? Infinity : err;
      worst = `${t.names[i >> 2]} p${[50, 90, 95, 99][i & 3]}: ${t.pct[i]} vs ${ref[i]}`;
    }
  }
  return { maxRelErr, worst, compared };
};

const worker = new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module' });
const api = Comlink.wrap<DashboardWorkerApi>(worker);

let summary: DatasetSummary | null = null;
let table: TableData | null = null;
let range: [number, number] = [0, 0];
let seriesChart: uPlot | null = null;
let brushChart: uPlot | null = null;
const BUCKETS = 240;

const fmt = (v: number | string): string => (typeof v === 'number' ? (Number.isFinite(v) ? (Math.abs(v) >= 1000 || (Math.abs(v) < 0.01 && v !== 0) ? v.toExponential(2) : v.toFixed(2)) : '–') : v);
const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));

function status(msg: string, error = false): void {
  const el = $('status');
  el.textContent = msg;
  el.className = error ? 'error' : 'muted';
}

function showTimings(): void {
  const rows: string[] = [];
  for (const [group, stages] of Object.entries(state.timings)) {
    for (const s of stages) rows.push(`<tr><td>${group}</td><td>${s.stage}</td><td>${s.backend ?? ''}</td><td class="ms">${s.ms.toFixed(1)}</td></tr>`);
  }
  $('timings').innerHTML = `<tr><th>step</th><th>stage</th><th>backend</th><th>ms</th></tr>${rows.join('')}`;
}

const entityTable = new EntityTable($('table'), (row) => void selectEntity(row));

function fillTable(t: TableData): void {
  const F = t.featureNames.length;
  const cols: TableColumn[] = [
    { name: 'entity', get: (i) => t.names[i] },
    { name: 'points', get: (i) => t.counts[i], format: (v) => String(v) },
    ...['p50', 'p90', 'p95', 'p99'].map((n, j): TableColumn => ({ name: n, get: (i) => t.pct[4 * i + j], format: fmt })),
    ...t.featureNames.map((n, j): TableColumn => ({ name: n.replace('spectral_', 'spec_').replace('trend_', ''), get: (i) => t.features[F * i + j], format: fmt })),
    { name: 'z', get: (i) => t.z[i], format: fmt, hot: (v) => typeof v === 'number' && v > 8 },
    ...(t.anomaly ? [{ name: 'anomaly', get: (i: number) => t.anomaly![i], format: fmt }] : []),
  ];
  entityTable.setData(t.names.length, cols);
  applyFilter();
}

/** "p99>60", "score >= 10", "std<2" compare a column; anything else is a substring of the entity name. */
function applyFilter(): void {
  const text = $<HTMLInputElement>('filter').value.trim();
  const t = table;
  if (!t) return;
  const m = /^([a-z_0-9]+)\s*(>=|<=|>|<|=)\s*(-?[\d.e+-]+)$/i.exec(text);
  let f: (i: number) => boolean = () => true;
  if (m) {
    const F = t.featureNames.length;
    const names = ['points', 'p50', 'p90', 'p95', 'p99', ...t.featureNames, 'z', 'anomaly'];
    const c = names.findIndex((n) => n === m[1] || n.endsWith(m[1]));
    const x = Number(m[3]);
    const get = (i: number): number =>
      c === 0 ? t.counts[i] : c <= 4 ? t.pct[4 * i + c - 1] : c <= 4 + F ? t.features[F * i + c - 5] : c === 5 + F ? t.z[i] : (t.anomaly?.[i] ?? NaN);
    const op = m[2];
    if (c >= 0) f = (i) => { const v = get(i); return op === '>' ? v > x : op === '<' ? v < x : op === '>=' ? v >= x : op === '<=' ? v <= x : v === x; };
  } else if (text) {
    const s = text.toLowerCase();
    f = (i) => t.names[i].toLowerCase().includes(s);
  }
  entityTable.setFilter(f);
  state.rowsShown = entityTable.visible().length;
  $('rowcount').textContent = `${state.rowsShown} of ${t.names.length} entities`;
}

async function selectEntity(row: number): Promise<EntitySeries> {
  state.selected = row;
  const s = await api.series(row, range[0], range[1], BUCKETS);
  state.timings['series'] = s.timings;
  const shaded = s.regions.map((r) => r.label).join(', ');
  $('chart-title').textContent = `${table?.names[row] ?? row}: min / p50 / p90 / p99 / max per time bucket; red: >8σ buckets${shaded ? `; shaded: ${shaded}` : ''}`;
  seriesChart = drawSeries($('chart'), s, seriesChart);
  showTimings();
  return s;
}

function showRange(): void {
  const f = (t: number): string => new Date(t).toISOString().slice(0, 16).replace('T', ' ');
  $('range').textContent = `${f(range[0])} → ${f(range[1])} UTC`;
  state.range = [range[0], range[1]];
}

/** Recomputes the table and the selected entity's chart for `range`; returns the wall time in ms. */
async function recompute(): Promise<number> {
  const t = performance.now();
  state.busy = true;
  try {
    status('computing…');
    table = await api.compute(range[0], range[1]);
    state.timings['table'] = table.timings;
    state.pointsInRange = table.counts.reduce((a, b) => a + b, 0);
    fillTable(table);
    let row = state.selected;
    if (row < 0 || row >= table.names.length) row = entityTable.visible()[0] ?? 0;
    entityTable.mark(row);
    await selectEntity(row);
    showRange();
    await frame();
    state.computeCount++;
    const ms = performance.now() - t;
    status(`${summary?.points.toLocaleString()} points, ${table.names.length} entities — recomputed in ${ms.toFixed(0)} ms on ${table.backend}`);
    return ms;
  } finally {
    state.busy = false;
  }
}

async function afterLoad(s: DatasetSummary, t0: number): Promise<void> {
  summary = s;
  state.entities = s.entities;
  state.points = s.points;
  state.selected = -1;
  state.timings = { load: s.timings };
  $('source').textContent = s.source;
  range = [s.t0, s.t1 + 1];
  const o = await api.overview(BUCKETS);
  state.timings['overview'] = o.timings;
  brushChart = drawBrush($('brush'), o, (a, b) => void onBrush(a, b), brushChart);
  await recompute();
  // The first render sorts by anomaly score (the model's, else the robust z) so the most unusual entity is drawn.
  entityTable.sortBy(table?.anomaly ? 'anomaly' : 'z', true);
  const top = entityTable.visible()[0];
  if (top !== undefined) { entityTable.mark(top); await selectEntity(top); }
  await frame();
  state.firstRenderMs = performance.now() - t0;
  state.ready = true;
  status(`${s.points.toLocaleString()} points, ${s.entities} entities — first render ${state.firstRenderMs.toFixed(0)} ms on ${table?.backend}`);
}

let pendingRange: [number, number] | null = null;
/** A brush change: recomputes for the range; a change made while busy runs next (only the latest one). */
async function onBrush(a: number, b: number): Promise<void> {
  if (!summary) return;
  pendingRange = [Math.max(a, summary.t0), Math.min(b, summary.t1 + 1)];
  if (state.busy) return;
  while (pendingRange) {
    range = pendingRange;
    pendingRange = null;
    state.lastRecomputeMs = await recompute();
  }
}

async function guard(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    state.error = String((e as Error)?.stack ?? e);
    status(`error: ${(e as Error)?.message ?? e}`, true);
    console.error(e);
  }
}

async function loadDemo(): Promise<void> {
  const vms = Number($<HTMLInputElement>('vms').value) || 250;
  const days = Number($<HTMLInputElement>('days').value) || 14;
  state.ready = false;
  status(`generating ${vms} VMs × ${days} days…`);
  const t0 = performance.now();
  await afterLoad(await api.loadDemo(vms, days), t0);
}

async function loadFile(file: File): Promise<void> {
  state.ready = false;
  status(`reading ${file.name}…`);
  const t0 = performance.now();
  const bytes = await file.arrayBuffer();
  await afterLoad(await api.loadFile(file.name, Comlink.transfer(bytes, [bytes])), t0);
}

async function start(): Promise<void> {
  if (params.has('vms')) $<HTMLInputElement>('vms').value = params.get('vms')!;
  if (params.has('days')) $<HTMLInputElement>('days').value = params.get('days')!;
  const info = await api.init(params.get('gpu') !== 'off');
  state.backend = info.backend;
  state.adapter = info.adapter;
  state.model = info.model;
  const pill = $('backend');
  pill.textContent = info.backend + (info.adapter ? ` · ${info.adapter}` : '');
  pill.className = `pill ${info.backend}`;
  $('demo').addEventListener('click', () => void guard(loadDemo));
  $<HTMLInputElement>('file').addEventListener('change', (ev) => {
    const f = (ev.target as HTMLInputElement).files?.[0];
    if (f) void guard(() => loadFile(f));
  });
  $('filter').addEventListener('input', applyFilter);
  $('reset-range').addEventListener('click', () => summary && void guard(() => onBrush(summary!.t0, summary!.t1 + 1)));
  let depth = 0;
  addEventListener('dragenter', (e) => { e.preventDefault(); depth++; $('drop').hidden = false; });
  addEventListener('dragleave', () => { if (--depth <= 0) { depth = 0; $('drop').hidden = true; } });
  addEventListener('dragover', (e) => e.preventDefault());
  addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    $('drop').hidden = true;
    const f = e.dataTransfer?.files?.[0];
    if (f) void guard(() => loadFile(f));
  });
  status('ready: load the demo fleet or open a file');
  if (params.get('demo') !== '0') await loadDemo();
}

void guard(start);
