/**
 * Protobuf decoding through onnx-proto (protobufjs static code for onnx.proto). Every decoding failure,
 * including stack exhaustion on absurd nesting, surfaces as an INVALID_ARGUMENT GpulseError.
 */
import * as onnxProtoModule from 'onnx-proto';
import { GpulseError, invalidArgument } from '../errors.js';

type OnnxNs = typeof onnxProtoModule.onnx;
// onnx-proto is CommonJS: under Node's ESM loader the namespace sits on `default`, under bundlers on the module.
const mod = onnxProtoModule as unknown as { onnx?: OnnxNs; default?: { onnx?: OnnxNs } };
export const onnx: OnnxNs = (mod.onnx ?? mod.default?.onnx) as OnnxNs;

export type ModelProto = onnxProtoModule.onnx.ModelProto;
export type GraphProto = onnxProtoModule.onnx.IGraphProto;
export type NodeProto = onnxProtoModule.onnx.INodeProto;
export type TensorProto = onnxProtoModule.onnx.ITensorProto;
export type AttributeProto = onnxProtoModule.onnx.IAttributeProto;
export type ValueInfoProto = onnxProtoModule.onnx.IValueInfoProto;

/** protobufjs hands int64 fields back as numbers or Long objects depending on magnitude and environment. */
type LongLike = number | { low: number; high: number; unsigned?: boolean; toNumber(): number };

export function longToNumber(v: unknown, what: string): number {
  if (v === null || v === undefined) return 0;
  const n = typeof v === 'number' ? v : (v as Exclude<LongLike, number>).toNumber();
  if (!Number.isSafeInteger(n)) throw invalidArgument(`${what}: integer ${String(v)} is outside the safe range`);
  return n;
}

export function longToBigInt(v: unknown, unsigned: boolean): bigint {
  if (typeof v === 'number') return BigInt(v);
  const l = v as Exclude<LongLike, number>;
  const big = (BigInt(l.high >>> 0) << 32n) | BigInt(l.low >>> 0);
  return unsigned ? big : BigInt.asIntN(64, big);
}

function decodeWith<T>(what: string, bytes: Uint8Array, decode: (b: Uint8Array) => T): T {
  if (!(bytes instanceof Uint8Array)) throw invalidArgument(`${what}: expected a Uint8Array`);
  try {
    return decode(bytes);
  } catch (error) {
    if (error instanceof GpulseError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new GpulseError('INVALID_ARGUMENT', `${what}: not a valid protobuf message (${message})`, { cause: error });
  }
}

export function decodeModel(bytes: Uint8Array): ModelProto {
  const model = decodeWith('ONNX model', bytes, (b) => onnx.ModelProto.decode(b));
  if (!model.graph) throw invalidArgument('ONNX model: no graph (is this an ONNX ModelProto?)');
  return model;
}

export function decodeTensor(bytes: Uint8Array): onnxProtoModule.onnx.TensorProto {
  return decodeWith('ONNX tensor', bytes, (b) => onnx.TensorProto.decode(b));
}
