/**
 * A deterministic fleet of VM metrics for `npm start`, the dashboard demo and the benchmarks: per VM a CPU-like
 * series of 5-minute points with daily and weekly seasonality, noise, and injected anomalies (spikes, level
 * shifts, slow drifts, flatlines) whose truth is kept. Browser-safe (no Node imports); seeded, so every run and
 * every runtime produces the same numbers.
 */
import { mulberry32 } from './random.js';

export type AnomalyKind = 'spike' | 'level-shift' | 'drift' | 'flatline';

export interface InjectedAnomaly {
  vm: number;
  kind: AnomalyKind;
  /** Point index where it starts, and how many points it covers. */
  start: number;
  length: number;
}

export interface Fleet {
  vms: number;
  pointsPerVm: number;
  stepMs: number;
  startMs: number;
  /** vms × pointsPerVm, row-major: VM v's series is values[v·pointsPerVm … (v+1)·pointsPerVm). */
  values: Float32Array;
  anomalies: InjectedAnomaly[];
}

export interface FleetOptions {
  vms?: number;
  days?: number;
  stepMinutes?: number;
  /** Fraction of VMs that get one injected anomaly. */
  anomalyRate?: number;
  seed?: number;
  startMs?: number;
}


const KINDS: AnomalyKind[] = ['spike', 'level-shift', 'drift', 'flatline'];

export function generateFleet(options: FleetOptions = {}): Fleet {
  const vms = options.vms ?? 2000;
  const days = options.days ?? 14;
  const stepMinutes = options.stepMinutes ?? 5;
  const perDay = Math.round((24 * 60) / stepMinutes);
  const n = days * perDay;
  const rand = mulberry32(options.seed ?? 42);
  const values = new Float32Array(vms * n);
  const anomalies: InjectedAnomaly[] = [];
  const rate = options.anomalyRate ?? 0.05;
  for (let v = 0; v < vms; v++) {
    const base = 20 + 40 * rand();
    const daily = 5 + 15 * rand();
    const weekly = 2 + 6 * rand();
    const noise = 1 + 3 * rand();
    const phase = 2 * Math.PI * rand();
    const row = values.subarray(v * n, (v + 1) * n);
    for (let i = 0; i < n; i += 2) {
      // Box–Muller gives two normals per pair of uniforms.
      const r = Math.sqrt(-2 * Math.log(1 - rand()));
      const a = 2 * Math.PI * rand();
      for (let k = 0; k < 2 && i + k < n; k++) {
        const t = i + k;
        const z = k === 0 ? r * Math.cos(a) : r * Math.sin(a);
        const d = Math.sin((2 * Math.PI * t) / perDay + phase);
        const w = Math.sin((2 * Math.PI * t) / (7 * perDay));
        row[t] = base + daily * d + weekly * w + noise * z;
      }
    }
    if (rand() < rate) anomalies.push(inject(row, v, perDay, noise, rand));
  }
  return { vms, pointsPerVm: n, stepMs: stepMinutes * 60_000, startMs: options.startMs ?? Date.UTC(2026, 0, 5), values, anomalies };
}

function inject(row: Float32Array, vm: number, perDay: number, noise: number, rand: () => number): InjectedAnomaly {
  const n = row.length;
  const kind = KINDS[Math.floor(rand() * KINDS.length)];
  const size = (8 + 8 * rand()) * noise;
  // Spikes last minutes, flatlines a day, drifts a quarter of the window; level shifts hold to the end.
  const want = kind === 'spike' ? 3 + Math.floor(rand() * 6) : kind === 'flatline' ? perDay : Math.floor(n / 4);
  const start = Math.floor(perDay + rand() * (n - want - perDay));
  const length = kind === 'level-shift' ? n - start : want;
  const held = row[start];
  for (let i = start; i < n; i++) {
    const k = i - start;
    if (kind === 'spike') { if (k < length) row[i] += size * 3; }
    else if (kind === 'level-shift') row[i] += size;
    else if (kind === 'drift') row[i] += k < length ? (size * 2 * k) / length : size * 2;
    else if (k < length) row[i] = held;
  }
  return { vm, kind, start, length };
}
