// Fast features on the GPU: spectral sums from power rows (bins 0 … K of one FFT size; bin 0 unused), one
// workgroup per series, each invocation owning a contiguous run of bins. Pass 1: ΣP, Σk·P, the first
// maximum. Pass 2: with P̃ = max(P, 1e-10·max P): Σ ln P̃, ΣP̃, ΣP·ln P̃, and the cumulative power (an
// exclusive scan of the runs' sums) written back over the row, which gives the 0.85 rolloff bin and each
// band's power as a difference of two cumulative sums. Writes spec[(base + s)·out_stride + …]:
// ΣP, Σk·P, ΣP·ln P̃, Σ ln P̃, ΣP̃, argmax k, rolloff k, K, then one sum per band.
struct Params {
  count: u32,
  k_bins: u32,
  n_bands: u32,
  row: u32,
  out_stride: u32,
  base: u32,
  _a: u32,
  _b: u32,
}

@group(0) @binding(0) var<storage, read_write> power: array<f32>;
@group(0) @binding(1) var<storage, read> bands: array<vec2<u32>>;
@group(0) @binding(2) var<storage, read_write> spec: array<f32>;
@group(0) @binding(3) var<uniform> P: Params;

var<workgroup> ra: array<vec4<f32>, 256>;
var<workgroup> scan: array<f32, 256>;
var<workgroup> roll: atomic<u32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let s = wid.x + wid.y * nwg.x;
  if (s >= P.count) {
    return;
  }
  let K = P.k_bins;
  let row = s * P.row;
  let run = (K + 255u) / 256u;
  let k0 = min(K + 1u, 1u + lid * run);
  let k1 = min(K + 1u, k0 + run);
  var sp = 0.0;
  var skp = 0.0;
  var mx = -1.0;
  var arg = 0.0;
  for (var k = k0; k < k1; k++) {
    let p = power[row + k];
    sp += p;
    skp += f32(k) * p;
    if (p > mx) {
      mx = p;
      arg = f32(k);
    }
  }
  ra[lid] = vec4<f32>(sp, skp, mx, arg);
  scan[lid] = sp;
  if (lid == 0u) {
    atomicStore(&roll, K);
  }
  for (var w = 128u; w > 0u; w >>= 1u) {
    workgroupBarrier();
    if (lid < w) {
      let a = ra[lid];
      let b = ra[lid + w];
      // Runs are in bin order, so on a tie the left one holds the first maximum.
      var best = a.zw;
      if (b.z > a.z) {
        best = b.zw;
      }
      ra[lid] = vec4<f32>(a.x + b.x, a.y + b.y, best);
    }
  }
  workgroupBarrier();
  let tot = ra[0];
  // Inclusive scan of the runs' sums (Hillis–Steele), then exclusive offsets.
  for (var w = 1u; w < 256u; w <<= 1u) {
    var v = scan[lid];
    if (lid >= w) {
      v += scan[lid - w];
    }
    workgroupBarrier();
    scan[lid] = v;
    workgroupBarrier();
  }
  let pfloor = 1e-10 * tot.z;
  let thr = 0.85 * tot.x;
  var c = scan[lid] - sp;
  var sl = 0.0;
  var sf = 0.0;
  var spl = 0.0;
  var first = K;
  for (var k = k0; k < k1; k++) {
    let p = power[row + k];
    let pf = max(p, pfloor);
    let l = log(pf);
    sl += l;
    sf += pf;
    spl += p * l;
    c += p;
    power[row + k] = c;
    if (c >= thr && first == K) {
      first = k;
    }
  }
  if (first < K) {
    atomicMin(&roll, first);
  }
  if (lid == 0u) {
    power[row] = 0.0;
  }
  workgroupBarrier();
  ra[lid] = vec4<f32>(sl, sf, spl, 0.0);
  for (var w = 128u; w > 0u; w >>= 1u) {
    workgroupBarrier();
    if (lid < w) {
      ra[lid] += ra[lid + w];
    }
  }
  storageBarrier();
  workgroupBarrier();
  let o = (P.base + s) * P.out_stride;
  if (lid == 0u) {
    let t = ra[0];
    spec[o + 0u] = tot.x;
    spec[o + 1u] = tot.y;
    spec[o + 2u] = t.z;
    spec[o + 3u] = t.x;
    spec[o + 4u] = t.y;
    spec[o + 5u] = tot.w;
    spec[o + 6u] = f32(atomicLoad(&roll));
    spec[o + 7u] = f32(K);
  }
  for (var b = lid; b < P.n_bands; b += 256u) {
    let r = bands[b];
    var v = 0.0;
    if (r.y > r.x) {
      v = power[row + r.y - 1u] - power[row + r.x - 1u];
    }
    spec[o + 8u + b] = v;
  }
}
