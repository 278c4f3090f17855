/**
 * Trains the built-in anomaly model and writes apps/model/anomaly-model.int8.onnx.
 *   npm run train:model            (node --import tsx apps/model/train.ts)
 *
 * Data: a generated fleet (apps/shared/fleet-generator.ts, seed TRAIN_SEED — not the evaluation seeds), every
 * VM cut into 1-day windows, each window a robust-z fast-feature vector (features-for-model.ts). Unsupervised:
 * the injected-anomaly truth is not used; anomalous windows (~2 % of windows) stay in the training set.
 * Model: dense autoencoder D → 32 → 4 → 32 → D (ReLU, linear bottleneck and output), Adam, MSE, seeded.
 * Reproducible: same config → bit-identical float64 weights → identical ONNX bytes (JS feature backend).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createEngine } from '../../engine/index.js';
import { generateFleet } from '../shared/fleet-generator.js';
import { FEATURE_DIM, LAGS, FEATURE_NAMES, WINDOW, CLIP, windowVectors } from './features-for-model.js';
import { trainAutoencoder, type Layer, type TrainConfig } from './nn.js';
import { exportOnnx, quantizeLayer, type QuantizedLayer } from './export-onnx.js';

export interface ModelTrainConfig extends TrainConfig {
  fleetSeed: number;
  vms: number;
  days: number;
}

export const DEFAULT_CONFIG: ModelTrainConfig = {
  fleetSeed: 1,
  vms: 2000,
  days: 14,
  hidden: [32, 4, 32],
  epochs: 12,
  batch: 128,
  lr: 2e-3,
  weightDecay: 1e-4,
  seed: 20261123,
};

export const MODEL_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), 'anomaly-model.int8.onnx');

export interface Trained {
  layers: Layer[];
  quantized: QuantizedLayer[];
  bytes: Uint8Array;
  rows: number;
}

export async function trainModel(cfg: ModelTrainConfig = DEFAULT_CONFIG, log?: (line: string) => void): Promise<Trained> {
  const fleet = generateFleet({ vms: cfg.vms, days: cfg.days, seed: cfg.fleetSeed });
  const engine = createEngine({ backend: 'js', workers: 0 });
  try {
    const w = await windowVectors(engine, fleet.values, { pointsPerSeries: fleet.pointsPerVm }, 'js');
    const rows = w.x.length / FEATURE_DIM;
    log?.(`training windows: ${rows} (${cfg.vms} VMs × ${w.windowsPerSeries[0]} days), ${FEATURE_DIM} features`);
    const layers = trainAutoencoder(Float64Array.from(w.x), rows, FEATURE_DIM, cfg, (l) => log?.(`epoch ${l.epoch + 1}/${cfg.epochs}: loss ${l.loss.toFixed(5)}`));
    const quantized = layers.map(quantizeLayer);
    const { fleetSeed, vms, days, hidden, epochs, batch, lr, weightDecay, seed } = cfg;
    const bytes = exportOnnx(quantized, {
      'gpulse.features': FEATURE_NAMES.join(','),
      'gpulse.window': String(WINDOW),
      'gpulse.lags': LAGS.join(','),
      'gpulse.normalization': `per-series robust z (median, 1.4826·MAD), signed log1p, clip ±${CLIP}`,
      'gpulse.train': JSON.stringify({ fleetSeed, vms, days, hidden, epochs, batch, lr, weightDecay, seed }),
    });
    return { layers, quantized, bytes, rows };
  } finally {
    engine.dispose();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const t0 = performance.now();
  const r = await trainModel(DEFAULT_CONFIG, (l) => console.log(l));
  writeFileSync(MODEL_PATH, r.bytes);
  const params = r.quantized.reduce((s, L) => s + L.q.length + L.b.length, 0);
  console.log(`wrote ${path.relative(process.cwd(), MODEL_PATH)}: ${r.bytes.length} bytes, ${params} parameters, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
