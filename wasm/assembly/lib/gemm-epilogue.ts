// What every GEMM kernel does to an output vector before storing it, set once per call by the host with
// gemmEpilogue(): y = acc · (rowScale · colScale[col]) + bias[col], then relu, then the running min/max
// that the next DynamicQuantizeLinear needs (so it never rereads the output). Columns are addressed by
// byte offset into the N-padded f32 arrays the host packed at load.

let colScale: usize = 0;
let bias: usize = 0;
let relu: bool = false;
let track: bool = false;
let rowScale: f32 = 1;
let minV: v128 = f32x4.splat(Infinity);
let maxV: v128 = f32x4.splat(-Infinity);

/** Sets the epilogue for the next kernel calls. colScale/bias: 0 = none. flags: 1 relu, 2 track min/max. */
export function gemmEpilogue(scale: usize, rs: f32, b: usize, flags: i32): void {
  colScale = scale;
  rowScale = rs;
  bias = b;
  relu = (flags & 1) != 0;
  track = (flags & 2) != 0;
  minV = f32x4.splat(Infinity);
  maxV = f32x4.splat(-Infinity);
}

/** Writes the tracked [min, max] (f32 ×2) to out; NaN is ignored, as DynamicQuantizeLinear's reference does. */
export function gemmMinMax(out: usize): void {
  const a = f32x4.pmin(minV, f32x4.shuffle(minV, minV, 2, 3, 0, 1));
  const b = f32x4.pmax(maxV, f32x4.shuffle(maxV, maxV, 2, 3, 0, 1));
  const lo = f32x4.pmin(a, f32x4.shuffle(a, a, 1, 0, 3, 2));
  const hi = f32x4.pmax(b, f32x4.shuffle(b, b, 1, 0, 3, 2));
  store<f32>(out, f32x4.extract_lane(lo, 0));
  store<f32>(out, f32x4.extract_lane(hi, 0), 4);
}

/** Folds values into the running min/max (used by passes that are not GEMMs). */
@inline export function trackMinMax(v: v128): void {
  minV = f32x4.pmin(minV, v);
  maxV = f32x4.pmax(maxV, v);
}

/** The epilogue on four f32 lanes of columns starting at byte offset colByte. */
@inline export function finish(v: v128, colByte: usize): v128 {
  // Two separate roundings, like the ONNX graph: Mul(a_scale, b_scale) then Mul(acc, that).
  if (colScale) v = f32x4.mul(v, f32x4.mul(f32x4.splat(rowScale), v128.load(colScale + colByte)));
  if (bias) v = f32x4.add(v, v128.load(bias + colByte));
  // pmax(v, 0) = v < 0 ? 0 : v keeps NaN and −0, exactly the reference Relu.
  if (relu) v = f32x4.pmax(v, f32x4.splat(0));
  if (track) trackMinMax(v);
  return v;
}

/** Stores the first n (0..4) lanes of v at p. */
@inline export function storeLanes(p: usize, v: v128, n: i32): void {
  if (n >= 4) v128.store(p, v);
  else if (n == 3) {
    v128.store64_lane(p, v, 0);
    v128.store32_lane(p, v, 2, 8);
  } else if (n == 2) v128.store64_lane(p, v, 0);
  else if (n == 1) v128.store32_lane(p, v, 0);
}

/** Stores an 8-column result row (two vectors) keeping only `cols` valid columns. */
@inline export function storeRow8(p: usize, v0: v128, v1: v128, cols: i32): void {
  if (cols >= 8) {
    v128.store(p, v0);
    v128.store(p, v1, 16);
  } else {
    storeLanes(p, v0, cols);
    if (cols > 4) storeLanes(p + 16, v1, cols - 4);
  }
}

/** Epilogue + store of an f32 row segment of 8 columns. */
@inline export function finishRow8(p: usize, v0: v128, v1: v128, colByte: usize, cols: i32): void {
  const y0 = finish(v0, colByte);
  const y1 = finish(v1, colByte + 16);
  storeRow8(p, y0, y1, cols);
}
