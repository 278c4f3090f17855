// rfft for n > 4096 (m = n/2 > 2048 complex points): main_block runs the first 11 stages of each 2048-point
// block in workgroup memory (bit-reversed load) and writes it to scratch; main_stage runs one later stage
// (span P.stage_l) over scratch in place, one butterfly per invocation; main_post does the real split.
var<workgroup> zr: array<f32, 2048>;
var<workgroup> zi: array<f32, 2048>;

@compute @workgroup_size(256)
fn main_block(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let m = P.n >> 1u;
  let blocks = m / 2048u;
  let g = linear_id(wid, nwg);
  let s = g / blocks;
  if (s >= P.count) {
    return;
  }
  let base = (g % blocks) * 2048u;
  for (var i = lid; i < 2048u; i += 256u) {
    let k = reverseBits(base + i) >> (32u - P.log_m);
    zr[i] = sample(s, 2u * k);
    zi[i] = sample(s, 2u * k + 1u);
  }
  workgroupBarrier();
  for (var L = 1u; L < 2048u; L <<= 1u) {
    for (var b = lid; b < 1024u; b += 256u) {
      let i0 = (b / L) * 2u * L + b % L;
      let i1 = i0 + L;
      let t = cmul(vec2<f32>(zr[i1], zi[i1]), tw[(b % L) * (m / L)]);
      let ar = zr[i0];
      let ai = zi[i0];
      zr[i0] = ar + t.x;
      zi[i0] = ai + t.y;
      zr[i1] = ar - t.x;
      zi[i1] = ai - t.y;
    }
    workgroupBarrier();
  }
  for (var i = lid; i < 2048u; i += 256u) {
    scratch[s * m + base + i] = vec2<f32>(zr[i], zi[i]);
  }
}

@compute @workgroup_size(256)
fn main_stage(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let m = P.n >> 1u;
  let hm = m >> 1u;
  let b = linear_id(wid, nwg) * 256u + lid;
  if (b >= P.count * hm) {
    return;
  }
  let L = P.stage_l;
  let s = b / hm;
  let j = b % hm;
  let i0 = s * m + (j / L) * 2u * L + j % L;
  let i1 = i0 + L;
  let t = cmul(scratch[i1], tw[(j % L) * (m / L)]);
  let a = scratch[i0];
  scratch[i0] = a + t;
  scratch[i1] = a - t;
}

@compute @workgroup_size(256)
fn main_post(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let m = P.n >> 1u;
  let bins = m + 1u;
  let i = linear_id(wid, nwg) * 256u + lid;
  if (i >= P.count * bins) {
    return;
  }
  let s = i / bins;
  let k = i % bins;
  let zc = scratch[s * m + (m - k) % m];
  write_bin(s, k, split_bin(scratch[s * m + k % m], vec2<f32>(zc.x, -zc.y), k));
}
