/** Batch test fixtures: one small seeded fleet written as CSV, Arrow IPC and Parquet (same rows, same order). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { parquetWriteFile } from 'hyparquet-writer';
import { generateFleet } from '../../apps/shared/fleet-generator.js';

export interface FleetRows {
  vm: string[];
  ts: number[];
  cpu: number[];
  /** A second metric, so multi-column inputs are covered. */
  mem: number[];
}

/** Rows interleaved by time (all VMs at t0, then t1 …), as a metrics export would be. */
export function fleetRows(vms = 12, days = 2): FleetRows {
  const f = generateFleet({ vms, days, seed: 7 });
  const n = f.pointsPerVm;
  const rows: FleetRows = { vm: [], ts: [], cpu: [], mem: [] };
  for (let i = 0; i < n; i++) {
    for (let v = 0; v < vms; v++) {
      rows.vm.push(`vm-${v}`);
      rows.ts.push(f.startMs + i * f.stepMs);
      // Rounded to 3 decimals so CSV text and binary formats carry the very same doubles.
      rows.cpu.push(Math.round(f.values[v * n + i] * 1000) / 1000);
      rows.mem.push(Math.round((30 + ((v * 7 + i) % 50)) * 100) / 100);
    }
  }
  return rows;
}

export function writeCsv(dir: string, r: FleetRows, name = 'fleet.csv'): string {
  const lines = ['vm,ts,cpu,mem'];
  for (let i = 0; i < r.vm.length; i++) lines.push(`${r.vm[i]},${new Date(r.ts[i]).toISOString()},${r.cpu[i]},${r.mem[i]}`);
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Arrow IPC file with epoch-millisecond timestamps as float64 (the reader's epoch path). */
export function writeArrow(dir: string, r: FleetRows, name = 'fleet.arrow'): string {
  const table = tableFromArrays({ vm: r.vm, ts: Float64Array.from(r.ts), cpu: Float64Array.from(r.cpu), mem: Float64Array.from(r.mem) });
  const path = join(dir, name);
  writeFileSync(path, tableToIPC(table, 'file'));
  return path;
}

/** Parquet with a TIMESTAMP (millis) column and small row groups, so the reader walks several. */
export function writeParquet(dir: string, r: FleetRows, name = 'fleet.parquet'): string {
  const path = join(dir, name);
  parquetWriteFile({
    filename: path,
    rowGroupSize: 1000,
    columnData: [
      { name: 'vm', data: r.vm, type: 'STRING' },
      { name: 'ts', data: r.ts.map((t) => new Date(t)), type: 'TIMESTAMP' },
      { name: 'cpu', data: Float64Array.from(r.cpu), type: 'DOUBLE' },
      { name: 'mem', data: Float64Array.from(r.mem), type: 'DOUBLE' },
    ],
  });
  return path;
}
