/**
 * The GEMM kernels × backends. They are not in the engine's KERNELS table (engine/kernels/registry.ts):
 * the model runtime calls their routines on resident buffers inside a model, never through engine.run.
 * This table is what the backend tests iterate: every case on every backend against the reference.
 */
import type { BackendName } from '../../types.js';
import type { KernelDef, KernelImpl } from '../contract.js';
import { gemmBlockQuantKernel, gemmQ4Int8Kernel, type BlockQuantArgs } from './block-quant.contract.js';
import { dqlKernel, type DqlArgs, type DqlOut } from './dql.contract.js';
import { gemmF32Kernel, gemmInt8Kernel, type GemmF32Args, type GemmInt8Args } from './gemm.contract.js';
import { dqlJs, gemmBlockQuantJs, gemmF32Js, gemmInt8Js, gemmQ4Int8Js } from './gemm.js.js';
import { dqlWasm, gemmBlockQuantWasm, gemmF32Wasm, gemmInt8Wasm, gemmQ4Int8Wasm } from './gemm.wasm.js';
import { dqlWebgpu, gemmBlockQuantWebgpu, gemmF32Webgpu, gemmInt8Webgpu } from './gemm.webgpu.js';

export interface GemmEntry<A, O> {
  def: KernelDef<A, O>;
  impls: Partial<Record<BackendName, KernelImpl<A, O>>>;
}

function entry<A, O>(def: KernelDef<A, O>, ...impls: KernelImpl<A, O>[]): GemmEntry<A, O> {
  return { def, impls: Object.fromEntries(impls.map((i) => [i.backend, i])) };
}

export const GEMM_KERNELS = {
  gemmF32: entry<GemmF32Args, Float32Array>(gemmF32Kernel, gemmF32Js, gemmF32Wasm, gemmF32Webgpu),
  gemmInt8: entry<GemmInt8Args, Int32Array>(gemmInt8Kernel, gemmInt8Js, gemmInt8Wasm, gemmInt8Webgpu),
  gemmBlockQuant: entry<BlockQuantArgs, Float32Array>(gemmBlockQuantKernel, gemmBlockQuantJs, gemmBlockQuantWasm, gemmBlockQuantWebgpu),
  gemmQ4Int8: entry<BlockQuantArgs, Float32Array>(gemmQ4Int8Kernel, gemmQ4Int8Js, gemmQ4Int8Wasm),
  dynamicQuantize: entry<DqlArgs, DqlOut>(dqlKernel, dqlJs, dqlWasm, dqlWebgpu),
};
