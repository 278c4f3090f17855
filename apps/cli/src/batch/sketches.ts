/**
 * --approx: one DDSketch per entity and per time bucket, built chunk by chunk with engine.groupedSketch and
 * merged with SketchSet.mergeAll, so percentiles need one pass and memory proportional to groups, not rows.
 */
import { SketchSet, type Engine } from '../../../../engine/index.js';
import type { BatchResults } from './results.js';
import type { Telemetry } from './telemetry.js';

export class SketchAccumulator {
  private entity: (SketchSet | undefined)[];
  private bucket: (SketchSet | undefined)[];
  /** Bucket keys are absolute bucket indexes minus this base (uint32 keys; the base leaves room before the first chunk). */
  private base: number | undefined;

  constructor(
    private readonly engine: Engine,
    private readonly metrics: string[],
    private readonly bucketMs: number,
    private readonly signal?: AbortSignal,
  ) {
    this.entity = metrics.map(() => undefined);
    this.bucket = metrics.map(() => undefined);
  }

  async add(entity: Uint32Array, time: Float64Array, values: Float64Array[], t: Telemetry): Promise<void> {
    this.base ??= Math.floor(time[0] / this.bucketMs) - 2 ** 30;
    const keys = new Uint32Array(time.length);
    for (let i = 0; i < time.length; i++) keys[i] = Math.floor(time[i] / this.bucketMs) - this.base;
    for (let j = 0; j < this.metrics.length; j++) {
      const merge = (prev: SketchSet | undefined, next: SketchSet) => (prev ? SketchSet.mergeAll([prev, next]) : next);
      const e = await t.stage('per-entity sketches', () => this.engine.groupedSketch(values[j], entity, { signal: this.signal }), (s) => ({ rows: entity.length, bytes: values[j].byteLength, backend: s.backend }));
      this.entity[j] = merge(this.entity[j], e);
      const b = await t.stage('per-bucket sketches', () => this.engine.groupedSketch(values[j], keys, { signal: this.signal }), (s) => ({ rows: keys.length, bytes: values[j].byteLength, backend: s.backend }));
      this.bucket[j] = merge(this.bucket[j], b);
    }
  }

  finish(out: BatchResults, names: string[], q: number[]): void {
    const k = q.length;
    this.metrics.forEach((metric, j) => {
      const e = this.entity[j];
      if (e) {
        const v = e.quantiles(q);
        for (let g = 0; g < e.size; g++) out.entityPercentiles.push([names[e.keys[g]], metric, e.counts[g], ...v.subarray(g * k, (g + 1) * k)]);
      }
      const b = this.bucket[j];
      if (b) {
        const v = b.quantiles(q);
        for (let g = 0; g < b.size; g++) out.bucketPercentiles.push([new Date((b.keys[g] + this.base!) * this.bucketMs), metric, b.counts[g], ...v.subarray(g * k, (g + 1) * k)]);
      }
    });
  }
}
