/**
 * The dashboard's in-memory data: long-format points sorted by (entity, time), so every entity's series is one
 * contiguous slice [offsets[e], offsets[e+1]) of `times` / `values`. Built from the demo fleet or from a file's
 * columns (CSV, Arrow IPC, Parquet) with the entity / time / value columns guessed from names and types.
 */
import type { Fleet } from '../../shared/fleet-generator.js';

export interface MarkedAnomaly {
  entity: number;
  t0: number;
  t1: number;
  kind: string;
}

export interface Dataset {
  source: string;
  names: string[];
  /** entities + 1 entries. */
  offsets: Uint32Array;
  times: Float64Array;
  values: Float32Array;
  /** Known anomalies (the demo fleet's injected truth); empty for files. */
  truth: MarkedAnomaly[];
  columns: { entity: string | null; time: string | null; value: string };
}

export function fromFleet(f: Fleet): Dataset {
  const E = f.vms;
  const n = f.pointsPerVm;
  const times = new Float64Array(E * n);
  const offsets = new Uint32Array(E + 1);
  for (let e = 0; e < E; e++) {
    offsets[e + 1] = (e + 1) * n;
    for (let i = 0; i < n; i++) times[e * n + i] = f.startMs + i * f.stepMs;
  }
  const names = Array.from({ length: E }, (_, e) => `vm-${String(e).padStart(4, '0')}`);
  const truth = f.anomalies.map((a) => ({
    entity: a.vm,
    t0: f.startMs + a.start * f.stepMs,
    t1: f.startMs + (a.start + a.length) * f.stepMs,
    kind: a.kind,
  }));
  return { source: `demo fleet: ${E} VMs × ${n} points`, names, offsets, times, values: f.values, truth, columns: { entity: 'vm', time: 'time', value: 'cpu' } };
}

/** A column as read from a file: numbers, strings, dates, bigints, or nulls. */
export type Column = ArrayLike<unknown>;

const TIME_NAMES = /^(time|timestamp|ts|date|datetime|t|_time|@timestamp|time_ms|epoch)$/i;
const ENTITY_NAMES = /^(entity|vm|host|hostname|id|name|series|key|group|instance|node|device|metric)$/i;

function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') return NaN;
    const x = Number(s);
    if (!Number.isNaN(x)) return x;
    const d = Date.parse(s);
    return Number.isNaN(d) ? NaN : d;
  }
  return NaN;
}

function kindOf(col: Column): 'number' | 'date' | 'string' {
  const n = Math.min(col.length, 50);
  let nums = 0;
  let dates = 0;
  for (let i = 0; i < n; i++) {
    const v = col[i];
    if (typeof v === 'number' || typeof v === 'bigint') nums++;
    else if (v instanceof Date) dates++;
    else if (typeof v === 'string') {
      const s = v.trim();
      if (s !== '' && !Number.isNaN(Number(s))) nums++;
      else if (/^\d{4}-\d\d-\d\d/.test(s) && !Number.isNaN(Date.parse(s))) dates++;
    }
  }
  if (dates > n / 2) return 'date';
  if (nums > n / 2) return 'number';
  return 'string';
}

/** Picks entity / time / value columns and builds the sorted long-format dataset. */
export function fromColumns(source: string, cols: Record<string, Column>): Dataset {
  const names = Object.keys(cols);
  if (names.length === 0) throw new Error(`${source}: no columns`);
  const rows = cols[names[0]].length;
  const kinds = Object.fromEntries(names.map((n) => [n, kindOf(cols[n])]));
  const time = names.find((n) => kinds[n] === 'date') ?? names.find((n) => TIME_NAMES.test(n) && kinds[n] === 'number') ?? null;
  const entity = names.find((n) => n !== time && ENTITY_NAMES.test(n)) ?? names.find((n) => n !== time && kinds[n] === 'string') ?? null;
  const value = names.find((n) => n !== time && n !== entity && kinds[n] === 'number');
  if (!value) throw new Error(`${source}: no numeric value column among ${names.join(', ')}`);

  const ids = new Map<string, number>();
  const entityNames: string[] = [];
  const ent = new Uint32Array(rows);
  const t = new Float64Array(rows);
  const v = new Float32Array(rows);
  const ec = entity ? cols[entity] : null;
  const tc = time ? cols[time] : null;
  const vc = cols[value];
  for (let i = 0; i < rows; i++) {
    const key = ec ? String(ec[i] ?? '') : 'all';
    let id = ids.get(key);
    if (id === undefined) {
      id = entityNames.length;
      ids.set(key, id);
      entityNames.push(key);
    }
    ent[i] = id;
    // Without a time column, rows are taken as one-second steps in file order.
    t[i] = tc ? toNumber(tc[i]) : i * 1000;
    v[i] = toNumber(vc[i]);
  }
  // Sort by (entity, time) through an index permutation.
  const order = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) order[i] = i;
  order.sort((a, b) => ent[a] - ent[b] || t[a] - t[b]);
  const E = entityNames.length;
  const offsets = new Uint32Array(E + 1);
  const times = new Float64Array(rows);
  const values = new Float32Array(rows);
  for (let k = 0; k < rows; k++) {
    const i = order[k];
    offsets[ent[i] + 1]++;
    times[k] = t[i];
    values[k] = v[i];
  }
  for (let e = 0; e < E; e++) offsets[e + 1] += offsets[e];
  return { source: `${source}: ${E} entities × ${rows} rows`, names: entityNames, offsets, times, values, truth: [], columns: { entity, time, value } };
}

/** RFC 4180-ish CSV (quoted fields, "" escapes, CRLF) with a header row, into columns of strings. */
export function parseCsv(text: string): Record<string, string[]> {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  if (rows.length === 0) throw new Error('CSV: empty file');
  const header = rows[0];
  const cols: Record<string, string[]> = {};
  header.forEach((h, j) => (cols[h || `column${j + 1}`] = rows.slice(1).map((r) => r[j] ?? '')));
  return cols;
}

/** First index in [lo, hi) with times[i] ≥ t. */
export function lowerBound(times: Float64Array, lo: number, hi: number, t: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function timeSpan(d: Dataset): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let e = 0; e + 1 < d.offsets.length; e++) {
    const a = d.offsets[e];
    const b = d.offsets[e + 1];
    if (b > a) {
      lo = Math.min(lo, d.times[a]);
      hi = Math.max(hi, d.times[b - 1]);
    }
  }
  return [lo, hi];
}
