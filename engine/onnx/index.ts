/** Public surface of gpulse's ONNX runtime. */
export { loadModel, loadModelSync, Model, type LoadOptions, type ModelIO, type OutputTensor } from './model.js';
export type { ModelSummary, QuantizationSummary } from './summary.js';
export type { DriftReport, OutputDrift } from './probe.js';
export type { QuantizeMode, QuantizedWeight } from './quantize.js';
export type { TensorLike } from './feeds.js';
export type { DType, TensorData } from './dtype.js';
export type { Tensor } from './tensor.js';
export { decodeTensor } from './decode.js';
export { tensorFromProto } from './tensor-proto.js';
export { OPS } from './ops/registry.js';
