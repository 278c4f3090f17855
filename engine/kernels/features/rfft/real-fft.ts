/**
 * Fast real FFT in f64 for the JS backend: the n real samples are read as m = n/2 complex points
 * z[k] = x[2k] + i·x[2k+1] in bit-reversed order by a twiddle-free radix-2 or radix-4 first stage, then
 * radix-4 decimation-in-time stages, then the split into the n/2 + 1 bins of the real spectrum.
 * Plans (bit reversal, twiddles) are built once per n and cached.
 */
export interface RealFftPlan {
  n: number;
  m: number;
  /** Bit reversal of the first stage's group index (over log2 m − first bits). */
  rev: Uint32Array;
  /** log2 of the first stage's radix (1 or 2). */
  first: number;
  /** Radix-4 stages: span L, twiddles (c1, s1, c2, s2, c3, s3) per j < L. */
  stages: { L: number; tw: Float64Array }[];
  /** W^k = e^{−2πik/n}, k = 0 … m/2, as (c, s). */
  post: Float64Array;
}

const plans = new Map<number, RealFftPlan>();

export function realFftPlan(n: number): RealFftPlan {
  let p = plans.get(n);
  if (p) return p;
  const m = Math.max(1, n >> 1);
  const bits = Math.round(Math.log2(m));
  const first = bits % 2 === 1 ? 1 : 2;
  // Bit reversal over the bits the first stage leaves (its inputs are c, c + m/R, … for c < m/R).
  const rev = new Uint32Array(Math.max(1, m >> first));
  for (let k = 0; k < rev.length; k++) {
    let r = 0;
    for (let b = 0, x = k; b < bits - first; b++, x >>= 1) r = (r << 1) | (x & 1);
    rev[k] = r;
  }
  const stages: { L: number; tw: Float64Array }[] = [];
  for (let L = 1 << first; L < m; L *= 4) {
    const tw = new Float64Array(6 * L);
    for (let j = 0; j < L; j++) {
      for (let q = 1; q <= 3; q++) {
        const a = (-2 * Math.PI * q * j) / (4 * L);
        tw[6 * j + 2 * (q - 1)] = Math.cos(a);
        tw[6 * j + 2 * (q - 1) + 1] = Math.sin(a);
      }
    }
    stages.push({ L, tw });
  }
  const post = new Float64Array(2 * (Math.floor(m / 2) + 1));
  for (let k = 0; k <= m / 2; k++) {
    post[2 * k] = Math.cos((-2 * Math.PI * k) / n);
    post[2 * k + 1] = Math.sin((-2 * Math.PI * k) / n);
  }
  p = { n, m, rev, first, stages, post };
  if (plans.size > 32) plans.clear();
  plans.set(n, p);
  return p;
}

/** One radix-4 butterfly at i0 (quarter stride q) with twiddles w^j, w^2j, w^3j; quarters hold polyphases 0, 2, 1, 3. */
function butterfly(re: Float64Array, im: Float64Array, i0: number, q: number, c1: number, s1: number, c2: number, s2: number, c3: number, s3: number): void {
  const i1 = i0 + q, i2 = i1 + q, i3 = i2 + q;
  const y1r = re[i2], y1i = im[i2], y2r = re[i1], y2i = im[i1], y3r = re[i3], y3i = im[i3];
  const b1r = y1r * c1 - y1i * s1, b1i = y1r * s1 + y1i * c1;
  const b2r = y2r * c2 - y2i * s2, b2i = y2r * s2 + y2i * c2;
  const b3r = y3r * c3 - y3i * s3, b3i = y3r * s3 + y3i * c3;
  const a0r = re[i0], a0i = im[i0];
  const t0r = a0r + b2r, t0i = a0i + b2i, t1r = a0r - b2r, t1i = a0i - b2i;
  const t2r = b1r + b3r, t2i = b1i + b3i, t3r = b1r - b3r, t3i = b1i - b3i;
  re[i0] = t0r + t2r; im[i0] = t0i + t2i;
  re[i1] = t1r + t3i; im[i1] = t1i - t3r;
  re[i2] = t0r - t2r; im[i2] = t0i - t2i;
  re[i3] = t1r - t3i; im[i3] = t1i + t3r;
}

