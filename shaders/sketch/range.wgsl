// Pass 1 of a chunk: the lowest and highest bin slot per sign (to place the workgroup-memory window of
// pass 2, or the grouped matrix window) and, for float32 input, per-workgroup partial stats: sum (f32),
// min and max as order-preserving keys. range = [negMin, negMax, posMin, posMax, slow].

@group(0) @binding(5) var<storage, read_write> range: array<atomic<u32>>;
@group(0) @binding(6) var<storage, read_write> partials: array<vec4<u32>>;

var<workgroup> w_range: array<atomic<u32>, 5>;
var<workgroup> w_min: atomic<u32>;
var<workgroup> w_max: atomic<u32>;
var<workgroup> w_sum: array<f32, WG>;

// Float bits → unsigned key with the same order (negative: all bits flipped; positive: sign bit set).
fn order_key(bits: u32) -> u32 {
  return select(bits | 0x80000000u, ~bits, (bits >> 31u) == 1u);
}

@compute @workgroup_size(WG)
fn main(
  @builtin(local_invocation_index) lid: u32,
  @builtin(workgroup_id) wid: vec3<u32>,
  @builtin(num_workgroups) nwg: vec3<u32>,
) {
  let tile = tile_index(wid, nwg);
  if (lid == 0u) {
    atomicStore(&w_range[0], 0xffffffffu);
    atomicStore(&w_range[2], 0xffffffffu);
    atomicStore(&w_min, 0xffffffffu);
  }
  workgroupBarrier();
  let start = tile * WG * ITEMS;
  var neg_min = 0xffffffffu;
  var neg_max = 0u;
  var pos_min = 0xffffffffu;
  var pos_max = 0u;
  var slow = 0u;
  var sum = 0.0;
  var kmin = 0xffffffffu;
  var kmax = 0u;
  for (var j = 0u; j < ITEMS; j++) {
    let i = start + j * WG + lid;
    if (i >= P.n) { continue; }
    let s = slot_of(i);
    if (s >= P.pos_base) {
      pos_min = min(pos_min, s);
      pos_max = max(pos_max, s);
    } else if (s >= 4u) {
      neg_min = min(neg_min, s);
      neg_max = max(neg_max, s);
    } else if (s == SLOT_SLOW) {
      slow += 1u;
    }
    if (P.is_f64 == 0u && s != SLOT_NAN) {
      let bits = values[i];
      sum += bitcast<f32>(bits);
      kmin = min(kmin, order_key(bits));
      kmax = max(kmax, order_key(bits));
    }
  }
  atomicMin(&w_range[0], neg_min);
  atomicMax(&w_range[1], neg_max);
  atomicMin(&w_range[2], pos_min);
  atomicMax(&w_range[3], pos_max);
  if (slow != 0u) { atomicAdd(&w_range[4], slow); }
  atomicMin(&w_min, kmin);
  atomicMax(&w_max, kmax);
  w_sum[lid] = sum;
  workgroupBarrier();
  for (var half = WG / 2u; half > 0u; half >>= 1u) {
    if (lid < half) { w_sum[lid] += w_sum[lid + half]; }
    workgroupBarrier();
  }
  if (lid == 0u) {
    atomicMin(&range[0], atomicLoad(&w_range[0]));
    atomicMax(&range[1], atomicLoad(&w_range[1]));
    atomicMin(&range[2], atomicLoad(&w_range[2]));
    atomicMax(&range[3], atomicLoad(&w_range[3]));
    atomicAdd(&range[4], atomicLoad(&w_range[4]));
    partials[P.wg_offset + tile] = vec4<u32>(bitcast<u32>(w_sum[0]), atomicLoad(&w_min), atomicLoad(&w_max), 0u);
  }
}
