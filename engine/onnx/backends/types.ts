/**
 * How a model runs on a backend other than the JS reference. At load the planner (compile.ts) turns the
 * plan into steps: a step runs one node — or a fused chain of nodes, e.g. DynamicQuantizeLinear →
 * MatMulInteger → Cast → Mul → Add → Relu — on the chosen device, or one node on the JS reference when
 * the device has no kernel for it. Values stay resident on the device between device steps and are moved
 * only where a JS step or a graph output needs them.
 */
import type { DType } from '../dtype.js';
import type { Tensor } from '../tensor.js';

export type ModelBackend = 'wasm' | 'webgpu' | 'js';
export type ModelBackendChoice = 'auto' | ModelBackend;

/** A tensor held by a device (WASM linear memory, a GPU buffer). */
export interface DeviceTensor {
  readonly type: DType;
  readonly dims: readonly number[];
}

/** What a device backend offers the executor: moving values in and out, freeing them. */
export interface Device<D extends DeviceTensor> {
  readonly name: Exclude<ModelBackend, 'js'>;
  upload(t: Tensor): D;
  download(d: D): Tensor | Promise<Tensor>;
  free(d: D): void;
  /** Called before and after every run (per-run allocators reset here). */
  beginRun(): void;
  endRun(): void;
  dispose(): void;
}

/** One slot's value: on the host, on the device, or both (after a move). */
export interface Value<D extends DeviceTensor> {
  tensor?: Tensor;
  device?: D;
}

/** Access to step inputs in the form a step wants; moves happen on demand and are remembered. */
export interface StepIO<D extends DeviceTensor> {
  tensor(i: number): Promise<Tensor>;
  device(i: number): D;
  /** Present inputs: undefined for an absent optional input. */
  has(i: number): boolean;
}

export interface CompiledStep<D extends DeviceTensor> {
  /** Node labels this step covers (more than one when fused). */
  labels: string[];
  backend: ModelBackend;
  inputs: number[];
  outputs: number[];
  /** Returns one value per output slot (a Tensor for host results, a device tensor otherwise). */
  run(io: StepIO<D>): Promise<(Tensor | D)[]> | (Tensor | D)[];
}

/** Per node, where it runs, plus what the planner fused; for summary(). */
export interface BackendReport {
  backend: ModelBackend;
  device?: string;
  nodes: { label: string; backend: ModelBackend; fusedInto?: string; reason?: string }[];
  notes: string[];
}
