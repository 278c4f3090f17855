/**
 * Calibration probe for quantize-on-load: runs the float plan and the quantized plan on the same input
 * and reports how far each output moved. The input is seeded standard-normal noise shaped like the
 * model's inputs (symbolic dims from `dims`, default 1) unless the caller passes real `feeds`, which
 * give a more representative number.
 */
import { invalidArgument } from '../errors.js';
import { isFloat } from './dtype.js';
import type { ValueInfo } from './graph.js';
import { execute, type Plan } from './plan.js';
import { fromNumbers, numericView, type Tensor } from './tensor.js';

export interface ProbeOptions {
  seed?: number;
  /** Values for symbolic dims (by dim_param name); unknown ones are 1. */
  dims?: Record<string, number>;
  /** Random inputs to run (default 4; seeds seed, seed+1000, …); ignored with feeds. */
  runs?: number;
  /** Validated input tensors in graph input order (replaces the random input). */
  feeds?: Tensor[];
}

export interface OutputDrift {
  /** max |quantized − float| */
  maxAbs: number;
  meanAbs: number;
  /** ‖quantized − float‖₂ / ‖float‖₂ */
  relL2: number;
  /** max |float| for scale. */
  floatMaxAbs: number;
}

export interface DriftReport {
  input: 'seeded-normal' | 'caller-feeds';
  seed?: number;
  runs: number;
  inputDims: Record<string, number[]>;
  outputs: Record<string, OutputDrift>;
}

/** mulberry32: tiny, seedable, good enough for probe noise. */
function uniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seededNormal(n: number, seed: number): Float64Array {
  const u = uniform(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Box–Muller; 1 − u keeps the log argument in (0, 1].
    out[i] = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  }
  return out;
}

export function probeInputs(inputs: readonly ValueInfo[], seed: number, dims: Record<string, number> = {}): Tensor[] {
  return inputs.map((v, i) => {
    if (!isFloat(v.type)) throw invalidArgument(`probe: input '${v.name}' is ${v.type}; pass probe feeds`);
    if (!v.dims) throw invalidArgument(`probe: input '${v.name}' has unknown rank; pass probe feeds`);
    const shape = v.dims.map((d) => (typeof d === 'number' ? d : (d !== null ? dims[d] : undefined) ?? 1));
    const n = shape.reduce((p, d) => p * d, 1);
    return fromNumbers(v.type, shape, seededNormal(n, seed + i));
  });
}

export function probeDrift(floatPlan: Plan, quantPlan: Plan, opts: ProbeOptions): DriftReport {
  const seed = opts.seed ?? 42;
  const runs = opts.feeds ? 1 : Math.max(1, opts.runs ?? 4);
  const outs = floatPlan.graph.outputs;
  const acc = outs.map(() => ({ maxAbs: 0, sumAbs: 0, sq: 0, ref2: 0, floatMaxAbs: 0, n: 0 }));
  let feeds: Tensor[] = [];
  for (let r = 0; r < runs; r++) {
    feeds = opts.feeds ?? probeInputs(floatPlan.graph.inputs, seed + 1000 * r, opts.dims);
    const ref = execute(floatPlan, feeds);
    const got = execute(quantPlan, feeds);
    outs.forEach((_, i) => {
      const a = numericView(ref[i]);
      const b = numericView(got[i]);
      const s = acc[i];
      for (let k = 0; k < a.length; k++) {
        const d = Math.abs(b[k] - a[k]);
        s.maxAbs = Math.max(s.maxAbs, d);
        s.sumAbs += d;
        s.sq += d * d;
        s.ref2 += a[k] * a[k];
        s.floatMaxAbs = Math.max(s.floatMaxAbs, Math.abs(a[k]));
      }
      s.n += a.length;
    });
  }
  const outputs: Record<string, OutputDrift> = {};
  outs.forEach((o, i) => {
    const s = acc[i];
    const relL2 = s.ref2 > 0 ? Math.sqrt(s.sq / s.ref2) : Math.sqrt(s.sq);
    outputs[o.name] = { maxAbs: s.maxAbs, meanAbs: s.sumAbs / Math.max(s.n, 1), relL2, floatMaxAbs: s.floatMaxAbs };
  });
  const inputDims = Object.fromEntries(floatPlan.graph.inputs.map((v, i) => [v.name, [...feeds[i].dims]]));
  return opts.feeds
    ? { input: 'caller-feeds', runs, inputDims, outputs }
    : { input: 'seeded-normal', seed, runs, inputDims, outputs };
}
