// MD_hrv_classic_pnn40: share of successive differences whose magnitude exceeds 40 ms, the heart-rate-
// variability pNN40 with the z-scored series read as seconds (|Δ|·1000 > 40).
import { ldf, ldv } from './c22-mem';
import { N, Z } from './c22-scratch';

export function mdHrvClassicPnn40(): f64 {
  const n = N, y = Z;
  const k1000 = f64x2.splat(1000), k40 = f64x2.splat(40);
  let count = 0;
  let i = 0;
  for (; i + 2 <= n - 1; i += 2) {
    const d = f64x2.abs(f64x2.sub(ldv(y, i + 1), ldv(y, i)));
    count += popcnt<i32>(i64x2.bitmask(f64x2.gt(f64x2.mul(d, k1000), k40)));
  }
  for (; i < n - 1; i++) {
    if (Math.abs(ldf(y, i + 1) - ldf(y, i)) * 1000 > 40) count++;
  }
  return <f64>count / <f64>(n - 1);
}
