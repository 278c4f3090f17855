// Block-quantized weights (MatMulNBits layout, BITS 4 or 8) × f32 activations, dequantized in registers:
// each invocation owns one output column n for ROWS rows; A rows are staged through workgroup memory in
// chunks of 256 k (ROWS × 1 KiB); codes are read as u32 words and unpacked with shifts right before the
// multiply-add. zpf holds each block's zero point as f32 (packed / float / default, resolved at load).
struct Params { M: u32, N: u32, K: u32, kBlocks: u32, blockSize: u32, blob: u32, flags: u32, pad0: u32 }
const BIAS: u32 = 2u;
const RELU: u32 = 4u;
const ROWS: u32 = 4u;
const CHUNK: u32 = 256u;

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> codes: array<u32>;
@group(0) @binding(3) var<storage, read> scales: array<f32>;
@group(0) @binding(4) var<storage, read> zpf: array<f32>;
@group(0) @binding(5) var<storage, read> bias: array<f32>;
@group(0) @binding(6) var<storage, read_write> y: array<f32>;

var<workgroup> ta: array<f32, 1024>; // ROWS × CHUNK

fn code(n: u32, k: u32) -> f32 {
  let blk = k / p.blockSize;
  let j = k % p.blockSize;
  let byteAt = (n * p.kBlocks + blk) * p.blob + j * BITS / 8u;
  let word = codes[byteAt / 4u];
  let shift = (byteAt % 4u) * 8u + select(0u, (j % 2u) * 4u, BITS == 4u);
  return f32(extractBits(word, shift, BITS));
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_index) t: u32) {
  let n = wg.x * 64u + t;
  let r0 = wg.y * ROWS;
  var acc = array<f32, 4>(0.0, 0.0, 0.0, 0.0);
  for (var k0 = 0u; k0 < p.K; k0 += CHUNK) {
    for (var e = t; e < ROWS * CHUNK; e += 64u) {
      let r = r0 + e / CHUNK;
      let k = k0 + e % CHUNK;
      ta[e] = select(0.0, a[r * p.K + k], r < p.M && k < p.K);
    }
    workgroupBarrier();
    if (n < p.N) {
      let kEnd = min(p.K, k0 + CHUNK);
      for (var k = k0; k < kEnd; k++) {
        let blk = n * p.kBlocks + k / p.blockSize;
        let w = (code(n, k) - zpf[blk]) * scales[blk];
        for (var r = 0u; r < ROWS; r++) { acc[r] += ta[r * CHUNK + (k - k0)] * w; }
      }
    }
    workgroupBarrier();
  }
  if (n >= p.N) { return; }
  for (var r = 0u; r < ROWS; r++) {
    let row = r0 + r;
    if (row >= p.M) { break; }
    var v = acc[r];
    if ((p.flags & BIAS) != 0u) { v += bias[n]; }
    if ((p.flags & RELU) != 0u && v < 0.0) { v = 0.0; }
    y[row * p.N + n] = v;
  }
}
