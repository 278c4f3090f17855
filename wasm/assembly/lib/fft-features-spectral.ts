// Spectral sums of four series at once (lane = series) from the bin powers P (one vector per bin at
// pbuf + 16k, as realFft4 writes them with SPLIT_POWER), over bins k = 1 … K: ΣP, Σk·P, ΣP·ln P̃, Σ ln P̃, ΣP̃ with P̃ = max(P, 1e-10·max P),
// the first argmax, the first bin whose cumulative power reaches 0.85·ΣP, and per-band ΣP. P·ln P̃ differs
// from P·ln P only for bins below the floor (a relative change under 1e-8 of the entropy).
import { lf, vlog } from './fft-features-log';
import { ACC_ARGMAX, ACC_BAND, ACC_K, ACC_ROLLOFF, ACC_S, ACC_SFLOOR, ACC_SKP, ACC_SLN, ACC_SPLNP } from './fft-features-acc';

@inline function lane(v: v128, l: i32): f64 {
  if (l == 0) return <f64>f32x4.extract_lane(v, 0);
  if (l == 1) return <f64>f32x4.extract_lane(v, 1);
  if (l == 2) return <f64>f32x4.extract_lane(v, 2);
  return <f64>f32x4.extract_lane(v, 3);
}

@inline function laneI(v: v128, l: i32): f64 {
  if (l == 0) return <f64>i32x4.extract_lane(v, 0);
  if (l == 1) return <f64>i32x4.extract_lane(v, 1);
  if (l == 2) return <f64>i32x4.extract_lane(v, 2);
  return <f64>i32x4.extract_lane(v, 3);
}

/** Flushes an f32x4 block sum into a pair of f64x2 accumulators (lanes 0,1 and 2,3). */
@inline function flushLo(acc: v128, v: v128): v128 {
  return f64x2.add(acc, f64x2.promote_low_f32x4(v));
}

@inline function flushHi(acc: v128, v: v128): v128 {
  return f64x2.add(acc, f64x2.promote_low_f32x4(f32x4.shuffle(v, v, 2, 3, 2, 3)));
}

@inline function f64lane(lo: v128, hi: v128, l: i32): f64 {
  if (l == 0) return f64x2.extract_lane(lo, 0);
  if (l == 1) return f64x2.extract_lane(lo, 1);
  if (l == 2) return f64x2.extract_lane(hi, 0);
  return f64x2.extract_lane(hi, 1);
}

/**
 * Writes the spectral sums of lane l to the record at accs[l] (u32 pointers; 0 = skip the lane).
 * pbuf: (K + 1) × 16 bytes of bin powers; bands: nBands pairs of i32 [start, end) bin ranges.
 */
export function spectralSums(K: i32, pbuf: usize, bands: usize, nBands: i32, accs: usize): void {
  const zero = f32x4.splat(0);
  let Slo = f64x2.splat(0), Shi = Slo, Klo = Slo, Khi = Slo;
  let maxv = f32x4.splat(-1);
  let argv = zero;
  let kf = f32x4.splat(1);
  const one = lf(2);
  let k = 1;
  while (k <= K) {
    let s = zero, sk = zero;
    const end = min(K + 1, k + 256);
    for (; k < end; k++) {
      const P = v128.load(pbuf + (<usize>k << 4));
      s = f32x4.add(s, P);
      sk = f32x4.add(sk, f32x4.mul(kf, P));
      const gt = f32x4.gt(P, maxv);
      maxv = f32x4.pmax(P, maxv);
      argv = v128.bitselect(kf, argv, gt);
      kf = f32x4.add(kf, one);
    }
    Slo = flushLo(Slo, s); Shi = flushHi(Shi, s);
    Klo = flushLo(Klo, sk); Khi = flushHi(Khi, sk);
  }
  const floor = f32x4.mul(maxv, f32x4.splat(1e-10));
  const thr = f32x4.mul(f32x4.splat(0.85), f32x4(<f32>f64lane(Slo, Shi, 0), <f32>f64lane(Slo, Shi, 1), <f32>f64lane(Slo, Shi, 2), <f32>f64lane(Slo, Shi, 3)));
  let Llo = f64x2.splat(0), Lhi = Llo, Flo = Llo, Fhi = Llo, Plo = Llo, Phi = Llo;
  let cum = zero;
  // Cumulative power is monotone: the rolloff bin is 1 + the number of bins where it is still below 0.85·ΣP.
  let below = i32x4.splat(0);
  k = 1;
  while (k <= K) {
    let sl = zero, sf = zero, sp = zero;
    const end = min(K + 1, k + 256);
    for (; k < end; k++) {
      const P = v128.load(pbuf + (<usize>k << 4));
      const Pf = f32x4.pmax(P, floor);
      const l = vlog(Pf);
      sl = f32x4.add(sl, l);
      sf = f32x4.add(sf, Pf);
      sp = f32x4.add(sp, f32x4.mul(P, l));
      cum = f32x4.add(cum, P);
      below = i32x4.sub(below, f32x4.lt(cum, thr));
    }
    Llo = flushLo(Llo, sl); Lhi = flushHi(Lhi, sl);
    Flo = flushLo(Flo, sf); Fhi = flushHi(Fhi, sf);
    Plo = flushLo(Plo, sp); Phi = flushHi(Phi, sp);
  }
  const roll = i32x4.add(below, i32x4.splat(1));
  for (let l = 0; l < 4; l++) {
    const a = <usize>load<u32>(accs + (<usize>l << 2));
    if (a == 0) continue;
    store<f64>(a + ACC_S, f64lane(Slo, Shi, l));
    store<f64>(a + ACC_SKP, f64lane(Klo, Khi, l));
    store<f64>(a + ACC_SPLNP, f64lane(Plo, Phi, l));
    store<f64>(a + ACC_SLN, f64lane(Llo, Lhi, l));
    store<f64>(a + ACC_SFLOOR, f64lane(Flo, Fhi, l));
    store<f64>(a + ACC_ARGMAX, lane(argv, l));
    store<f64>(a + ACC_ROLLOFF, laneI(roll, l));
    store<f64>(a + ACC_K, <f64>K);
  }
  for (let b = 0; b < nBands; b++) {
    const s = load<i32>(bands + (<usize>b << 3));
    const e = load<i32>(bands + (<usize>b << 3), 4);
    let v = zero;
    for (let j = s; j < e; j++) v = f32x4.add(v, v128.load(pbuf + (<usize>j << 4)));
    for (let l = 0; l < 4; l++) {
      const a = <usize>load<u32>(accs + (<usize>l << 2));
      if (a != 0) store<f64>(a + ACC_BAND + (<usize>b << 3), lane(v, l));
    }
  }
}
