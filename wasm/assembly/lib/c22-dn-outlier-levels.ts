// DN_OutlierInclude's threshold levels, two points per f64x2: the level of v ≥ 0 is the highest j < nThresh
// with j·0.01 ≤ v (the reference's comparison, on j·0.01 as f64); bucket 0 holds the points with v < 0,
// bucket j + 1 those of level j. floor(v·100) is the guess, corrected by one step each way with masks; the
// level does not depend on the path, and the rare lane that still needs more goes through scalar loops.
import { ldf, ldi, ldv, sti } from './c22-mem';

const INC: f64 = 0.01;

/** The JS version's correction loops from guess j. */
function levelSlow(v: f64, j: i32, nThresh: i32): i32 {
  while (j + 1 < nThresh && <f64>(j + 1) * INC <= v) j++;
  while (j > 0 && <f64>j * INC > v) j--;
  return j;
}

@inline function count(start: usize, b: i32): void {
  sti(start, b + 1, ldi(start, b + 1) + 1);
}

/**
 * bucket[i] (i32) for v = sign·z[i], i < n; start[b + 1] (i32, nThresh + 2 entries, zeroed here) counts the
 * points in bucket b.
 */
export function bucketLevels(z: usize, n: i32, sign: f64, nThresh: i32, bucket: usize, start: usize): void {
  memory.fill(start, 0, <usize>(nThresh + 2) << 2);
  const sv = f64x2.splat(sign), inc = f64x2.splat(INC), hundred = f64x2.splat(100);
  const zero = f64x2.splat(0), one = f64x2.splat(1), top = f64x2.splat(<f64>(nThresh - 1));
  const limit = f64x2.splat(<f64>nThresh);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const v = f64x2.mul(sv, ldv(z, i));
    // pmax(j, 0) = j < 0 ? 0 : j; pmin(j, top) = top < j ? top : j
    let j = f64x2.pmin(f64x2.pmax(f64x2.floor(f64x2.mul(v, hundred)), zero), top);
    let up = f64x2.add(j, one);
    j = f64x2.add(j, v128.and(v128.and(f64x2.lt(up, limit), f64x2.le(f64x2.mul(up, inc), v)), one));
    j = f64x2.sub(j, v128.and(v128.and(f64x2.gt(j, zero), f64x2.gt(f64x2.mul(j, inc), v)), one));
    up = f64x2.add(j, one);
    const off = v128.or(
      v128.and(f64x2.lt(up, limit), f64x2.le(f64x2.mul(up, inc), v)),
      v128.and(f64x2.gt(j, zero), f64x2.gt(f64x2.mul(j, inc), v)),
    );
    const b = i32x4.trunc_sat_f64x2_s_zero(v128.bitselect(up, zero, f64x2.ge(v, zero)));
    let b0 = i32x4.extract_lane(b, 0), b1 = i32x4.extract_lane(b, 1);
    if (v128.any_true(off)) {
      const v0 = f64x2.extract_lane(v, 0), v1 = f64x2.extract_lane(v, 1);
      if (v0 >= 0) b0 = levelSlow(v0, b0 - 1, nThresh) + 1;
      if (v1 >= 0) b1 = levelSlow(v1, b1 - 1, nThresh) + 1;
    }
    sti(bucket, i, b0);
    sti(bucket, i + 1, b1);
    count(start, b0);
    count(start, b1);
  }
  if (i < n) {
    const v = sign * ldf(z, i);
    let b = 0;
    if (v >= 0) {
      let j = <i32>Math.floor(v * 100);
      j = select<i32>(0, j, j < 0);
      b = levelSlow(v, select<i32>(nThresh - 1, j, j > nThresh - 1), nThresh) + 1;
    }
    sti(bucket, i, b);
    count(start, b);
  }
}
