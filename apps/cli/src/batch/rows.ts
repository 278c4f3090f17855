/** Growable columns of input rows (entity id, time, metrics), the in-memory side of the pipeline. */
import { GrowableFloat64, GrowableUint32 } from '../growable.js';
import type { Dataset } from './dataset.js';

export class RowBuffer {
  private entity = new GrowableUint32();
  private time = new GrowableFloat64();
  private metrics: GrowableFloat64[];
  constructor(private readonly names: string[]) {
    this.metrics = names.map(() => new GrowableFloat64());
  }

  get rows(): number {
    return this.entity.length;
  }

  append(entity: Uint32Array, time: Float64Array, values: Float64Array[], pick?: (i: number) => boolean): void {
    for (let i = 0; i < entity.length; i++) {
      if (pick && !pick(i)) continue;
      this.entity.push(entity[i]);
      this.time.push(time[i]);
      for (let j = 0; j < values.length; j++) this.metrics[j].push(values[j][i]);
    }
  }

  finish(): Dataset {
    return { entity: this.entity.finish(), timeMs: this.time.finish(), metrics: this.metrics.map((m, j) => ({ name: this.names[j], values: m.finish() })) };
  }
}

/** Bytes per row in memory: entity u32 + time f64 + one f64 per metric. */
export const rowBytes = (metrics: number) => 4 + 8 + 8 * metrics;
