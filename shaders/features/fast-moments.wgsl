// Fast features, passes 1 and 2 on the GPU: TPS invocations per series (a pipeline constant, 32 … 256),
// 256 / TPS series per workgroup. Pass 1: shifted sum, min, max, non-finite flag; pass 2 on
// e = (x − μ)·r with r = 1/(max − min): Σe … Σe⁴, Σ(t − t̄)e, Σ|Δe|, mean crossings, peaks, and per lag
// Σ e_t·e_{t+k} with the sums of the first and last k deviations. Each invocation sums a strided share
// (coalesced reads); shares are combined by a tree in workgroup memory. Writes acc (f32 record per
// series, layout in fast.webgpu.ts) and prep = (μ, r, δ = Σe/n) for the spectral rfft: it takes out the
// offset δ that μ's rounding to f32 leaves in the deviations.
override TPS: u32 = 256u;

struct Params {
  count: u32,
  n_lags: u32,
  stride: u32,
  _pad: u32,
}

@group(0) @binding(0) var<storage, read> values: array<f32>;
@group(0) @binding(1) var<storage, read> series_meta: array<vec4<u32>>;
@group(0) @binding(2) var<storage, read> lags: array<u32>;
@group(0) @binding(3) var<storage, read_write> acc: array<f32>;
@group(0) @binding(4) var<storage, read_write> prep: array<vec4<f32>>;
@group(0) @binding(5) var<uniform> P: Params;

var<workgroup> ra: array<vec4<f32>, 256>;
var<workgroup> rb: array<vec4<f32>, 256>;

/** Sums ra and rb over each segment of TPS invocations; the totals end in the segment's first slot. */
fn reduce_sum(lid: u32) {
  let li = lid % TPS;
  for (var w = TPS >> 1u; w > 0u; w >>= 1u) {
    workgroupBarrier();
    if (li < w) {
      ra[lid] += ra[lid + w];
      rb[lid] += rb[lid + w];
    }
  }
  workgroupBarrier();
}

fn finite(v: f32) -> bool {
  return (bitcast<u32>(v) & 0x7f800000u) != 0x7f800000u;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let li = lid % TPS;
  let first = lid - li;
  let s = (wid.x + wid.y * nwg.x) * (256u / TPS) + lid / TPS;
  var n = 0u;
  var start = 0u;
  if (s < P.count) {
    n = series_meta[s].y;
    start = series_meta[s].x;
  }
  // Pass 1.
  var x0 = 0.0;
  if (n > 0u) {
    x0 = values[start];
  }
  var sum = 0.0;
  var mn = x0;
  var mx = x0;
  var bad = 0.0;
  for (var t = li; t < n; t += TPS) {
    let v = values[start + t];
    if (!finite(v)) {
      bad = 1.0;
    } else {
      sum += v - x0;
      mn = min(mn, v);
      mx = max(mx, v);
    }
  }
  ra[lid] = vec4<f32>(sum, bad, 0.0, 0.0);
  rb[lid] = vec4<f32>(-mn, mx, 0.0, 0.0);
  // Min and max by the same tree: negate the minimum, take maxima.
  for (var w = TPS >> 1u; w > 0u; w >>= 1u) {
    workgroupBarrier();
    if (li < w) {
      ra[lid] += ra[lid + w];
      rb[lid] = max(rb[lid], rb[lid + w]);
    }
  }
  workgroupBarrier();
  let tot = ra[first];
  let ext = rb[first];
  mn = -ext.x;
  mx = ext.y;
  let nf = f32(n);
  let mu = x0 + tot.x / max(nf, 1.0);
  // Capped so a range in f32's subnormals still scales to finite deviations.
  let r = min(1.0 / (mx - mn), 8.5e37);
  // Only well-formed series go on; the others keep the loops empty (barriers stay uniform).
  var m = n;
  if (n < 4u || tot.y > 0.0 || !(mx > mn)) {
    m = 0u;
  }
  let tmean = (nf - 1.0) * 0.5;
  var e1 = 0.0;
  var e2 = 0.0;
  var e3 = 0.0;
  var e4 = 0.0;
  var et = 0.0;
  var sad = 0.0;
  var crossings = 0.0;
  var peaks = 0.0;
  for (var t = li; t < m; t += TPS) {
    let x = values[start + t];
    let e = (x - mu) * r;
    let q = e * e;
    e1 += e;
    e2 += q;
    e3 += q * e;
    e4 += q * q;
    et += (f32(t) - tmean) * e;
    if (t + 1u < m) {
      let x1 = values[start + t + 1u];
      sad += abs((x1 - mu) * r - e);
      if ((x > mu) != (x1 > mu)) {
        crossings += 1.0;
      }
      if (t > 0u && x > values[start + t - 1u] && x > x1) {
        peaks += 1.0;
      }
    }
  }
  workgroupBarrier();
  ra[lid] = vec4<f32>(e1, e2, e3, e4);
  rb[lid] = vec4<f32>(et, sad, crossings, peaks);
  reduce_sum(lid);
  let base = s * P.stride;
  if (li == 0u && s < P.count) {
    let a = ra[first];
    let b = rb[first];
    acc[base + 0u] = nf;
    acc[base + 1u] = tot.y;
    acc[base + 2u] = mn;
    acc[base + 3u] = mx;
    acc[base + 4u] = mu;
    acc[base + 5u] = r;
    acc[base + 6u] = a.x;
    acc[base + 7u] = a.y;
    acc[base + 8u] = a.z;
    acc[base + 9u] = a.w;
    acc[base + 10u] = b.x;
    acc[base + 11u] = b.y;
    acc[base + 12u] = b.z;
    acc[base + 13u] = b.w;
    prep[s] = vec4<f32>(mu, r, a.x / max(nf, 1.0), 0.0);
  }
  for (var j = 0u; j < P.n_lags; j++) {
    let k = lags[j];
    var rk = 0.0;
    var head = 0.0;
    var tail = 0.0;
    if (k < m) {
      for (var t = li; t + k < m; t += TPS) {
        rk += (values[start + t] - mu) * r * ((values[start + t + k] - mu) * r);
      }
      for (var t = li; t < k; t += TPS) {
        head += (values[start + t] - mu) * r;
        tail += (values[start + m - k + t] - mu) * r;
      }
    }
    workgroupBarrier();
    ra[lid] = vec4<f32>(rk, head, tail, 0.0);
    rb[lid] = vec4<f32>(0.0);
    reduce_sum(lid);
    if (li == 0u && s < P.count) {
      let a = ra[first];
      acc[base + 14u + 3u * j] = a.x;
      acc[base + 15u + 3u * j] = a.y;
      acc[base + 16u + 3u * j] = a.z;
    }
  }
}
