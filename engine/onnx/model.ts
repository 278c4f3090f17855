/**
 * loadModel: decode (onnx-proto) -> validate (graph.ts) -> fold constants -> quantize weights (optional)
 * -> plan. Every failure is a GpulseError naming the node, op, initializer or input at fault.
 */
import { GpulseError } from '../errors.js';
import { decodeModel, longToNumber } from './decode.js';
import type { DType, TensorData } from './dtype.js';
import { located } from './errors.js';
import { validateFeeds, type TensorLike } from './feeds.js';
import { foldConstants } from './fold.js';
import { buildGraph, type Graph, type ValueInfo } from './graph.js';
import { execute, makePlan, type Plan } from './plan.js';
import { probeDrift, type DriftReport, type ProbeOptions } from './probe.js';
import { quantizeGraph, type QuantizeMode } from './quantize.js';
import { buildSummary, type ModelSummary, type QuantizationSummary } from './summary.js';
import { MAX_TENSOR_ELEMENTS, type Tensor } from './tensor.js';
import { checkBackendChoice, compileBackend, type CompiledModel, type ModelRuntime } from './backends/compile.js';
import { withBackend } from './backends/summary-backend.js';
import type { ModelBackend, ModelBackendChoice } from './backends/types.js';

export interface LoadOptions {
  /** Weight quantization applied at load (default 'none'). */
  quantize?: QuantizeMode;
  /**
   * Drift probe run at load when quantizing (default: on, 4 seeded standard-normal inputs from seed 42,
   * symbolic dims 1). `false` skips it; `feeds` replaces the random input with real data.
   */
  probe?: false | { seed?: number; runs?: number; dims?: Record<string, number>; feeds?: Record<string, TensorLike> };
  /** Largest initializer or feed, in elements (default 2^28). */
  maxTensorElements?: number;
  /**
   * Where the plan runs (default 'js', the reference): 'wasm' (SIMD kernels, fused GEMM chains), 'webgpu'
   * (GPU-resident chains), or 'auto' (hardware WebGPU, else WASM, else JS). Nodes a backend has no kernel
   * for run on the JS reference; summary().nodes says which.
   */
  backend?: ModelBackendChoice;
  /** @internal The engine's WASM preference and GPU device manager (engine.loadModel sets it). */
  runtime?: ModelRuntime;
}

export interface ModelIO {
  name: string;
  type: DType;
  /** Declared dims: a number, a symbolic name, or null when unknown; null when the rank is unknown. */
  dims: (number | string | null)[] | null;
}

export interface OutputTensor {
  data: TensorData;
  dims: number[];
  type: DType;
}

export class Model {
  readonly inputs: ModelIO[];
  readonly outputs: ModelIO[];
  #plan: Plan | undefined;
  readonly #summary: ModelSummary;
  readonly #maxElements: number;
  readonly #constantBuffers: WeakSet<ArrayBufferLike>;
  #compiled: CompiledModel | undefined;
  /** The backend the plan runs on ('js' unless loaded with another backend). */
  readonly backend: ModelBackend;

  constructor(plan: Plan, summary: ModelSummary, maxElements: number, compiled?: CompiledModel) {
    this.#plan = plan;
    this.#compiled = compiled;
    this.backend = compiled?.backend ?? 'js';
    this.#summary = compiled ? withBackend(summary, compiled.report) : summary;
    this.#maxElements = maxElements;
    this.inputs = plan.graph.inputs.map(copyIO);
    this.outputs = plan.graph.outputs.map(copyIO);
    this.#constantBuffers = new WeakSet([...plan.graph.initializers.values()].map((t) => t.data.buffer));
  }

