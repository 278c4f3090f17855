// Compaction: copies the keys of each target of a span into that target's own run of `dst` (starting at
// targets[t].dst). A workgroup counts its matches per target in workgroup memory, then reserves room with
// one atomicAdd per target on the target's cursor: no chained scan, no assumption that workgroups make
// progress in any order. Order inside a run is arbitrary; selection only needs the multiset.

@group(0) @binding(0) var<storage, read> entries: array<Entry>;
@group(0) @binding(1) var<storage, read> targets: array<Target>;
@group(0) @binding(2) var<storage, read> src: array<u32>;
@group(0) @binding(3) var<storage, read_write> dst: array<u32>;
@group(0) @binding(4) var<storage, read_write> cursors: array<atomic<u32>>;

const NO_SLOT: u32 = 0xffffffffu;

var<workgroup> local_count: array<atomic<u32>, MAX_SPAN>;
var<workgroup> local_base: array<u32, MAX_SPAN>;

@compute @workgroup_size(WG)
fn main(
  @builtin(local_invocation_index) lid: u32,
  @builtin(workgroup_id) wid: vec3<u32>,
  @builtin(num_workgroups) nwg: vec3<u32>,
) {
  let tile = tile_of(wid, nwg);
  for (var j = lid; j < tile.tn; j += WG) { atomicStore(&local_count[j], 0u); }
  workgroupBarrier();

  // slot = span index << 16 | position among the workgroup's matches of that target (< TILE <= 65536).
  var slot: array<u32, ITEMS>;
  for (var k = 0u; k < ITEMS; k++) {
    slot[k] = NO_SLOT;
    let i = tile.start + k * WG + lid;
    if (i < tile.end) {
      let j = span_target(load_key(i), tile);
      if (j < tile.tn) { slot[k] = (j << 16u) | atomicAdd(&local_count[j], 1u); }
    }
  }
  workgroupBarrier();

  for (var j = lid; j < tile.tn; j += WG) {
    let n = atomicLoad(&local_count[j]);
    if (n != 0u) { local_base[j] = targets[tile.t0 + j].dst + atomicAdd(&cursors[tile.t0 + j], n); }
  }
  workgroupBarrier();

  for (var k = 0u; k < ITEMS; k++) {
    if (slot[k] != NO_SLOT) {
      let i = tile.start + k * WG + lid;
      store_key(local_base[slot[k] >> 16u] + (slot[k] & 0xffffu), load_key(i));
    }
  }
}
