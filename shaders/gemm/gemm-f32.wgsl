// f32 GEMM, one output tile of 32×32 per workgroup (16×16 invocations, 2×2 outputs each), K in steps of
// 16 through workgroup memory (2 × 2 KiB, well under the 16 KiB every adapter allows).
// C[b] = alpha · A[b] · op(B[b]) (+ bias[col]) (then relu); A M×K row-major; B K×N, or N×K when TRANS_B.
// Per-batch element offsets of A, B and C come from `offs` (batch broadcasting is resolved on the host).
struct Params { M: u32, N: u32, K: u32, flags: u32, alpha: f32, pad0: u32, pad1: u32, pad2: u32 }
const TRANS_B: u32 = 1u;
const BIAS: u32 = 2u;
const RELU: u32 = 4u;
const TS: u32 = 32u;
const KT: u32 = 16u;

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read> bias: array<f32>;
@group(0) @binding(4) var<storage, read> offs: array<u32>;
@group(0) @binding(5) var<storage, read_write> c: array<f32>;

var<workgroup> ta: array<f32, 512>; // TS rows × KT
var<workgroup> tb: array<f32, 512>; // KT × TS columns

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) l: vec3u) {
  let aOff = offs[wg.z * 3u];
  let bOff = offs[wg.z * 3u + 1u];
  let cOff = offs[wg.z * 3u + 2u];
  let row0 = wg.y * TS;
  let col0 = wg.x * TS;
  let tid = l.y * 16u + l.x;
  var acc = array<f32, 4>(0.0, 0.0, 0.0, 0.0);
  for (var k0 = 0u; k0 < p.K; k0 += KT) {
    for (var i = 0u; i < 2u; i++) {
      let e = tid * 2u + i;
      let r = row0 + e / KT;
      let k = k0 + e % KT;
      ta[e] = select(0.0, a[aOff + r * p.K + k], r < p.M && k < p.K);
      let kb = k0 + e / TS;
      let col = col0 + e % TS;
      var bv = 0.0;
      if (kb < p.K && col < p.N) {
        bv = select(b[bOff + kb * p.N + col], b[bOff + col * p.K + kb], (p.flags & TRANS_B) != 0u);
      }
      tb[e] = bv;
    }
    workgroupBarrier();
    for (var kk = 0u; kk < KT; kk++) {
      let a0 = ta[(l.y * 2u) * KT + kk];
      let a1 = ta[(l.y * 2u + 1u) * KT + kk];
      let b0 = tb[kk * TS + l.x * 2u];
      let b1 = tb[kk * TS + l.x * 2u + 1u];
      acc[0] += a0 * b0;
      acc[1] += a0 * b1;
      acc[2] += a1 * b0;
      acc[3] += a1 * b1;
    }
    workgroupBarrier();
  }
  for (var i = 0u; i < 4u; i++) {
    let r = row0 + l.y * 2u + i / 2u;
    let col = col0 + l.x * 2u + i % 2u;
    if (r < p.M && col < p.N) {
      var v = p.alpha * acc[i];
      if ((p.flags & BIAS) != 0u) { v += bias[col]; }
      if ((p.flags & RELU) != 0u && v < 0.0) { v = 0.0; }
      c[cOff + r * p.N + col] = v;
    }
  }
}
