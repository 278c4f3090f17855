// DynamicQuantizeLinear in two dispatches that never leave the GPU:
//  minmax:   one workgroup reduces min/max (range widened to include 0, NaN ignored), then computes the
//            ONNX scale = (max − min) / 255 and zero point = round(clamp(−min / scale, 0, 255)) (round half
//            to even) into the op's two scalar outputs;
//  quantize: q = clamp(round(x / scale) + zp, 0, 255), four codes per u32 word.
struct Params { n: u32, pad0: u32, pad1: u32, pad2: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> scale: array<f32>;
@group(0) @binding(3) var<storage, read_write> zp: array<u32>;
@group(0) @binding(4) var<storage, read_write> q: array<u32>;

var<workgroup> lo: array<f32, 256>;
var<workgroup> hi: array<f32, 256>;

@compute @workgroup_size(256)
fn minmax(@builtin(local_invocation_index) t: u32) {
  var mn = 0.0;
  var mx = 0.0;
  for (var i = t; i < p.n; i += 256u) {
    let v = x[i];
    if (v < mn) { mn = v; }
    if (v > mx) { mx = v; }
  }
  lo[t] = mn;
  hi[t] = mx;
  workgroupBarrier();
  for (var s = 128u; s > 0u; s >>= 1u) {
    if (t < s) {
      lo[t] = min(lo[t], lo[t + s]);
      hi[t] = max(hi[t], hi[t + s]);
    }
    workgroupBarrier();
  }
  if (t == 0u) {
    var sc = 1.0;
    if (hi[0] != lo[0]) { sc = (hi[0] - lo[0]) / 255.0; }
    scale[0] = sc;
    zp[0] = u32(round(clamp(-(lo[0] / sc), 0.0, 255.0)));
  }
}

@compute @workgroup_size(256)
fn quantize(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nw: vec3u) {
  let w = gid.x + gid.y * nw.x * 256u;
  if (w * 4u >= p.n) { return; }
  let sc = scale[0];
  let z = f32(zp[0]);
  var word = 0u;
  for (var j = 0u; j < 4u; j++) {
    let i = w * 4u + j;
    if (i < p.n) {
      let v = clamp(round(x[i] / sc) + z, 0.0, 255.0);
      word = word | (u32(v) << (j * 8u));
    }
  }
  q[w] = word;
}
