// Fast features on the GPU: p05/p50/p95 order statistics, one workgroup per series. For each quantile, MSD
// radix select of its lower rank on order-preserving u32 keys (four 8-bit digits, histograms in workgroup
// atomics), then the upper rank in one more pass: equal to the lower one when enough keys tie with it,
// else the smallest key above it. ranks: 6 u32 per series (lo, hi per quantile); keys out: 6 u32.
struct Params {
  count: u32,
  _a: u32,
  _b: u32,
  _c: u32,
}

@group(0) @binding(0) var<storage, read> values: array<f32>;
@group(0) @binding(1) var<storage, read> series_meta: array<vec4<u32>>;
@group(0) @binding(2) var<storage, read> ranks: array<u32>;
@group(0) @binding(3) var<storage, read_write> keys_out: array<u32>;
@group(0) @binding(4) var<uniform> P: Params;

var<workgroup> hist: array<atomic<u32>, 256>;
var<workgroup> sel: vec2<u32>;
var<workgroup> tie_count: atomic<u32>;
var<workgroup> above: atomic<u32>;

fn order_key(v: f32) -> u32 {
  let b = bitcast<u32>(v);
  if ((b & 0x80000000u) != 0u) {
    return ~b;
  }
  return b ^ 0x80000000u;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let s = wid.x + wid.y * nwg.x;
  if (s >= P.count) {
    return;
  }
  let start = series_meta[s].x;
  var n = series_meta[s].y;
  if (n < 4u) {
    n = 0u;
  }
  for (var q = 0u; q < 3u; q++) {
    let r_lo = ranks[6u * s + 2u * q];
    let r_hi = ranks[6u * s + 2u * q + 1u];
    var prefix = 0u;
    var mask = 0u;
    var r = r_lo;
    for (var d = 0u; d < 4u; d++) {
      let shift = 24u - 8u * d;
      atomicStore(&hist[lid], 0u);
      workgroupBarrier();
      for (var t = lid; t < n; t += 256u) {
        let k = order_key(values[start + t]);
        if ((k & mask) == prefix) {
          atomicAdd(&hist[(k >> shift) & 255u], 1u);
        }
      }
      workgroupBarrier();
      if (lid == 0u) {
        var c = 0u;
        var found = vec2<u32>(prefix, 0u);
        for (var b = 0u; b < 256u; b++) {
          let h = atomicLoad(&hist[b]);
          if (r < c + h) {
            found = vec2<u32>(prefix | (b << shift), r - c);
            break;
          }
          c += h;
        }
        sel = found;
      }
      workgroupBarrier();
      prefix = sel.x;
      r = sel.y;
      mask |= 255u << shift;
      workgroupBarrier();
    }
    let k_lo = prefix;
    if (lid == 0u) {
      atomicStore(&tie_count, 0u);
      atomicStore(&above, 0xffffffffu);
    }
    workgroupBarrier();
    if (r_hi != r_lo) {
      for (var t = lid; t < n; t += 256u) {
        let k = order_key(values[start + t]);
        if (k <= k_lo) {
          atomicAdd(&tie_count, 1u);
        } else {
          atomicMin(&above, k);
        }
      }
    }
    workgroupBarrier();
    if (lid == 0u) {
      var k_hi = k_lo;
      if (r_hi != r_lo && atomicLoad(&tie_count) <= r_hi) {
        k_hi = atomicLoad(&above);
      }
      keys_out[6u * s + 2u * q] = k_lo;
      keys_out[6u * s + 2u * q + 1u] = k_hi;
    }
    workgroupBarrier();
  }
}
