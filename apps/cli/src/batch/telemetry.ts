/**
 * Per-stage telemetry of a batch run: wall ms, rows, bytes and the backend that did the work. The summary
 * table and the Prometheus file (prometheus.ts) are both printed from these records.
 */

export interface StageRecord {
  stage: string;
  ms: number;
  rows: number;
  bytes: number;
  /** Engine backend (webgpu / wasm / js), or 'io' / 'cpu' for work done in the CLI itself. */
  backend: string;
  note?: string;
}

const SETUP = new Set(['generate fleet', 'load model', 'read input', 'spill write', 'spill read']);

export class Telemetry {
  readonly stages: StageRecord[] = [];

  /** Times `fn`; it returns its rows/bytes/backend so the record is exact, not estimated. */
  async stage<T>(stage: string, fn: () => Promise<T> | T, describe: (result: T) => Partial<Omit<StageRecord, 'stage' | 'ms'>>): Promise<T> {
    const started = performance.now();
    const result = await fn();
    const ms = performance.now() - started;
    this.add({ stage, ms, rows: 0, bytes: 0, backend: 'cpu', ...describe(result) });
    return result;
  }

  /** Adds to an existing record of the same stage (chunked and partitioned runs call a stage many times). */
  add(record: StageRecord): void {
    const same = this.stages.find((s) => s.stage === record.stage);
    if (!same) {
      this.stages.push({ ...record });
      return;
    }
    same.ms += record.ms;
    same.rows += record.rows;
    same.bytes += record.bytes;
    if (!same.backend.split('+').includes(record.backend)) same.backend += `+${record.backend}`;
    if (record.note && same.note !== record.note) same.note = same.note ? `${same.note}; ${record.note}` : record.note;
  }

  get totalMs(): number {
    return this.stages.reduce((s, r) => s + r.ms, 0);
  }

  /** Stages between input and output: not reading/writing files, generating demo data or loading the model. */
  get computeMs(): number {
    return this.stages.filter((s) => s.backend !== 'io' && !SETUP.has(s.stage)).reduce((a, r) => a + r.ms, 0);
  }

  /** Fixed-width table for the summary. */
  table(): string {
    const rows = this.stages.map((s) => [s.stage, `${s.ms.toFixed(0)} ms`, s.rows.toLocaleString('en-US'), formatBytes(s.bytes), s.backend, s.note ?? '']);
    const head = ['stage', 'time', 'rows', 'bytes', 'backend', ''];
    const widths = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
    const line = (r: string[]) => r.map((c, j) => (j === 1 || j === 2 || j === 3 ? c.padStart(widths[j]) : c.padEnd(widths[j]))).join('  ').trimEnd();
    return [line(head), ...rows.map(line)].join('\n');
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}
