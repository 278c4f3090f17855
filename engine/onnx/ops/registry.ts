/**
 * The one table of ONNX operators gpulse runs. An op exists exactly when it is listed here; each entry
 * carries its JS reference kernel (OpDef.run). Later backends add their kernels per op in their own
 * table keyed the same way (domain + op type) and the planner picks per node.
 */
import { Add, Div, Max, Min, Mul, Pow, Sub } from './binary.js';
import { Cast } from './cast.js';
import { Clip } from './clip.js';
import { Constant } from './constant.js';
import { DequantizeLinear } from './dequantize-linear.js';
import { DynamicQuantizeLinear } from './dynamic-quantize-linear.js';
import { Gemm } from './gemm.js';
import { LayerNormalization } from './layer-norm.js';
import { MatMul } from './matmul.js';
import { MatMulInteger } from './matmul-integer.js';
import { MatMulNBits } from './matmul-nbits.js';
import type { OpDef } from './op.js';
import { QLinearMatMul } from './qlinear-matmul.js';
import { QuantizeLinear } from './quantize-linear.js';
import { QuantizedMatMul } from './quantized-matmul.js';
import { ReduceMax, ReduceMean, ReduceMin } from './reduce.js';
import { Flatten, Identity, Reshape } from './reshape.js';
import { Softmax } from './softmax.js';
import { Transpose } from './transpose.js';
import { Relu, Round, Sigmoid, Sqrt, Tanh } from './unary.js';

export const OPS: readonly OpDef[] = [
  // Float math
  MatMul, Gemm, Add, Sub, Mul, Div, Pow, Min, Max,
  Relu, Sigmoid, Tanh, Sqrt, Round, Clip,
  Softmax, LayerNormalization, ReduceMean, ReduceMin, ReduceMax,
  // Shapes and types
  Flatten, Reshape, Transpose, Identity, Constant, Cast,
  // Quantization
  QuantizeLinear, DequantizeLinear, DynamicQuantizeLinear, MatMulInteger, QLinearMatMul, MatMulNBits,
  // gpulse-internal (produced by quantize-on-load)
  QuantizedMatMul,
];

const key = (domain: string, opType: string) => `${domain === 'ai.onnx' ? '' : domain}::${opType}`;
const TABLE = new Map(OPS.map((op) => [key(op.domain, op.opType), op]));

export function findOp(domain: string, opType: string): OpDef | undefined {
  return TABLE.get(key(domain, opType));
}

/** Which backend runs a node; only the JS reference exists so far. */
export function backendFor(_op: OpDef): 'js' {
  return 'js';
}
