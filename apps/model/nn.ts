/**
 * A small dense autoencoder and its trainer: float64, plain loops, seeded PRNG, Adam, mini-batches, MSE.
 * Deterministic: same data + same config → bit-identical weights (no threads, no Math.random, fixed order).
 * Browser-safe (no Node imports).
 */
import { mulberry32 } from '../shared/random.js';
export { mulberry32 };

export interface Layer {
  /** in × out, row-major (W[i·out + o]), so y = x·W + b — the ONNX MatMul layout. */
  w: Float64Array;
  b: Float64Array;
  inDim: number;
  outDim: number;
  relu: boolean;
}

export interface TrainConfig {
  /** Hidden sizes between input and output, e.g. [32, 8, 32] (the middle one is the bottleneck, linear). */
  hidden: number[];
  epochs: number;
  batch: number;
  lr: number;
  seed: number;
  /** L2 weight decay added to the gradient. */
  weightDecay?: number;
}


function normal(rand: () => number): number {
  const u = 1 - rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** He-normal init for ReLU layers, Glorot-normal for linear ones; biases 0. */
export function initAutoencoder(dim: number, hidden: number[], seed: number): Layer[] {
  const rand = mulberry32(seed);
  const sizes = [dim, ...hidden, dim];
  const mid = Math.floor(hidden.length / 2);
  const layers: Layer[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const inDim = sizes[l];
    const outDim = sizes[l + 1];
    // Hidden layers use ReLU except the bottleneck (index mid) and the output layer.
    const relu = l < hidden.length && l !== mid;
    const std = relu ? Math.sqrt(2 / inDim) : Math.sqrt(2 / (inDim + outDim));
    const w = new Float64Array(inDim * outDim);
    for (let i = 0; i < w.length; i++) w[i] = std * normal(rand);
    layers.push({ w, b: new Float64Array(outDim), inDim, outDim, relu });
  }
  return layers;
}

/** Forward pass for `rows` rows of x (rows × inDim). Returns every layer's activation (index 0 = x). */
export function forward(layers: Layer[], x: Float64Array, rows: number): Float64Array[] {
  const acts = [x];
  let a = x;
  for (const L of layers) {
    const y = new Float64Array(rows * L.outDim);
    for (let r = 0; r < rows; r++) {
      const yo = r * L.outDim;
      for (let o = 0; o < L.outDim; o++) y[yo + o] = L.b[o];
      for (let i = 0; i < L.inDim; i++) {
        const v = a[r * L.inDim + i];
        if (v === 0) continue;
        const wo = i * L.outDim;
        for (let o = 0; o < L.outDim; o++) y[yo + o] += v * L.w[wo + o];
      }
      if (L.relu) for (let o = 0; o < L.outDim; o++) if (y[yo + o] < 0) y[yo + o] = 0;
    }
    acts.push(y);
    a = y;
  }
  return acts;
}

/** Mean squared reconstruction error per row. */
export function reconstructionError(layers: Layer[], x: Float64Array, rows: number): Float64Array {
  const acts = forward(layers, x, rows);
  const out = acts[acts.length - 1];
  const dim = layers[0].inDim;
  const err = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let f = 0; f < dim; f++) {
      const d = x[r * dim + f] - out[r * dim + f];
      s += d * d;
    }
    err[r] = s / dim;
  }
  return err;
}

export interface TrainLog {
  epoch: number;
  loss: number;
}

/** Trains an autoencoder on `data` (rows × dim). */
export function trainAutoencoder(data: Float64Array, rows: number, dim: number, cfg: TrainConfig, log?: (l: TrainLog) => void): Layer[] {
  const layers = initAutoencoder(dim, cfg.hidden, cfg.seed);
  const rand = mulberry32(cfg.seed ^ 0x9e3779b9);
  const b1 = 0.9, b2 = 0.999, eps = 1e-8;
  const wd = cfg.weightDecay ?? 0;
  const m = layers.map((L) => ({ w: new Float64Array(L.w.length), b: new Float64Array(L.b.length) }));
  const v = layers.map((L) => ({ w: new Float64Array(L.w.length), b: new Float64Array(L.b.length) }));
  const g = layers.map((L) => ({ w: new Float64Array(L.w.length), b: new Float64Array(L.b.length) }));
  const order = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) order[i] = i;
  let step = 0;
  const xb = new Float64Array(cfg.batch * dim);
  for (let epoch = 0; epoch < cfg.epochs; epoch++) {
    // Fisher–Yates with the seeded PRNG.
    for (let i = rows - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    let lossSum = 0;
    for (let start = 0; start < rows; start += cfg.batch) {
      const n = Math.min(cfg.batch, rows - start);
      for (let r = 0; r < n; r++) xb.set(data.subarray(order[start + r] * dim, (order[start + r] + 1) * dim), r * dim);
      const x = xb.subarray(0, n * dim);
      const acts = forward(layers, x, n);
      const out = acts[acts.length - 1];
      // dLoss/dOut for loss = mean over rows and features of (out − x)².
      let delta = new Float64Array(n * dim);
      const scale = 2 / (n * dim);
      for (let i = 0; i < n * dim; i++) {
        const d = out[i] - x[i];
        lossSum += d * d;
        delta[i] = scale * d;
      }
      for (let l = layers.length - 1; l >= 0; l--) {
        const L = layers[l];
        const a = acts[l];
        const G = g[l];
        G.w.fill(0);
        G.b.fill(0);
        for (let r = 0; r < n; r++) {
          for (let o = 0; o < L.outDim; o++) G.b[o] += delta[r * L.outDim + o];
          for (let i = 0; i < L.inDim; i++) {
            const ai = a[r * L.inDim + i];
            if (ai === 0) continue;
            const wo = i * L.outDim;
            for (let o = 0; o < L.outDim; o++) G.w[wo + o] += ai * delta[r * L.outDim + o];
          }
        }
        if (l > 0) {
          const prev = new Float64Array(n * L.inDim);
          const reluPrev = layers[l - 1].relu;
          for (let r = 0; r < n; r++) {
            for (let i = 0; i < L.inDim; i++) {
              if (reluPrev && a[r * L.inDim + i] <= 0) continue;
              let s = 0;
              const wo = i * L.outDim;
              for (let o = 0; o < L.outDim; o++) s += L.w[wo + o] * delta[r * L.outDim + o];
              prev[r * L.inDim + i] = s;
            }
          }
          delta = prev;
        }
      }
      step++;
      const c1 = 1 - Math.pow(b1, step);
      const c2 = 1 - Math.pow(b2, step);
      for (let l = 0; l < layers.length; l++) {
        for (const k of ['w', 'b'] as const) {
          const p = layers[l][k], gm = g[l][k], mm = m[l][k], vv = v[l][k];
          for (let i = 0; i < p.length; i++) {
            const gi = gm[i] + (k === 'w' ? wd * p[i] : 0);
            mm[i] = b1 * mm[i] + (1 - b1) * gi;
            vv[i] = b2 * vv[i] + (1 - b2) * gi * gi;
            p[i] -= (cfg.lr * (mm[i] / c1)) / (Math.sqrt(vv[i] / c2) + eps);
          }
        }
      }
    }
    log?.({ epoch, loss: lossSum / (rows * dim) });
  }
  return layers;
}
