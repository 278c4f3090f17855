// Byte offsets of the per-series accumulator record (f64 fields), mirroring engine/kernels/features/fast/
// fast-accumulators.ts (A): fixed fields, one per band, then three per lag.
export const ACC_N: usize = 0;
export const ACC_BAD: usize = 8;
export const ACC_MIN: usize = 16;
export const ACC_MAX: usize = 24;
export const ACC_MU: usize = 32;
export const ACC_R: usize = 40;
export const ACC_SE: usize = 48;
export const ACC_SE2: usize = 56;
export const ACC_SE3: usize = 64;
export const ACC_SE4: usize = 72;
export const ACC_STE: usize = 80;
export const ACC_SAD: usize = 88;
export const ACC_CROSS: usize = 96;
export const ACC_PEAKS: usize = 104;
export const ACC_S: usize = 136;
export const ACC_SKP: usize = 144;
export const ACC_SPLNP: usize = 152;
export const ACC_SLN: usize = 160;
export const ACC_SFLOOR: usize = 168;
export const ACC_ARGMAX: usize = 176;
export const ACC_ROLLOFF: usize = 184;
export const ACC_K: usize = 192;
export const ACC_BAND: usize = 200;

/** Minimum length for features (fast-layout.ts MIN_LENGTH). */
export const MIN_LENGTH: i32 = 4;

/** Sum of the four f32 lanes, in f64. */
@inline export function hsum(v: v128): f64 {
  return <f64>f32x4.extract_lane(v, 0) + <f64>f32x4.extract_lane(v, 1) + <f64>f32x4.extract_lane(v, 2) + <f64>f32x4.extract_lane(v, 3);
}

/** Sum of the four i32 lanes. */
@inline export function hsumI(v: v128): i32 {
  return i32x4.extract_lane(v, 0) + i32x4.extract_lane(v, 1) + i32x4.extract_lane(v, 2) + i32x4.extract_lane(v, 3);
}
