// rfft for n ≤ 4096: a workgroup holds 2048 complex points (16 KiB), i.e. 2048/m series of m = n/2 points.
// Load in bit-reversed order, radix-2 decimation-in-time stages with a barrier between, then the real split.
// n ≤ 2 skips the FFT: one invocation per series.
var<workgroup> zr: array<f32, 2048>;
var<workgroup> zi: array<f32, 2048>;

@compute @workgroup_size(256)
fn main_local(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let m = P.n >> 1u;
  let per = 2048u / m;
  let first = linear_id(wid, nwg) * per;
  if (first >= P.count) {
    return;
  }
  for (var i = lid; i < 2048u; i += 256u) {
    let slot = i / m;
    let k = i % m;
    let s = first + slot;
    var a = vec2<f32>(0.0, 0.0);
    if (s < P.count) {
      a = vec2<f32>(sample(s, 2u * k), sample(s, 2u * k + 1u));
    }
    let r = slot * m + (reverseBits(k) >> (32u - P.log_m));
    zr[r] = a.x;
    zi[r] = a.y;
  }
  workgroupBarrier();
  let hm = m >> 1u;
  for (var L = 1u; L < m; L <<= 1u) {
    for (var b = lid; b < 1024u; b += 256u) {
      let slot = b / hm;
      let j = b % hm;
      let i0 = slot * m + (j / L) * 2u * L + j % L;
      let i1 = i0 + L;
      let t = cmul(vec2<f32>(zr[i1], zi[i1]), tw[(j % L) * (m / L)]);
      let ar = zr[i0];
      let ai = zi[i0];
      zr[i0] = ar + t.x;
      zi[i0] = ai + t.y;
      zr[i1] = ar - t.x;
      zi[i1] = ai - t.y;
    }
    workgroupBarrier();
  }
  let bins = m + 1u;
  for (var i = lid; i < per * bins; i += 256u) {
    let slot = i / bins;
    let k = i % bins;
    let s = first + slot;
    if (s < P.count) {
      let a = slot * m + k % m;
      let c = slot * m + (m - k) % m;
      write_bin(s, k, split_bin(vec2<f32>(zr[a], zi[a]), vec2<f32>(zr[c], -zi[c]), k));
    }
  }
}

@compute @workgroup_size(256)
fn main_tiny(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let s = linear_id(wid, nwg) * 256u + lid;
  if (s >= P.count) {
    return;
  }
  let a = sample(s, 0u);
  var b = 0.0;
  if (P.n == 2u) {
    b = sample(s, 1u);
  }
  write_bin(s, 0u, vec2<f32>(a + b, 0.0));
  if (P.n == 2u) {
    write_bin(s, 1u, vec2<f32>(a - b, 0.0));
  }
}
