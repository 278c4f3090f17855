// Repacks an 8-bit tensor (bytes row-major in u32 words, rows of K bytes) into rows of KW whole words,
// zero-padded, for gemm-i8.wgsl; FLIP adds 128 to every real byte (signed data used on the u8 path).
struct Params { M: u32, K: u32, KW: u32, flip: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> src: array<u32>;
@group(0) @binding(2) var<storage, read_write> dst: array<u32>;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nw: vec3u) {
  let idx = gid.x + gid.y * nw.x * 256u;
  if (idx >= p.M * p.KW) { return; }
  let r = idx / p.KW;
  let w = idx % p.KW;
  var word = 0u;
  for (var j = 0u; j < 4u; j++) {
    let k = w * 4u + j;
    if (k < p.K) {
      let at = r * p.K + k;
      var byte = extractBits(src[at / 4u], (at % 4u) * 8u, 8u);
      if (p.flip != 0u) { byte = byte ^ 0x80u; }
      word = word | (byte << (j * 8u));
    }
  }
  dst[idx] = word;
}
