// Shared by the rfft entry points (rfft.wgsl, rfft-multipass.wgsl): bindings, parameters and the sample
// loader. Series s of a dispatch is series_meta[s] = (start, length, window offset, −); its first min(length, n)
// samples are read, centred, scaled and re-centred by prep[s] = (μ, r, δ, −) as (x − μ)·r − δ when FLAG_PREP, multiplied by the host-made window
// (periodic Hann of that length) when FLAG_HANN, and zero-padded to n. Twiddles tw[k] = e^{−2πik/n}, k ≤ n/2,
// are made on the host in f64 (GPU sin/cos may be as coarse as 2^-11).
struct Params {
  n: u32,
  log_m: u32,
  count: u32,
  flags: u32,
  out_kind: u32,
  stage_l: u32,
  /** Index of this dispatch's first series in series_meta and prep (output rows start at 0). */
  base: u32,
  _pad: u32,
}

const FLAG_HANN: u32 = 1u;
const FLAG_PREP: u32 = 2u;
const OUT_MAGNITUDE: u32 = 0u;
const OUT_COMPLEX: u32 = 1u;
const OUT_POWER: u32 = 2u;

@group(0) @binding(0) var<storage, read> values: array<f32>;
@group(0) @binding(1) var<storage, read> series_meta: array<vec4<u32>>;
@group(0) @binding(2) var<storage, read> tw: array<vec2<f32>>;
@group(0) @binding(3) var<storage, read> prep: array<vec4<f32>>;
@group(0) @binding(4) var<storage, read> win: array<f32>;
@group(0) @binding(5) var<storage, read_write> dst: array<f32>;
@group(0) @binding(6) var<storage, read_write> scratch: array<vec2<f32>>;
@group(0) @binding(7) var<uniform> P: Params;

fn sample(s: u32, t: u32) -> f32 {
  let mt = series_meta[P.base + s];
  let use_len = min(mt.y, P.n);
  if (t >= use_len) {
    return 0.0;
  }
  var v = values[mt.x + t];
  if ((P.flags & FLAG_PREP) != 0u) {
    let pr = prep[P.base + s];
    v = (v - pr.x) * pr.y - pr.z;
  }
  if ((P.flags & FLAG_HANN) != 0u) {
    v = v * win[mt.z + t];
  }
  return v;
}

fn cmul(a: vec2<f32>, w: vec2<f32>) -> vec2<f32> {
  return vec2<f32>(a.x * w.x - a.y * w.y, a.x * w.y + a.y * w.x);
}

/** Bin k of the real spectrum from Z[k] and conj(Z[m − k]) of the hm-length complex FFT. */
fn split_bin(zk: vec2<f32>, zc: vec2<f32>, k: u32) -> vec2<f32> {
  let e = 0.5 * (zk + zc);
  let d = zk - zc;
  let o = 0.5 * vec2<f32>(d.y, -d.x);
  return e + cmul(o, tw[k]);
}

fn write_bin(s: u32, k: u32, x: vec2<f32>) {
  let bins = (P.n >> 1u) + 1u;
  let at = s * bins + k;
  if (P.out_kind == OUT_COMPLEX) {
    dst[2u * at] = x.x;
    dst[2u * at + 1u] = x.y;
  } else if (P.out_kind == OUT_POWER) {
    dst[at] = dot(x, x);
  } else {
    dst[at] = length(x);
  }
}

fn linear_id(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + wid.y * nwg.x;
}
