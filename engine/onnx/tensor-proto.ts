/**
 * TensorProto -> Tensor. Checks that the declared dims agree with the stored data, refuses tensors over
 * the element cap and external data, and unpacks int4/uint4/int2/uint2 (raw_data bytes or int32_data
 * entries each hold one packed byte) and float16 (raw bytes or one int32_data entry per element).
 */
import { GpulseError, invalidArgument } from '../errors.js';
import { codeName, dtypeFromCode, PACKED_BITS, storageCtor, type DType, type TensorData } from './dtype.js';
import { longToBigInt, longToNumber, type TensorProto } from './decode.js';
import { packedByteLength, unpackBits } from './pack.js';
import { MAX_TENSOR_ELEMENTS, numel, type Tensor } from './tensor.js';

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export interface TensorLimits {
  /** Largest element count accepted (default MAX_TENSOR_ELEMENTS). */
  maxElements?: number;
}

export function tensorFromProto(p: TensorProto, what: string, limits: TensorLimits = {}): Tensor {
  const code = p.dataType ?? 0;
  const type = dtypeFromCode(code);
  if (!type) throw invalidArgument(`${what}: unsupported data type ${codeName(code)}`);
  if (p.dataLocation === 1 || (p.externalData?.length ?? 0) > 0) {
    throw invalidArgument(`${what}: external tensor data is not supported (pass a self-contained model)`);
  }
  if (p.segment) throw invalidArgument(`${what}: segmented tensors are not supported`);
  const dims = (p.dims ?? []).map((d) => longToNumber(d, `${what} dims`));
  const n = numel(dims);
  const cap = limits.maxElements ?? MAX_TENSOR_ELEMENTS;
  if (n > cap) {
    throw new GpulseError('INPUT_TOO_LARGE', `${what}: [${dims.join(', ')}] has ${n} elements, over the limit of ${cap}`);
  }
  return { type, dims, data: decodeData(p, type, n, what) };
}

function decodeData(p: TensorProto, type: DType, n: number, what: string): TensorData {
  const Ctor = storageCtor(type);
  const bits = PACKED_BITS[type];
  const raw = p.rawData;
  if (raw && raw.length > 0) {
    const want = bits ? packedByteLength(n, bits) : n * Ctor.BYTES_PER_ELEMENT;
    if (raw.length !== want) {
      throw invalidArgument(`${what}: ${type} [${n} elements] needs ${want} bytes of raw_data, found ${raw.length}`);
    }
    if (bits) return unpackBits(raw, n, bits, type === 'int4' || type === 'int2');
    if (type === 'bool') return Uint8Array.from(raw, (b) => (b !== 0 ? 1 : 0));
    if (!LITTLE_ENDIAN) throw invalidArgument(`${what}: raw_data decoding needs a little-endian host`);
    // Copy into a fresh, aligned ArrayBuffer: raw_data may sit at any offset of the model bytes, and under
    // Node it is a Buffer whose slice() is a view of a shared pool, so slice() would not do.
    return new (Ctor as unknown as new (b: ArrayBufferLike) => TensorData)(new Uint8Array(raw).buffer);
  }
  const field = typedField(p, type);
  const expected = bits ? packedByteLength(n, bits) : n;
  if (field.values.length !== expected) {
    if (n === 0 && field.values.length === 0) return new Ctor(0);
    throw invalidArgument(
      `${what}: ${type} [${n} elements] needs ${expected} entries in ${field.name}, found ${field.values.length}`,
    );
  }
  if (bits) return unpackBits(field.values as number[], n, bits, type === 'int4' || type === 'int2');
  const out = new Ctor(n);
  if (type === 'int64' || type === 'uint64') {
    const big = out as BigInt64Array;
    for (let i = 0; i < n; i++) big[i] = longToBigInt(field.values[i], type === 'uint64');
  } else if (type === 'uint32') {
    for (let i = 0; i < n; i++) (out as Uint32Array)[i] = longToNumber(field.values[i], what);
  } else if (type === 'bool') {
    for (let i = 0; i < n; i++) (out as Uint8Array)[i] = field.values[i] ? 1 : 0;
  } else {
    (out as Float64Array).set(field.values as number[]);
  }
  return out;
}

function typedField(p: TensorProto, type: DType): { name: string; values: unknown[] } {
  switch (type) {
    case 'float32':
      return { name: 'float_data', values: p.floatData ?? [] };
    case 'float64':
      return { name: 'double_data', values: p.doubleData ?? [] };
    case 'int64':
      return { name: 'int64_data', values: p.int64Data ?? [] };
    case 'uint32':
    case 'uint64':
      return { name: 'uint64_data', values: p.uint64Data ?? [] };
    default:
      return { name: 'int32_data', values: p.int32Data ?? [] };
  }
}
