// The model runtime's WASM kernels: f32 GEMM on packed B, 8-bit integer GEMM on i16-widened operands,
// 4/8-bit block-quantized weights dequantized in registers, activation quantization and the elementwise
// ops between them. All take byte pointers into this module's memory; the host
// (engine/onnx/backends/wasm/*) places packed weights after __heap_base at load and activations after them.
export { __heap_base };
export { gemmEpilogue, gemmMinMax } from './lib/gemm-epilogue';
export { gemmF32 } from './lib/gemm-f32';
export { gemmI16 } from './lib/gemm-i8';
export { gemmQ } from './lib/gemm-q4';
export { packRowsF32, packedBytes } from './lib/gemm-pack-a';
export { gemmQ4I8 } from './lib/gemm-q4i8';
export { quantizeBlocksI8 } from './lib/gemm-quant-blocks';
export { minMaxF32, quantizeRowsI16, widenRowsI16 } from './lib/gemm-quant';
export { quantize8, dequantize8, requantize8 } from './lib/gemm-quant8';
export { binaryF32, reluF32, sigmoidF32, castI32F32 } from './lib/gemm-eltwise';

/** 1 when this is the relaxed-SIMD build (relaxed_madd in the f32 kernels). */
export function gemmRelaxed(): i32 {
  return ASC_FEATURE_RELAXED_SIMD ? 1 : 0;
}
