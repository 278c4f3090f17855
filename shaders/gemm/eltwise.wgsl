// Element-wise f32 ops with ONNX broadcasting: out dims and per-input strides (0 on broadcast axes) come
// in `shape` (rank ≤ 6: [outDims 6][aStrides 6][bStrides 6]). OP: 0 add, 1 sub, 2 mul, 3 div, 10 relu,
// 11 sigmoid, 12 cast int32 → f32 (unary ops read a only).
struct Params { n: u32, rank: u32, op: u32, pad0: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> shape: array<u32>;
@group(0) @binding(2) var<storage, read> a: array<f32>;
@group(0) @binding(3) var<storage, read> b: array<f32>;
@group(0) @binding(4) var<storage, read_write> outv: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nw: vec3u) {
  let i = gid.x + gid.y * nw.x * 256u;
  if (i >= p.n) { return; }
  var rest = i;
  var ai = 0u;
  var bi = 0u;
  for (var d = 0u; d < p.rank; d++) {
    let axis = p.rank - 1u - d;
    let dim = shape[axis];
    let coord = rest % dim;
    rest = rest / dim;
    ai += coord * shape[6u + axis];
    bi += coord * shape[12u + axis];
  }
  let x = a[ai];
  var y = 0.0;
  switch (p.op) {
    case 0u: { y = x + b[bi]; }
    case 1u: { y = x - b[bi]; }
    case 2u: { y = x * b[bi]; }
    case 3u: { y = x / b[bi]; }
    case 10u: { y = select(x, 0.0, x < 0.0); }
    case 11u: { y = select(exp(x) / (1.0 + exp(x)), 1.0 / (1.0 + exp(-x)), x >= 0.0); }
    case 12u: { y = f32(bitcast<i32>(x)); }
    default: { y = x; }
  }
  outv[i] = y;
}
