/**
 * Sub-byte packing: ONNX stores int4/uint4 two per byte and int2/uint2 four per byte, lowest bits first
 * (element 2i in the low nibble). MatMulNBits uses the same order for its weight blobs.
 */

/** Unpacks `count` values of `bits` width from bytes (each entry one byte, as raw_data or int32_data). */
export function unpackBits(
  bytes: ArrayLike<number>,
  count: number,
  bits: number,
  signed: boolean,
): Int8Array | Uint8Array {
  const out = signed ? new Int8Array(count) : new Uint8Array(count);
  const perByte = 8 / bits;
  const mask = (1 << bits) - 1;
  const signBit = 1 << (bits - 1);
  for (let i = 0; i < count; i++) {
    const byte = bytes[Math.floor(i / perByte)] & 0xff;
    let v = (byte >>> ((i % perByte) * bits)) & mask;
    if (signed && v & signBit) v -= 1 << bits;
    out[i] = v;
  }
  return out;
}

/** Packs values (already in range) into ceil(count·bits/8) bytes, lowest bits first. */
export function packBits(values: ArrayLike<number>, bits: number): Uint8Array {
  const perByte = 8 / bits;
  const mask = (1 << bits) - 1;
  const out = new Uint8Array(Math.ceil(values.length / perByte));
  for (let i = 0; i < values.length; i++) {
    out[Math.floor(i / perByte)] |= (values[i] & mask) << ((i % perByte) * bits);
  }
  return out;
}

export function packedByteLength(count: number, bits: number): number {
  return Math.ceil((count * bits) / 8);
}
