// One radix-select histogram pass: each workgroup counts its tile's digits in workgroup memory, then adds
// the non-zero bins into its target's row of the global histogram (one atomic per bin per workgroup, not
// per element). NaN keys of the target are counted into the row's first slot.

@group(0) @binding(0) var<storage, read> entries: array<Entry>;
@group(0) @binding(1) var<storage, read> targets: array<Target>;
@group(0) @binding(2) var<storage, read> src: array<u32>;
@group(0) @binding(3) var<storage, read_write> hist: array<atomic<u32>>;

var<workgroup> local_hist: array<atomic<u32>, MAX_BINS>;
var<workgroup> local_nan: atomic<u32>;

@compute @workgroup_size(WG)
fn main(
  @builtin(local_invocation_index) lid: u32,
  @builtin(workgroup_id) wid: vec3<u32>,
  @builtin(num_workgroups) nwg: vec3<u32>,
) {
  let tile = tile_of(wid, nwg);
  // Histogram spans hold exactly one target.
  let live = tile.tn != 0u;
  var t: Target;
  if (live) { t = targets[tile.t0]; }
  let bins = select(0u, 1u << t.bits, live);
  for (var b = lid; b < bins; b += WG) { atomicStore(&local_hist[b], 0u); }
  if (lid == 0u) { atomicStore(&local_nan, 0u); }
  workgroupBarrier();

  var nan = 0u;
  for (var k = 0u; k < ITEMS; k++) {
    let i = tile.start + k * WG + lid;
    if (i < tile.end) {
      let key = load_key(i);
      if (in_target(key, t)) {
        if (is_nan_key(key)) { nan += 1u; }
        atomicAdd(&local_hist[digit_of(key, t.shift, t.bits)], 1u);
      }
    }
  }
  if (nan != 0u) { atomicAdd(&local_nan, nan); }
  workgroupBarrier();

  for (var b = lid; b < bins; b += WG) {
    let c = atomicLoad(&local_hist[b]);
    if (c != 0u) { atomicAdd(&hist[t.row + 1u + b], c); }
  }
  if (lid == 0u && live) {
    let c = atomicLoad(&local_nan);
    if (c != 0u) { atomicAdd(&hist[t.row], c); }
  }
}
