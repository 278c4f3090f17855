/**
 * The model runtime's WGSL pipelines (shaders/gemm/), cached per device by key. The int8 GEMM is built with
 * the packed dot-product built-ins when the WGSL language feature `packed_4x8_integer_dot_product` exists,
 * else with the unpacking fallback; a shader that names a missing built-in would not compile at all.
 */
import { WGSL } from '../../../generated/shaders.js';
import type { GpuContext } from '../../../backends/webgpu/context.js';
import { getGpu } from '../../../backends/webgpu/gpu-entry.js';

export const PACKED_DOT = 'packed_4x8_integer_dot_product';

/** Whether this runtime's WGSL has packed_4x8_integer_dot_product (navigator.gpu or Dawn's GPU object). */
export async function hasPackedDot(): Promise<boolean> {
  const gpu = await getGpu();
  return !!gpu?.wgslLanguageFeatures?.has(PACKED_DOT);
}

export function gemmF32Pipeline(gpu: GpuContext): GPUComputePipeline {
  return gpu.pipelines.get('onnx/gemm-f32', () => WGSL['gemm/gemm-f32.wgsl']);
}

export function gemmI8Pipeline(gpu: GpuContext, signed: boolean, packed: boolean): GPUComputePipeline {
  return gpu.pipelines.get(`onnx/gemm-i8:signed=${+signed},packed=${+packed}`, () =>
    [`const SIGNED: bool = ${signed};`, WGSL[packed ? 'gemm/dot4-packed.wgsl' : 'gemm/dot4-unpacked.wgsl'], WGSL['gemm/gemm-i8.wgsl']].join('\n'),
  );
}

export function packRowsPipeline(gpu: GpuContext): GPUComputePipeline {
  return gpu.pipelines.get('onnx/pack-rows-i8', () => WGSL['gemm/pack-rows-i8.wgsl']);
}

export function dqlPipeline(gpu: GpuContext, entry: 'minmax' | 'quantize'): GPUComputePipeline {
  return gpu.pipelines.get('onnx/dql', () => WGSL['gemm/dql.wgsl'], entry);
}

export function eltwisePipeline(gpu: GpuContext): GPUComputePipeline {
  return gpu.pipelines.get('onnx/eltwise', () => WGSL['gemm/eltwise.wgsl']);
}

export function gemmQPipeline(gpu: GpuContext, bits: number): GPUComputePipeline {
  return gpu.pipelines.get(`onnx/gemm-q:bits=${bits}`, () => `const BITS: u32 = ${bits}u;\n${WGSL['gemm/gemm-q4.wgsl']}`);
}
