/**
 * Anomaly scores: model input vectors are built per pass (per spill partition), and the model runs once per
 * metric over all of them at the end: a few large runs instead of one per partition, and the ranking needs
 * every entity's score anyway. The model scores windows independently, so chunking does not change a score.
 */
import type { Engine, Model } from '../../../../engine/index.js';
import { windowVectors } from '../../../model/features-for-model.js';
import { scoreWindows } from '../../../model/score.js';
import type { BatchResults } from './results.js';
import type { Telemetry } from './telemetry.js';

interface Part {
  entity: string;
  metric: string;
  windows: number;
}

export class ScoreCollector {
  private x = new Map<string, Float32Array[]>();
  private parts = new Map<string, Part[]>();

  constructor(private readonly model: Model) {}

  /** Window vectors of every series of one pass: values in series order, split by offsets or a fixed length. */
  async add(engine: Engine, values: Float32Array | Float64Array, shape: { pointsPerSeries: number } | { offsets: ArrayLike<number> }, entities: string[], metric: string, t: Telemetry): Promise<void> {
    const w = await t.stage('model features', () => windowVectors(engine, values, shape), (w) => ({ rows: values.length, bytes: w.x.byteLength, backend: engine.core.backend }));
    if (!this.x.has(metric)) (this.x.set(metric, []), this.parts.set(metric, []));
    this.x.get(metric)!.push(w.x);
    const parts = this.parts.get(metric)!;
    entities.forEach((entity, i) => parts.push({ entity, metric, windows: w.windowsPerSeries[i] }));
  }

  /** Runs the model once; a series' score is its worst window's (NaN with no full window). */
  async finish(out: BatchResults, t: Telemetry): Promise<void> {
    if (!out.scores) return;
    for (const [metric, xs] of this.x) {
      const x = new Float32Array(xs.reduce((s, a) => s + a.length, 0));
      let at = 0;
      for (const a of xs) (x.set(a, at), (at += a.length));
      const model = this.model;
      const { score } = await t.stage('anomaly scores', () => scoreWindows(model, x), (r) => ({ rows: r.score.length, bytes: x.byteLength, backend: model.backend }));
      let w = 0;
      for (const p of this.parts.get(metric)!) {
        let best = NaN;
        for (let k = 0; k < p.windows; k++, w++) if (!(score[w] <= best)) best = score[w];
        out.scores.push([p.entity, p.metric, best, 0]);
      }
    }
  }
}
