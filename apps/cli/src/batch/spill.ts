/**
 * Bounded-memory exact percentiles: when the input outgrows the memory budget, rows are hash-partitioned to
 * temporary files twice — by entity id (for per-entity percentiles, features, scores) and by time bucket (for
 * per-bucket percentiles). Every group then lives in exactly one partition, so a second pass that loads one
 * partition at a time and runs groupedPercentiles on it gives exact answers for every group. Partitions are
 * sized so one fits the budget; a group larger than the budget on its own is still loaded whole (noted).
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dataset } from './dataset.js';
import { forget, track } from './cleanup.js';
import { RowBuffer } from './rows.js';

export class Spill {
  readonly dir: string;
  private entityFds: number[];
  private bucketFds: number[];
  bytesWritten = 0;

  constructor(
    readonly partitions: number,
    private readonly metricNames: string[],
    private readonly bucketMs: number,
  ) {
    this.dir = mkdtempSync(join(tmpdir(), 'gpulse-spill-'));
    track(this.dir);
    const open = (kind: string, p: number) => openSync(join(this.dir, `${kind}-${p}.bin`), 'w');
    this.entityFds = Array.from({ length: partitions }, (_, p) => open('entity', p));
    this.bucketFds = Array.from({ length: partitions }, (_, p) => open('bucket', p));
  }

  write(entity: Uint32Array, time: Float64Array, values: Float64Array[]): void {
    const P = this.partitions;
    const byEntity = new Uint32Array(entity.length);
    const byBucket = new Uint32Array(entity.length);
    for (let i = 0; i < entity.length; i++) {
      byEntity[i] = entity[i] % P;
      // Absolute bucket index, so the partition does not depend on an origin seen only at the end.
      byBucket[i] = ((Math.floor(time[i] / this.bucketMs) % P) + P) % P;
    }
    for (let p = 0; p < P; p++) {
      this.block(this.entityFds[p], entity, time, values, byEntity, p);
      this.block(this.bucketFds[p], entity, time, values, byBucket, p);
    }
  }

  /** One block: [rows u32, pad u32][entity u32 × rows, padded to 8][time f64 × rows][metric f64 × rows]…. */
  private block(fd: number, entity: Uint32Array, time: Float64Array, values: Float64Array[], part: Uint32Array, p: number): void {
    let rows = 0;
    for (let i = 0; i < part.length; i++) if (part[i] === p) rows++;
    if (rows === 0) return;
    const padded = rows + (rows & 1);
    const buf = new ArrayBuffer(8 + padded * 4 + rows * 8 * (1 + values.length));
    new Uint32Array(buf, 0, 2)[0] = rows;
    const e = new Uint32Array(buf, 8, rows);
    const cols = [time, ...values].map((_, k) => new Float64Array(buf, 8 + padded * 4 + k * rows * 8, rows));
    for (let i = 0, r = 0; i < part.length; i++) {
      if (part[i] !== p) continue;
      e[r] = entity[i];
      cols[0][r] = time[i];
      for (let j = 0; j < values.length; j++) cols[j + 1][r] = values[j][i];
      r++;
    }
    writeSync(fd, new Uint8Array(buf));
    this.bytesWritten += buf.byteLength;
  }

  /** Closes the files; call once the input is fully read. */
  seal(): void {
    for (const fd of [...this.entityFds, ...this.bucketFds]) closeSync(fd);
  }

  read(kind: 'entity' | 'bucket', p: number): { ds: Dataset; bytes: number } {
    const file = readFileSync(join(this.dir, `${kind}-${p}.bin`));
    const bytes = file.byteLength;
    // Copy out of Node's pooled buffer so the typed views are aligned.
    const data = new Uint8Array(bytes);
    data.set(file);
    const buf = data.buffer;
    const rows = new RowBuffer(this.metricNames);
    for (let at = 0; at < bytes; ) {
      const n = new Uint32Array(buf, at, 1)[0];
      const padded = n + (n & 1);
      const e = new Uint32Array(buf, at + 8, n);
      const cols = Array.from({ length: 1 + this.metricNames.length }, (_, k) => new Float64Array(buf, at + 8 + padded * 4 + k * n * 8, n));
      rows.append(e, cols[0], cols.slice(1));
      at += 8 + padded * 4 + n * 8 * cols.length;
    }
    return { ds: rows.finish(), bytes };
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
    forget(this.dir);
  }
}
