/** The JS backend of the GEMM kernels: the references themselves (float64 accumulation, exact integers). */
import type { KernelImpl } from '../contract.js';
import { blockQuantReference, q4Int8Reference, type BlockQuantArgs } from './block-quant.contract.js';
import { dqlReference, type DqlArgs, type DqlOut } from './dql.contract.js';
import { gemmF32Reference, gemmInt8Reference, type GemmF32Args, type GemmInt8Args } from './gemm.contract.js';

export const gemmF32Js: KernelImpl<GemmF32Args, Float32Array> = { backend: 'js', run: gemmF32Reference };
export const gemmInt8Js: KernelImpl<GemmInt8Args, Int32Array> = { backend: 'js', run: gemmInt8Reference };
export const gemmBlockQuantJs: KernelImpl<BlockQuantArgs, Float32Array> = { backend: 'js', run: blockQuantReference };
export const gemmQ4Int8Js: KernelImpl<BlockQuantArgs, Float32Array> = { backend: 'js', run: q4Int8Reference };
export const dqlJs: KernelImpl<DqlArgs, DqlOut> = { backend: 'js', run: dqlReference };
