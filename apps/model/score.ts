/**
 * Scores a fleet (or any batch of series) with the anomaly model. Browser-safe: no Node imports.
 *
 *   const model = await engine.loadModel(bytes);             // apps/model/anomaly-model.int8.onnx
 *   const r = await scoreFleet(engine, fleet.values, { pointsPerSeries: fleet.pointsPerVm, model });
 *   r.seriesScores[v]   // VM v's anomaly score: the highest score of its 1-day windows (NaN if < 1 window)
 *   r.worstWindow[v]    // which window (row into r.windowScores / r.windows.windowStart) gave it
 *
 * Scores are mean squared reconstruction errors of the robust-z feature vectors: unitless, comparable
 * across VMs of one call; rank them (higher = more anomalous) rather than reading an absolute threshold.
 */
import type { Engine, Model } from '../../engine/index.js';
import { FEATURE_DIM, FEATURE_NAMES, windowVectors, type SeriesLayout, type WindowVectors } from './features-for-model.js';

export interface ScoreOptions {
  /** The loaded model, or its bytes (loaded here with engine.loadModel and disposed after). */
  model: Model | Uint8Array;
  /** Backend for the feature pass (default: the engine's choice). */
  featuresBackend?: 'js' | 'wasm' | 'webgpu' | 'auto';
}

export interface FleetScores {
  /** Per series: max window score (NaN when the series is shorter than one window). */
  seriesScores: Float32Array;
  /** Per series: the index of its highest-scoring window (global window row), −1 if none. */
  worstWindow: Int32Array;
  /** Per window: the model score. */
  windowScores: Float32Array;
  /** Per window × feature: squared reconstruction error (which features drove the score). */
  windowErrors: Float32Array;
  featureNames: readonly string[];
  windows: WindowVectors;
}

export async function scoreWindows(model: Model, x: Float32Array): Promise<{ score: Float32Array; error: Float32Array }> {
  const n = x.length / FEATURE_DIM;
  if (n === 0) return { score: new Float32Array(0), error: new Float32Array(0) };
  const out = await model.run({ x: { data: x, dims: [n, FEATURE_DIM] } });
  return { score: out.score.data as Float32Array, error: out.error.data as Float32Array };
}

export async function scoreFleet(engine: Engine, values: Float32Array | Float64Array, layout: SeriesLayout & ScoreOptions): Promise<FleetScores> {
  const windows = await windowVectors(engine, values, layout, layout.featuresBackend);
  const owned = layout.model instanceof Uint8Array;
  const model = owned ? await engine.loadModel(layout.model as Uint8Array) : (layout.model as Model);
  try {
    const { score, error } = await scoreWindows(model, windows.x);
    const count = windows.windowsPerSeries.length;
    const seriesScores = new Float32Array(count).fill(NaN);
    const worstWindow = new Int32Array(count).fill(-1);
    for (let i = 0; i < count; i++) {
      for (let k = 0; k < windows.windowsPerSeries[i]; k++) {
        const w = windows.firstWindow[i] + k;
        if (!(score[w] <= seriesScores[i])) (seriesScores[i] = score[w], worstWindow[i] = w);
      }
    }
    return { seriesScores, worstWindow, windowScores: score, windowErrors: error, featureNames: FEATURE_NAMES, windows };
  } finally {
    if (owned) model.dispose();
  }
}
