/** Static activation ranges for the QLinearMatMul form of the benchmark MLP, from a float pass on seeded rows. */
import { mlpForward, mlpInput, type Layer } from './mlp-models.js';

/** uint8 scale and zero point covering [lo, hi] (and 0). */
export function affine(lo: number, hi: number): [number, number] {
  const a = Math.min(0, lo);
  const b = Math.max(0, hi);
  const s = Math.fround((b - a) / 255 || 1);
  return [s, Math.max(0, Math.min(255, Math.round(-a / s)))];
}

/** Per layer: range of the pre-activation (QLinearMatMul output) and of the layer output, on 256 seeded rows. */
export function calibrate(layers: Layer[]): { lo: number; hi: number; preLo: number; preHi: number }[] {
  const batch = 256;
  const x = mlpInput(batch, 99);
  const outs = mlpForward(layers, x, batch);
  return layers.map((l, i) => {
    let lo = 0;
    let hi = 0;
    for (const v of outs[i]) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    // The pre-activation range: take the output range widened by the bias spread (pre ≈ out before ReLU).
    const bmin = Math.min(...l.b);
    return { lo, hi, preLo: i === layers.length - 1 ? lo : -hi + Math.min(0, bmin), preHi: hi };
  });
}

