// Writes key k as element j of `dst` in the layout load_key reads back (lo word first when WIDE), so a
// little-endian host can view a read-back f64 key buffer as BigUint64Array.
// Needs from the kernel: `dst: array<u32>` (read_write).
fn store_key(j: u32, k: vec2<u32>) {
  if (WIDE) {
    dst[2u * j] = k.y;
    dst[2u * j + 1u] = k.x;
  } else {
    dst[j] = k.x;
  }
}
