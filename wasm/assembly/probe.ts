// Tiny module the loader uses to report which WASM features the runtime validated.
export function simdLanes(): i32 {
  const v = i32x4.splat(1);
  return i32x4.extract_lane(i32x4.add(v, v), 0) + 2;
}
