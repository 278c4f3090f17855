/**
 * ONNX element types gpulse runs, their TensorProto codes and in-memory storage.
 * Sub-byte integers (int4/uint4/int2/uint2) are held unpacked, one value per element, so every op can index
 * them directly; packing happens only at the TensorProto boundary (tensor.ts) and in MatMulNBits weights.
 * float16 is held as raw IEEE half bits in a Uint16Array (as onnxruntime-web does; Node 20 has no Float16Array).
 */
export type DType =
  | 'float32'
  | 'float64'
  | 'float16'
  | 'int8'
  | 'uint8'
  | 'int16'
  | 'uint16'
  | 'int32'
  | 'uint32'
  | 'int64'
  | 'uint64'
  | 'bool'
  | 'int4'
  | 'uint4'
  | 'int2'
  | 'uint2';

export type TensorData =
  | Float32Array
  | Float64Array
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array;

/** TensorProto.DataType codes (onnx.proto), including the ones added after onnx-proto's v1.10 schema. */
const CODES: Record<DType, number> = {
  float32: 1,
  uint8: 2,
  int8: 3,
  uint16: 4,
  int16: 5,
  int32: 6,
  int64: 7,
  bool: 9,
  float16: 10,
  float64: 11,
  uint32: 12,
  uint64: 13,
  uint4: 21,
  int4: 22,
  uint2: 25,
  int2: 26,
};

/** Names of codes we recognise but do not run, for error messages. */
const UNSUPPORTED_NAMES: Record<number, string> = {
  0: 'undefined',
  8: 'string',
  14: 'complex64',
  15: 'complex128',
  16: 'bfloat16',
  17: 'float8e4m3fn',
  18: 'float8e4m3fnuz',
  19: 'float8e5m2',
  20: 'float8e5m2fnuz',
  23: 'float4e2m1',
  24: 'float8e8m0',
};

const BY_CODE = new Map<number, DType>(Object.entries(CODES).map(([k, v]) => [v, k as DType]));

export function dtypeFromCode(code: number): DType | undefined {
  return BY_CODE.get(code);
}

export function dtypeCode(type: DType): number {
  return CODES[type];
}

/** Human name for any TensorProto code, supported or not. */
export function codeName(code: number): string {
  return BY_CODE.get(code) ?? UNSUPPORTED_NAMES[code] ?? `data type ${code}`;
}

type Ctor = { new (n: number): TensorData; readonly BYTES_PER_ELEMENT: number };

const STORAGE: Record<DType, Ctor> = {
  float32: Float32Array,
  float64: Float64Array,
  float16: Uint16Array,
  int8: Int8Array,
  uint8: Uint8Array,
  int16: Int16Array,
  uint16: Uint16Array,
  int32: Int32Array,
  uint32: Uint32Array,
  int64: BigInt64Array,
  uint64: BigUint64Array,
  bool: Uint8Array,
  int4: Int8Array,
  uint4: Uint8Array,
  int2: Int8Array,
  uint2: Uint8Array,
};

export function storageCtor(type: DType): Ctor {
  return STORAGE[type];
}

/** The integer range of a quantized or integer type (bool and 64-bit types excluded). */
export const INT_RANGES: Partial<Record<DType, readonly [number, number]>> = {
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  uint16: [0, 65535],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  int4: [-8, 7],
  uint4: [0, 15],
  int2: [-2, 1],
  uint2: [0, 3],
};

/** Bits per element of the packed sub-byte types. */
export const PACKED_BITS: Partial<Record<DType, number>> = { int4: 4, uint4: 4, int2: 2, uint2: 2 };

export const FLOAT_TYPES: readonly DType[] = ['float32', 'float64', 'float16'];
export const isFloat = (t: DType): boolean => t === 'float32' || t === 'float64' || t === 'float16';
export const isBig = (t: DType): boolean => t === 'int64' || t === 'uint64';
/** Integer types whose values fit a JS number exactly (everything but int64/uint64 and bool). */
export const isSmallInt = (t: DType): boolean => INT_RANGES[t] !== undefined;
