// Order-preserving keys (engine/kernels/percentile/order-keys.ts) computed from the raw IEEE bits: no float
// operation touches the data, so subnormals, -0 and NaN payloads cannot be flushed or canonicalized.
// A key is vec2(hi, lo) of one 64-bit number; f32 keys live in hi with lo = 0.
// Needs from the prelude: RAW (src holds IEEE bits, else keys), WIDE (f64: two words per element, lo first).
// Needs from the kernel: `src: array<u32>`.

const NAN_KEY: u32 = 0xffffffffu;

fn key_f32(b: u32) -> u32 {
  if ((b & 0x7fffffffu) > 0x7f800000u) { return NAN_KEY; }
  if ((b & 0x80000000u) != 0u) { return ~b; }
  return b ^ 0x80000000u;
}

fn key_f64(lo: u32, hi: u32) -> vec2<u32> {
  let a = hi & 0x7fffffffu;
  if (a > 0x7ff00000u || (a == 0x7ff00000u && lo != 0u)) { return vec2<u32>(NAN_KEY, NAN_KEY); }
  if ((hi & 0x80000000u) != 0u) { return vec2<u32>(~hi, ~lo); }
  return vec2<u32>(hi ^ 0x80000000u, lo);
}

fn load_key(i: u32) -> vec2<u32> {
  if (WIDE) {
    let lo = src[2u * i];
    let hi = src[2u * i + 1u];
    if (RAW) { return key_f64(lo, hi); }
    return vec2<u32>(hi, lo);
  }
  let w = src[i];
  if (RAW) { return vec2<u32>(key_f32(w), 0u); }
  return vec2<u32>(w, 0u);
}

// Only NaN reaches an all-ones high word (+Inf is 0xff800000 / 0xfff00000...).
fn is_nan_key(k: vec2<u32>) -> bool {
  return k.x == NAN_KEY;
}

// Bits [shift, shift + bits) of the 64-bit key; bits <= 12. A WGSL shift by >= 32 wraps, hence the cases.
fn digit_of(k: vec2<u32>, shift: u32, bits: u32) -> u32 {
  var v: u32;
  if (shift >= 32u) {
    v = k.x >> (shift - 32u);
  } else if (shift == 0u) {
    v = k.y;
  } else {
    v = (k.y >> shift) | (k.x << (32u - shift));
  }
  return v & ((1u << bits) - 1u);
}
