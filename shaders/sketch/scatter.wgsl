// Grouped sketches, pass 2: one count per value into the [groups × width] matrix at (group, colOf[slot]).
// colOf already clamps collapsed bins into the window's lowest column, so no bounds logic is needed here.

@group(0) @binding(5) var<storage, read> groups: array<u32>;
@group(0) @binding(6) var<storage, read> col_of: array<u32>;
@group(0) @binding(7) var<storage, read_write> matrix: array<atomic<u32>>;

@compute @workgroup_size(WG)
fn main(
  @builtin(local_invocation_index) lid: u32,
  @builtin(workgroup_id) wid: vec3<u32>,
  @builtin(num_workgroups) nwg: vec3<u32>,
) {
  let start = tile_index(wid, nwg) * WG * ITEMS;
  for (var j = 0u; j < ITEMS; j++) {
    let i = start + j * WG + lid;
    if (i >= P.n) { continue; }
    atomicAdd(&matrix[groups[i] * P.width + col_of[slot_of(i)]], 1u);
  }
}
