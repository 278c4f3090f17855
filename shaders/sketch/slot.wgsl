// Shared by the sketch passes: parameters, the bin table and the slot of one value.
// Float32 values are their bits; float64 values are (lo, hi) word pairs. Slots as in bin-table.ts:
// 0 zero, 1 slow (the host bins it), 2 ±inf, 3 NaN, then negative bins, then positive bins from pos_base.
// Everything is integer arithmetic on table entries, so the GPU bins exactly like the float64 reference.

struct Params {
  n: u32,          // values in this chunk
  shift: u32,      // 23 − k
  k: u32,          // mantissa bits in the key
  pos_base: u32,   // first positive bin slot
  is_f64: u32,
  wg_offset: u32,  // first partials row of this chunk
  width: u32,      // grouped: columns of the count matrix
  _pad: u32,
}

const SLOT_ZERO = 0u;
const SLOT_SLOW = 1u;
const SLOT_INF = 2u;
const SLOT_NAN = 3u;

override WG: u32 = 256u;
override ITEMS: u32 = 32u;

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> values: array<u32>;
// packed = ((base + 1) << (shift + 1)) − thr32: slot = (packed + low) >> (shift + 1).
@group(0) @binding(2) var<storage, read> packed: array<u32>;
@group(0) @binding(3) var<storage, read> base64: array<u32>;
// Float64 thresholds on the low 52 − k mantissa bits as (hi, lo) words.
@group(0) @binding(4) var<storage, read> thr64: array<vec2<u32>>;

fn slot_f32(bits: u32) -> u32 {
  let mask = (1u << P.shift) - 1u;
  return (packed[bits >> P.shift] + (bits & mask)) >> (P.shift + 1u);
}

fn slot_f64(lo: u32, hi: u32) -> u32 {
  let biased = (hi >> 20u) & 0x7ffu;
  // Exponent in the table window [−126, 127]: biased − 897 ≤ 253 (wrapping below).
  if (biased - 897u <= 253u) {
    let k = P.k;
    let low_bits = 20u - k;
    let key = ((hi >> 31u) << (8u + k)) | ((biased - 896u) << k) | ((hi >> low_bits) & ((1u << k) - 1u));
    let rem_hi = hi & ((1u << low_bits) - 1u);
    let t = thr64[key];
    let reached = rem_hi > t.x || (rem_hi == t.x && lo >= t.y);
    return base64[key] + select(0u, 1u, reached);
  }
  let mantissa = (hi & 0xfffffu) | lo;
  if (biased == 0x7ffu) { return select(SLOT_INF, SLOT_NAN, mantissa != 0u); }
  if (biased == 0u && mantissa == 0u) { return SLOT_ZERO; }
  return SLOT_SLOW;
}

fn slot_of(i: u32) -> u32 {
  if (P.is_f64 != 0u) { return slot_f64(values[2u * i], values[2u * i + 1u]); }
  return slot_f32(values[i]);
}

// Workgroups may come as a 2-D grid (more than 65535): linearize.
fn tile_index(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + wid.y * nwg.x;
}
