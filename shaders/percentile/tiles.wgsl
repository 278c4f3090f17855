// Work lists shared by the histogram and compaction kernels. A *target* is a set of keys sharing a prefix
// (the keys still holding wanted ranks); a *tile* is up to TILE consecutive elements of one piece of `src`
// scanned for a *span* of targets: targets[t0 .. t0 + tn), sorted by prefix, whose key ranges are disjoint.
// Histogram spans hold one target; compaction spans up to MAX_SPAN, so one scan serves them all.
// Needs from the kernel: `entries: array<Entry>` sorted by first tile, closed by a sentinel entry
// (tn = 0, first = tile count); `targets: array<Target>`.

const TILE: u32 = WG * ITEMS;

struct Entry {
  t0: u32,
  tn: u32,
  start: u32,
  end: u32,
  first: u32,        // index of the entry's first tile
}

struct Target {
  pref: vec2<u32>,   // key prefix (hi, lo); only the bits under `mask` are set
  mask: vec2<u32>,   // the prefix's bits
  shift: u32,        // histogram digit: bits [shift, shift + bits) of the key
  bits: u32,
  row: u32,          // histogram row: hist[row] = NaN count, hist[row + 1 + digit] = bins
  dst: u32,          // compaction: first output slot of this target
}

struct Tile {
  t0: u32,
  tn: u32,           // 0 for workgroups past the last tile (2-D grids round up)
  start: u32,
  end: u32,
}

fn tile_of(wid: vec3<u32>, nwg: vec3<u32>) -> Tile {
  let w = wid.x + wid.y * nwg.x;
  let last = arrayLength(&entries) - 1u;
  if (w >= entries[last].first) { return Tile(0u, 0u, 0u, 0u); }
  var lo = 0u;
  var hi = last;
  while (hi - lo > 1u) {
    let mid = (lo + hi) / 2u;
    if (entries[mid].first <= w) { lo = mid; } else { hi = mid; }
  }
  let e = entries[lo];
  let start = e.start + (w - e.first) * TILE;
  return Tile(e.t0, e.tn, start, min(start + TILE, e.end));
}

fn in_target(k: vec2<u32>, t: Target) -> bool {
  return all((k & t.mask) == t.pref);
}

fn key_le(a: vec2<u32>, b: vec2<u32>) -> bool {
  return a.x < b.x || (a.x == b.x && a.y <= b.y);
}

// Index in [0, tile.tn) of the span target holding key k, or tile.tn if none: the last target whose
// prefix is <= k is the only candidate, since the targets' key ranges are disjoint and sorted.
fn span_target(k: vec2<u32>, tile: Tile) -> u32 {
  var lo = 0u;
  var hi = tile.tn;
  while (lo < hi) {
    let mid = (lo + hi) / 2u;
    if (key_le(targets[tile.t0 + mid].pref, k)) { lo = mid + 1u; } else { hi = mid; }
  }
  if (lo == 0u || !in_target(k, targets[tile.t0 + lo - 1u])) { return tile.tn; }
  return lo - 1u;
}
