/**
 * Order-preserving unsigned keys for IEEE floats: key(a) < key(b) ⇔ a < b (with −0 just below +0).
 * Negatives get all bits flipped, positives the sign bit. Every NaN maps to the all-ones key so it sorts
 * above +Infinity and a histogram's top bin counts NaNs. The WASM and WGSL kernels use the same mapping.
 */

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1);
const u32x2 = new Uint32Array(f64.buffer);

export const NAN_KEY_32 = 0xffffffff;

export function keyF32(x: number): number {
  if (x !== x) return NAN_KEY_32;
  f32[0] = x;
  const b = u32[0];
  return (b & 0x80000000 ? ~b : b ^ 0x80000000) >>> 0;
}

export function fromKeyF32(key: number): number {
  u32[0] = key & 0x80000000 ? key ^ 0x80000000 : ~key >>> 0;
  return f32[0];
}

/** 64-bit key as [hi, lo] 32-bit halves (little-endian host). */
export function keyF64(x: number, out: Uint32Array = new Uint32Array(2)): Uint32Array {
  if (x !== x) {
    out[0] = out[1] = 0xffffffff;
    return out;
  }
  f64[0] = x;
  const lo = u32x2[0];
  const hi = u32x2[1];
  if (hi & 0x80000000) {
    out[0] = ~hi >>> 0;
    out[1] = ~lo >>> 0;
  } else {
    out[0] = (hi ^ 0x80000000) >>> 0;
    out[1] = lo;
  }
  return out;
}

export function fromKeyF64(hi: number, lo: number): number {
  if (hi & 0x80000000) {
    u32x2[1] = hi ^ 0x80000000;
    u32x2[0] = lo;
  } else {
    u32x2[1] = ~hi >>> 0;
    u32x2[0] = ~lo >>> 0;
  }
  return f64[0];
}
