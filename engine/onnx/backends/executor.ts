/**
 * Runs compiled steps (compile.ts) over the plan's slots. A slot's value lives on the host, on the device
 * or both; StepIO moves it on first need and remembers the copy, so a chain of device steps never touches
 * the host and a value read by two JS steps is downloaded once. Device copies are freed after the slot's
 * last reader (the per-run allocator reuses them); constants read by device steps are uploaded once at load.
 */
import { located } from '../errors.js';
import type { DType } from '../dtype.js';
import type { GraphNode } from '../graph.js';
import type { Plan } from '../plan.js';
import type { Tensor } from '../tensor.js';
import type { CompiledStep, Device, DeviceTensor, StepIO, Value } from './types.js';

const isTensor = (x: unknown): x is Tensor => typeof x === 'object' && x !== null && 'data' in x;

/** A step that runs one node on the JS reference, its inputs downloaded as needed. */
export function jsStep<D extends DeviceTensor>(node: GraphNode, inputs: number[], outputs: number[]): CompiledStep<D> {
  return {
    labels: [node.label],
    backend: 'js',
    inputs,
    outputs,
    async run(io) {
      const ins = await Promise.all(inputs.map((s, i) => (s >= 0 ? io.tensor(i) : undefined)));
      return node.op.run({ inputs: ins, attrs: node.attrs, opset: node.opset, outputCount: node.outputs.length });
    },
  };
}

export class Executor<D extends DeviceTensor> {
  private readonly release: number[][];
  private readonly constDevice = new Map<number, D>();
  private readonly slotTypes = new Map<number, DType>();
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly plan: Plan,
    readonly steps: CompiledStep<D>[],
    private readonly device: Device<D>,
    persist: (t: Tensor) => D,
  ) {
    for (const st of plan.steps) st.node.outputs.forEach((n, i) => n && this.slotTypes.set(st.outputs[i], plan.graph.types.get(n)!));
    const keep = new Set(plan.outputSlots);
    plan.constants.forEach((t, s) => t && keep.add(s));
    const last = new Map<number, number>();
    steps.forEach((st, i) => [...st.inputs, ...st.outputs].forEach((s) => s >= 0 && last.set(s, i)));
    this.release = steps.map(() => []);
    for (const [s, i] of last) if (!keep.has(s)) this.release[i].push(s);
    // Constants a device step reads go to the device once, for the model's lifetime.
    for (const st of steps) {
      if (st.backend === 'js') continue;
      for (const s of st.inputs) {
        const t = s >= 0 ? plan.constants[s] : undefined;
        if (t && !this.constDevice.has(s)) this.constDevice.set(s, persist(t));
      }
    }
  }

  /** Runs are queued: one arena per model, so a second run waits for the first (Model.run is async). */
  run(inputs: readonly Tensor[]): Promise<Tensor[]> {
    const next = this.tail.then(() => this.runNow(inputs));
    this.tail = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  private async runNow(inputs: readonly Tensor[]): Promise<Tensor[]> {
    const values: (Value<D> | undefined)[] = new Array(this.plan.slotCount);
    this.plan.constants.forEach((t, s) => t && (values[s] = { tensor: t, device: this.constDevice.get(s) }));
    this.plan.inputSlots.forEach((s, i) => (values[s] = { tensor: inputs[i] }));
    this.device.beginRun();
    try {
      for (let i = 0; i < this.steps.length; i++) await this.runStep(this.steps[i], values, this.release[i]);
      return await Promise.all(this.plan.outputSlots.map((s) => this.hostValue(values[s]!)));
    } finally {
      for (const [s, v] of values.entries()) if (v?.device && !this.constDevice.has(s)) this.device.free(v.device);
      this.device.endRun();
    }
  }

  private async hostValue(v: Value<D>): Promise<Tensor> {
    v.tensor ??= await this.device.download(v.device!);
    return v.tensor;
  }

  private async runStep(step: CompiledStep<D>, values: (Value<D> | undefined)[], release: number[]): Promise<void> {
    const slotValue = (i: number): Value<D> => {
      const v = values[step.inputs[i]];
      if (!v) throw new Error(`input ${i} of ${step.labels[0]} is not computed`);
      return v;
    };
    const io: StepIO<D> = {
      has: (i) => step.inputs[i] >= 0 && values[step.inputs[i]] !== undefined,
      tensor: (i) => this.hostValue(slotValue(i)),
      device: (i) => {
        const v = slotValue(i);
        v.device ??= this.device.upload(v.tensor!);
        return v.device;
      },
    };
    let outs: (Tensor | D)[];
    try {
      outs = await step.run(io);
    } catch (error) {
      throw located(step.labels.join(' + '), error);
    }
    step.outputs.forEach((s, i) => {
      if (s < 0) return;
      const o = outs[i];
      const want = this.slotTypes.get(s);
      if (o?.type !== want) throw located(step.labels.join(' + '), new Error(`kernel produced ${o?.type} for output ${i}, expected ${want}`));
      values[s] = isTensor(o) ? { tensor: o } : { device: o };
    });
    for (const s of release) {
      const v = values[s];
      if (v?.device) this.device.free(v.device);
      values[s] = undefined;
    }
  }

  dispose(): void {
    this.device.dispose();
  }
}
