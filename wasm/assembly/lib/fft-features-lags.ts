// Autocorrelation sums over the scaled deviations e (written by pass 2), per lag k < n: Σ_{t<n−k} e_t·e_{t+k}
// (four f32x4 accumulators, flushed to f64 every 512 points) and the sums of the first and last k
// deviations, which the host needs to correct for the rounded mean.
import { hsum } from './fft-features-acc';

/** Σ_{t<n−k} e_t·e_{t+k}, Σ_{t<k} e_t, Σ_{t≥n−k} e_t for each lag (k < n) into acc + lagAt + 24j. */
export function lagSums(e: usize, n: i32, lags: usize, nLags: i32, acc: usize, lagAt: usize): void {
  for (let j = 0; j < nLags; j++) {
    const k = <i32>load<u32>(lags + (<usize>j << 2));
    const out = acc + lagAt + <usize>j * 24;
    if (k >= n) continue;
    const m = n - k;
    const ek = e + (<usize>k << 2);
    let R: f64 = 0;
    let t = 0;
    const m16 = m & ~15;
    while (t < m16) {
      let v0 = f32x4.splat(0), v1 = v0, v2 = v0, v3 = v0;
      const end = min(m16, t + 512);
      for (; t < end; t += 16) {
        const a = e + (<usize>t << 2), b = ek + (<usize>t << 2);
        v0 = f32x4.add(v0, f32x4.mul(v128.load(a), v128.load(b)));
        v1 = f32x4.add(v1, f32x4.mul(v128.load(a, 16), v128.load(b, 16)));
        v2 = f32x4.add(v2, f32x4.mul(v128.load(a, 32), v128.load(b, 32)));
        v3 = f32x4.add(v3, f32x4.mul(v128.load(a, 48), v128.load(b, 48)));
      }
      R += hsum(f32x4.add(f32x4.add(v0, v1), f32x4.add(v2, v3)));
    }
    for (; t < m; t++) R += <f64>load<f32>(e + (<usize>t << 2)) * <f64>load<f32>(ek + (<usize>t << 2));
    // The first and last k deviations only feed the small δ correction: f32 sums are plenty.
    const et = e + (<usize>m << 2);
    let vh = f32x4.splat(0), vt = vh;
    let i = 0;
    for (; i + 4 <= k; i += 4) {
      vh = f32x4.add(vh, v128.load(e + (<usize>i << 2)));
      vt = f32x4.add(vt, v128.load(et + (<usize>i << 2)));
    }
    let head = hsum(vh), tail = hsum(vt);
    for (; i < k; i++) {
      head += <f64>load<f32>(e + (<usize>i << 2));
      tail += <f64>load<f32>(et + (<usize>i << 2));
    }
    store<f64>(out, R);
    store<f64>(out, head, 8);
    store<f64>(out, tail, 16);
  }
}
