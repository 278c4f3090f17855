/**
 * The one table of kernels × backends. No import side effects: a kernel exists for a backend exactly when it
 * is listed here. The shared test runner and the engine both read this table.
 */
import type { BackendName } from '../types.js';
import type { KernelDef, KernelImpl } from './contract.js';
import { percentileKernel, type PercentileArgs, type PercentileOut } from './percentile/percentile.contract.js';
import { percentileJs } from './percentile/percentile.js.js';
import { percentileWasm } from './percentile/percentile.wasm.js';
import { percentileWebgpu } from './percentile/percentile.webgpu.js';
import {
  groupedPercentileKernel,
  type GroupedPercentileArgs,
  type GroupedPercentileOut,
} from './percentile/grouped-percentile.contract.js';
import { groupedPercentileJs } from './percentile/grouped-percentile.js.js';
import { groupedPercentileWasm } from './percentile/grouped-percentile.wasm.js';
import { groupedPercentileWebgpu } from './percentile/grouped-percentile.webgpu.js';
import { sketchKernel, type SketchArgs, type SketchOut } from './sketch/sketch.contract.js';
import { sketchJs } from './sketch/sketch.js.js';
import { sketchWasm } from './sketch/sketch.wasm.js';
import { sketchWebgpu } from './sketch/sketch.webgpu.js';
import { groupedSketchKernel, type GroupedSketchArgs, type GroupedSketchOut } from './sketch/grouped-sketch.contract.js';
import { groupedSketchJs } from './sketch/grouped-sketch.js.js';
import { groupedSketchWasm } from './sketch/grouped-sketch.wasm.js';
import { groupedSketchWebgpu } from './sketch/grouped-sketch.webgpu.js';
import { rfftKernel, type RfftArgs, type RfftOut } from './features/rfft/rfft.contract.js';
import { rfftJs } from './features/rfft/rfft.js.js';
import { rfftWasm } from './features/rfft/rfft.wasm.js';
import { rfftWebgpu } from './features/rfft/rfft.webgpu.js';
import { fastFeaturesKernel, type FastArgs, type FastOut } from './features/fast/fast.contract.js';
import { fastJs } from './features/fast/fast.js.js';
import { fastWasm } from './features/fast/fast.wasm.js';
import { fastWebgpu } from './features/fast/fast.webgpu.js';
import { catch22Kernel, type Catch22Args, type Catch22Out } from './features/catch22/catch22-set.contract.js';
import { catch22Js } from './features/catch22/catch22-set.js.js';
import { catch22Wasm } from './features/catch22/catch22-set.wasm.js';

interface Entry<A, O> {
  def: KernelDef<A, O>;
  impls: Partial<Record<BackendName, KernelImpl<A, O>>>;
}

function entry<A, O>(def: KernelDef<A, O>, ...impls: KernelImpl<A, O>[]): Entry<A, O> {
  return { def, impls: Object.fromEntries(impls.map((i) => [i.backend, i])) };
}

export const KERNELS = {
  percentile: entry<PercentileArgs, PercentileOut>(percentileKernel, percentileJs, percentileWasm, percentileWebgpu),
  groupedPercentile: entry<GroupedPercentileArgs, GroupedPercentileOut>(
    groupedPercentileKernel,
    groupedPercentileJs,
    groupedPercentileWasm,
    groupedPercentileWebgpu,
  ),
  sketch: entry<SketchArgs, SketchOut>(sketchKernel, sketchJs, sketchWasm, sketchWebgpu),
  groupedSketch: entry<GroupedSketchArgs, GroupedSketchOut>(groupedSketchKernel, groupedSketchJs, groupedSketchWasm, groupedSketchWebgpu),
  rfft: entry<RfftArgs, RfftOut>(rfftKernel, rfftJs, rfftWasm, rfftWebgpu),
  fastFeatures: entry<FastArgs, FastOut>(fastFeaturesKernel, fastJs, fastWasm, fastWebgpu),
  catch22Set: entry<Catch22Args, Catch22Out>(catch22Kernel, catch22Js, catch22Wasm),
};

export type KernelName = keyof typeof KERNELS;
export type ArgsOf<K extends KernelName> = (typeof KERNELS)[K] extends Entry<infer A, infer _O> ? A : never;
export type OutOf<K extends KernelName> = (typeof KERNELS)[K] extends Entry<infer _A, infer O> ? O : never;

export function implementedBackends(name: KernelName): BackendName[] {
  return Object.keys(KERNELS[name].impls) as BackendName[];
}
