// Σ of the four byte products of x and y, unpacked by hand: for adapters without
// packed_4x8_integer_dot_product.
fn dot4(x: u32, y: u32) -> i32 {
  var s = 0;
  for (var o = 0u; o < 32u; o += 8u) {
    if (SIGNED) { s += extractBits(i32(x), o, 8u) * extractBits(i32(y), o, 8u); }
    else { s += i32(extractBits(x, o, 8u) * extractBits(y, o, 8u)); }
  }
  return s;
}
