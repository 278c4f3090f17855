// Integer GEMM on packed 4 × 8-bit words (MatMulInteger): out[i][j] = Σ_k (a[i][k] − az_i)(b[k][j] − bz_j)
// computed as Σ a·b − bz_j·Σ_k a − az_i·Σ_k b + K·az_i·bz_j, the Σ a·b by dot4I8Packed / dot4U8Packed
// (WGSL packed_4x8_integer_dot_product: dot4-packed.wgsl) or, without that language feature, by unpacking
// (dot4-unpacked.wgsl); the host prepends one of them and `const SIGNED`.
// SIGNED: both operands hold i8 (dot4I8Packed); else both hold u8 (a signed side was shifted by 128 on
// packing, its zero point with it). A: M rows of KW words (K padded with zero bytes); B: N columns of KW
// words (packed at load); colSum[j] = Σ_k b; each invocation computes 2 rows × 4 columns.
// az: a's zero point as stored (bytes in u32 words; one per row when AZ_ROWS), 0 when AZ_NONE; AZ_SIGNED
// sign-extends it, AZ_FLIP adds 128 (the u8 path's shift of signed data). bz: per column, already shifted.
struct Params { M: u32, N: u32, KW: u32, K: u32, azFlags: u32, pad0: u32, pad1: u32, pad2: u32 }
const AZ_NONE: u32 = 1u;
const AZ_ROWS: u32 = 2u;
const AZ_SIGNED: u32 = 4u;
const AZ_FLIP: u32 = 8u;

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> a: array<u32>;
@group(0) @binding(2) var<storage, read> b: array<u32>;
@group(0) @binding(3) var<storage, read> colSum: array<i32>;
@group(0) @binding(4) var<storage, read> bz: array<i32>;
@group(0) @binding(5) var<storage, read> az: array<u32>;
@group(0) @binding(6) var<storage, read_write> outv: array<i32>;

fn azOf(i: u32) -> i32 {
  if ((p.azFlags & AZ_NONE) != 0u) { return 0; }
  let at = select(0u, i, (p.azFlags & AZ_ROWS) != 0u);
  var v: i32;
  if ((p.azFlags & AZ_SIGNED) != 0u) { v = extractBits(bitcast<i32>(az[at / 4u]), (at % 4u) * 8u, 8u); }
  else { v = i32(extractBits(az[at / 4u], (at % 4u) * 8u, 8u)); }
  return select(v, v + 128, (p.azFlags & AZ_FLIP) != 0u);
}

@compute @workgroup_size(8, 8)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let j0 = gid.x * 4u;
  let i0 = gid.y * 2u;
  if (i0 >= p.M || j0 >= p.N) { return; }
  var acc: array<i32, 8>;
  var rs = vec2i(0, 0);
  let r1 = min(i0 + 1u, p.M - 1u);
  for (var w = 0u; w < p.KW; w++) {
    let x0 = a[i0 * p.KW + w];
    let x1 = a[r1 * p.KW + w];
    rs += vec2i(dot4(x0, 0x01010101u), dot4(x1, 0x01010101u));
    for (var c = 0u; c < 4u; c++) {
      let y = b[min(j0 + c, p.N - 1u) * p.KW + w];
      acc[c] += dot4(x0, y);
      acc[4u + c] += dot4(x1, y);
    }
  }
  for (var r = 0u; r < 2u; r++) {
    let i = i0 + r;
    if (i >= p.M) { break; }
    let azi = azOf(i);
    for (var c = 0u; c < 4u; c++) {
      let j = j0 + c;
      if (j >= p.N) { break; }
      outv[i * p.N + j] = acc[r * 4u + c] - bz[j] * rs[r] - azi * colSum[j] + i32(p.K) * azi * bz[j];
    }
  }
}
