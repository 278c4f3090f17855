// Grouped percentiles, step 1: counting sort by group. cursors[g] starts at group g's offset (an exclusive
// scan of the group sizes done on the host); each element claims the next slot of its group with one
// atomicAdd and writes its key there, so every group ends up contiguous in `dst`.

@group(0) @binding(0) var<storage, read> src: array<u32>;
@group(0) @binding(1) var<storage, read> groups: array<u32>;
@group(0) @binding(2) var<storage, read_write> cursors: array<atomic<u32>>;
@group(0) @binding(3) var<storage, read_write> dst: array<u32>;

@compute @workgroup_size(WG)
fn main(
  @builtin(local_invocation_index) lid: u32,
  @builtin(workgroup_id) wid: vec3<u32>,
  @builtin(num_workgroups) nwg: vec3<u32>,
) {
  let n = arrayLength(&groups);
  let start = (wid.x + wid.y * nwg.x) * WG * ITEMS;
  for (var k = 0u; k < ITEMS; k++) {
    let i = start + k * WG + lid;
    if (i < n) {
      let j = atomicAdd(&cursors[groups[i]], 1u);
      store_key(j, load_key(i));
    }
  }
}
