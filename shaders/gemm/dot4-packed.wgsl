// Σ of the four byte products of x and y with the WGSL packed_4x8_integer_dot_product built-ins.
fn dot4(x: u32, y: u32) -> i32 {
  if (SIGNED) { return dot4I8Packed(x, y); }
  return i32(dot4U8Packed(x, y));
}
