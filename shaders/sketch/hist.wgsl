// Pass 2 of a chunk: bin counts. Each workgroup counts into workgroup memory (atomics) for a window of slots
// placed from pass 1's range: the four special slots, then the top of the negative and positive slot ranges
// (everything, unless the data spans more than LOCAL_BINS − 4 bins); slots outside the window go straight to
// the global counts. The window's non-zero bins are then added to the global counts, one atomic per bin.

@group(0) @binding(5) var<storage, read> range: array<u32>;
@group(0) @binding(6) var<storage, read_write> counts: array<atomic<u32>>;

override LOCAL_BINS: u32 = 4096u;
var<workgroup> local_bins: array<atomic<u32>, LOCAL_BINS>;

struct Window { nlo: u32, wn: u32, plo: u32, wp: u32 }

fn window() -> Window {
  let free = LOCAL_BINS - 4u;
  let nspan = select(0u, range[1] - range[0] + 1u, range[1] >= range[0] && range[0] != 0xffffffffu);
  let pspan = select(0u, range[3] - range[2] + 1u, range[3] >= range[2] && range[2] != 0xffffffffu);
  var wn = min(nspan, free / 2u);
  let wp = min(pspan, free - wn);
  wn = min(nspan, free - wp);
  return Window(range[1] + 1u - wn, wn, range[3] + 1u - wp, wp);
}

fn global_slot(b: u32, w: Window) -> u32 {
  if (b < 4u) { return b; }
  if (b < 4u + w.wn) { return w.nlo + b - 4u; }
  return w.plo + b - 4u - w.wn;
}

@compute @workgroup_size(WG)
fn main(
  @builtin(local_invocation_index) lid: u32,
  @builtin(workgroup_id) wid: vec3<u32>,
  @builtin(num_workgroups) nwg: vec3<u32>,
) {
  let w = window();
  let start = tile_index(wid, nwg) * WG * ITEMS;
  for (var j = 0u; j < ITEMS; j++) {
    let i = start + j * WG + lid;
    if (i >= P.n) { continue; }
    let s = slot_of(i);
    var b = 0xffffffffu;
    if (s < 4u) {
      b = s;
    } else if (s >= w.plo && s - w.plo < w.wp && s >= P.pos_base) {
      b = 4u + w.wn + s - w.plo;
    } else if (s >= w.nlo && s - w.nlo < w.wn && s < P.pos_base) {
      b = 4u + s - w.nlo;
    }
    if (b != 0xffffffffu) {
      atomicAdd(&local_bins[b], 1u);
    } else {
      atomicAdd(&counts[s], 1u);
    }
  }
  workgroupBarrier();
  for (var b = lid; b < 4u + w.wn + w.wp; b += WG) {
    let c = atomicLoad(&local_bins[b]);
    if (c != 0u) { atomicAdd(&counts[global_slot(b, w)], c); }
  }
}