  /** Runs the model. Async so GPU backends can slot in later; the JS backend finishes synchronously. */
  async run(feeds: Record<string, TensorLike>): Promise<Record<string, OutputTensor>> {
    const plan = this.#plan;
    if (!plan) throw new GpulseError('DISPOSED', 'the model has been disposed');
    const inputs = validateFeeds(plan.graph.inputs, feeds, this.#maxElements);
    const outs = this.#compiled?.run ? await this.#compiled.run(inputs) : execute(plan, inputs);
    const result: Record<string, OutputTensor> = {};
    plan.graph.outputs.forEach((o, i) => {
      const t = outs[i];
      // Never hand out the model's own weights (an output may be, or view, an initializer).
      const data = this.#constantBuffers.has(t.data.buffer) ? t.data.slice() : t.data;
      result[o.name] = { data, dims: [...t.dims], type: t.type };
    });
    return result;
  }

  /** @internal The plan, for compiling it to another backend at load. */
  planForBackend(): Plan {
    if (!this.#plan) throw new GpulseError('DISPOSED', 'the model has been disposed');
    return this.#plan;
  }

  /** @internal This model's plan running on a compiled backend. */
  withBackend(compiled: CompiledModel): Model {
    return new Model(this.planForBackend(), this.#summary, this.#maxElements, compiled);
  }

  summary(): ModelSummary {
    return structuredClone(this.#summary);
  }

  dispose(): void {
    this.#plan = undefined;
    this.#compiled?.dispose();
    this.#compiled = undefined;
  }
}

const copyIO = (v: ValueInfo): ModelIO => ({ name: v.name, type: v.type, dims: v.dims ? [...v.dims] : null });

export async function loadModel(bytes: Uint8Array, options: LoadOptions = {}): Promise<Model> {
  const choice = options.backend ?? 'js';
  checkBackendChoice(choice);
  const model = loadModelSync(bytes, { ...options, backend: 'js' });
  if (choice === 'js') return model;
  return model.withBackend(await compileBackend(model.planForBackend(), choice, options.runtime));
}

/** The synchronous loader behind loadModel (the JS backend needs no async setup). */
export function loadModelSync(bytes: Uint8Array, options: LoadOptions = {}): Model {
  if ((options.backend ?? 'js') !== 'js') throw new GpulseError('INVALID_ARGUMENT', `loadModelSync runs on the JS backend only; use loadModel for '${options.backend}'`);
  const mode = options.quantize ?? 'none';
  if (!['none', 'int8', 'int4'].includes(mode)) throw new GpulseError('INVALID_ARGUMENT', `quantize must be 'none', 'int8' or 'int4'`);
  const maxElements = options.maxTensorElements ?? MAX_TENSOR_ELEMENTS;
  try {
    const proto = decodeModel(bytes);
    const loaded = buildGraph(proto, { maxElements });
    const { graph: floatGraph, folded } = foldConstants(loaded);
    let graph: Graph = floatGraph;
    let quantization: QuantizationSummary = { mode: 'none', weights: [], skipped: [] };
    let drift: DriftReport | { skipped: string } | undefined;
    if (mode !== 'none') {
      const q = quantizeGraph(floatGraph, mode);
      graph = q.graph;
      quantization = { mode, weights: q.weights, skipped: q.skipped };
      if (options.probe !== false) drift = runProbe(makePlan(floatGraph), makePlan(graph), options, maxElements);
    }
    const plan = makePlan(graph);
    const meta = { producer: `${proto.producerName ?? ''} ${proto.producerVersion ?? ''}`.trim(), irVersion: longToNumber(proto.irVersion, 'ir_version') };
    const summary = buildSummary({ meta, loaded, floatGraph, graph, folded, quantization, drift });
    return new Model(plan, summary, maxElements);
  } catch (error) {
    throw error instanceof GpulseError ? error : located('ONNX model', error);
  }
}

function runProbe(floatPlan: Plan, quantPlan: Plan, options: LoadOptions, maxElements: number): DriftReport | { skipped: string } {
  const p = options.probe || {};
  const opts: ProbeOptions = { seed: p.seed, runs: p.runs, dims: p.dims };
  try {
    if (p.feeds) opts.feeds = validateFeeds(floatPlan.graph.inputs, p.feeds, maxElements) as Tensor[];
    return probeDrift(floatPlan, quantPlan, opts);
  } catch (error) {
    // Feeds the caller passed must be right; a random probe that cannot run is reported, not fatal.
    if (p.feeds) throw error;
    return { skipped: error instanceof Error ? error.message : String(error) };
  }
}