/** Radix-4 stage of span L; the loop with more iterations runs innermost (twiddles stay in registers). */
function radix4(re: Float64Array, im: Float64Array, m: number, L: number, tw: Float64Array): void {
  const step = 4 * L;
  if (L >= m / step) {
    for (let b = 0; b < m; b += step) {
      for (let j = 0; j < L; j++) butterfly(re, im, b + j, L, tw[6 * j], tw[6 * j + 1], tw[6 * j + 2], tw[6 * j + 3], tw[6 * j + 4], tw[6 * j + 5]);
    }
    return;
  }
  for (let j = 0; j < L; j++) {
    const c1 = tw[6 * j], s1 = tw[6 * j + 1], c2 = tw[6 * j + 2], s2 = tw[6 * j + 3], c3 = tw[6 * j + 4], s3 = tw[6 * j + 5];
    for (let b = j; b < m; b += step) butterfly(re, im, b, L, c1, s1, c2, s2, c3, s3);
  }
}

/**
 * Loads z[k] = x[2k] + i·x[2k+1] in bit-reversed order fused with the twiddle-free first stage: the DFT-2
 * of z[c], z[c + m/2] (or DFT-4 of z[c + r·m/4]) lands at 2·rev2(c) (4·rev4(c)), rev over the remaining bits.
 */
function firstStage(x: ArrayLike<number>, re: Float64Array, im: Float64Array, m: number, first: number, rev: Uint32Array): void {
  if (first === 1) {
    const h = m >> 1;
    for (let c = 0; c < h; c++) {
      const ar = x[2 * c], ai = x[2 * c + 1], br = x[2 * (c + h)], bi = x[2 * (c + h) + 1];
      const d = rev[c] << 1;
      re[d] = ar + br; im[d] = ai + bi; re[d + 1] = ar - br; im[d + 1] = ai - bi;
    }
    return;
  }
  const q = m >> 2;
  for (let c = 0; c < q; c++) {
    const a0r = x[2 * c], a0i = x[2 * c + 1], a1r = x[2 * (c + q)], a1i = x[2 * (c + q) + 1];
    const a2r = x[2 * (c + 2 * q)], a2i = x[2 * (c + 2 * q) + 1], a3r = x[2 * (c + 3 * q)], a3i = x[2 * (c + 3 * q) + 1];
    const t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
    const t2r = a1r + a3r, t2i = a1i + a3i, t3r = a1r - a3r, t3i = a1i - a3i;
    const d = rev[c] << 2;
    re[d] = t0r + t2r; im[d] = t0i + t2i;
    re[d + 1] = t1r + t3i; im[d + 1] = t1i - t3r;
    re[d + 2] = t0r - t2r; im[d + 2] = t0i - t2i;
    re[d + 3] = t1r - t3i; im[d + 3] = t1i + t3r;
  }
}

/**
 * Bins 0 … n/2 of the real DFT of x[0 … n) into re, im (each ≥ n/2 + 1 long; for n ≥ 4 they are also the
 * work space). x must hold n samples (zero padding already applied).
 */
export function realFft(plan: RealFftPlan, x: ArrayLike<number>, re: Float64Array, im: Float64Array): void {
  const { n, m, rev } = plan;
  if (n <= 2) {
    const a = x[0], b = n === 2 ? x[1] : 0;
    re[0] = a + b; im[0] = 0;
    if (n === 2) { re[1] = a - b; im[1] = 0; }
    return;
  }
  firstStage(x, re, im, m, plan.first, rev);
  const stages = plan.stages;
  for (let i = 0; i < stages.length; i++) radix4(re, im, m, stages[i].L, stages[i].tw);
  // Split: X[k] = E[k] + W^k·O[k], X[m−k] = conj(E[k] − W^k·O[k]).
  const z0r = re[0], z0i = im[0];
  re[0] = z0r + z0i; im[0] = 0;
  re[m] = z0r - z0i; im[m] = 0;
  const post = plan.post;
  for (let k = 1; k <= m >> 1; k++) {
    const c = m - k;
    const ar = re[k], ai = im[k], br = re[c], bi = im[c];
    const er = 0.5 * (ar + br), ei = 0.5 * (ai - bi), or = 0.5 * (ai + bi), oi = 0.5 * (br - ar);
    const wc = post[2 * k], ws = post[2 * k + 1];
    const wr = or * wc - oi * ws, wi = or * ws + oi * wc;
    re[k] = er + wr; im[k] = ei + wi;
    re[c] = er - wr; im[c] = wi - ei;
  }
}
