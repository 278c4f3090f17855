/**
 * The cubic mapping compiled into a lookup table on float bits, shared by the JS, WASM and WebGPU kernels so
 * all three bin every value exactly as the float64 reference does, with no arithmetic per value.
 *
 * A float32 is keyed by its top 9 + k bits (sign, exponent, k mantissa bits). k is chosen so that no bin is
 * narrower than one key's mantissa range, so each key's range holds at most one bin boundary: the slot is
 * base[key] + (low bits ≥ thr[key]). Boundaries are found with the float64 formula itself, so the table is
 * exact. Float64 values in the float32 normal exponent range use the same keys with a 52 − k bit threshold.
 *
 * Slots: 0 zero, 1 slow (the host bins these exactly: subnormals, float64 outside the window), 2 ±∞, 3 NaN,
 * then nb negative bins and nb positive bins for indices iMin .. iMin + nb − 1.
 */
import type { CubicallyInterpolatedMapping } from './cubic-mapping.js';

export const SLOT_ZERO = 0;
export const SLOT_SLOW = 1;
export const SLOT_INF = 2;
export const SLOT_NAN = 3;
export const SLOT_NEG = 4;
/** Exponent window of the table (float32 normals): e = ⌊log2 |v|⌋ in [E_MIN, E_MAX]. */
export const E_MIN = -126;
export const E_MAX = 127;

export interface BinTable {
  mapping: CubicallyInterpolatedMapping;
  /** Mantissa bits in the key. */
  k: number;
  /** Bin index of the first negative and the first positive bin slot. */
  iMin: number;
  /** Bins per sign. */
  nb: number;
  posBase: number;
  slots: number;
  base: Int32Array;
  /** Threshold on the low 23 − k bits of a float32; 2^(23−k) means none. */
  thr32: Uint32Array;
  /** Threshold on the low 52 − k bits of a float64; 2^(52−k) means none. */
  thr64: Float64Array;
  /**
   * Float32 entries packed as ((base + 1) << (24 − k)) − thr32, so slot = (packed + low) >>> (24 − k): one
   * load, an add and a shift per value (WASM, WebGPU, JS). Null when slots need more than k + 8 bits
   * (relative accuracy below ~3e-4): those tables only serve the JS path.
   */
  packed: Uint32Array | null;
}

const TWO_52 = 2 ** 52;

/** Smallest mantissa R (52-bit integer) whose value (1 + R/2^52)·2^e falls in bin ≥ k, near the guess R0. */
function boundary(m: CubicallyInterpolatedMapping, e: number, k: number, guess: number): number {
  const reaches = (r: number): boolean => m.keyOfSplit(r / TWO_52, e) >= k;
  const r0 = Number.isFinite(guess) ? Math.min(Math.max(Math.round(guess), 0), TWO_52 - 1) : TWO_52 / 2;
  // The guess (from the inverse mapping) is off by a few units; widen the bracket until it holds.
  let lo = r0;
  let hi = r0;
  for (let step = 16; reaches(lo) && lo > 0; step *= 16) lo = Math.max(0, r0 - step);
  for (let step = 16; !reaches(hi) && hi < TWO_52 - 1; step *= 16) hi = Math.min(TWO_52 - 1, r0 + step);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (reaches(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

export function keyBitsFor(m: CubicallyInterpolatedMapping): number {
  // Bins are ≥ ln γ wide in the mantissa fraction; one key must be narrower.
  const need = Math.ceil(Math.log2(1 / Math.log1p(m.gamma - 1))) + 1;
  return Math.min(12, Math.max(7, need));
}

export function buildBinTable(m: CubicallyInterpolatedMapping): BinTable {
  const k = keyBitsFor(m);
  const sub = 1 << k;
  const span = 2 ** (52 - k);
  const never32 = 2 ** (23 - k);
  const iMin = m.keyOfSplit(0, E_MIN);
  const nb = m.keyOfSplit(1 - 2 ** -52, E_MAX) - iMin + 1;
  const posBase = SLOT_NEG + nb;
  const size = 1 << (9 + k);
  const t: BinTable = {
    mapping: m, k, iMin, nb, posBase, slots: posBase + nb,
    base: new Int32Array(size),
    thr32: new Uint32Array(size).fill(never32),
    thr64: new Float64Array(size).fill(span),
    packed: null,
  };
  const signBit = 1 << (8 + k);
  for (const sign of [0, signBit]) {
    // Exponent field 0: zero (low bits 0) or subnormal; 255: ±∞ (low bits 0) or NaN.
    t.base[sign] = SLOT_ZERO;
    t.thr32[sign] = 1;
    t.base[sign | (255 << k)] = SLOT_INF;
    t.thr32[sign | (255 << k)] = 1;
    for (let j = 1; j < sub; j++) {
      t.base[sign | j] = SLOT_SLOW;
      t.base[sign | (255 << k) | j] = SLOT_NAN;
    }
  }
  for (let e = E_MIN; e <= E_MAX; e++) {
    const kLo = m.keyOfSplit(0, e);
    const kHi = m.keyOfSplit(1 - 2 ** -52, e);
    const bounds: number[] = [];
    for (let bin = kLo + 1; bin <= kHi; bin++) {
      // The boundary below bin is the upper bound of bin − 1: value(bin − 1)·(1 + γ)/2.
      const upper = (m.value(bin - 1) * (1 + m.gamma)) / 2;
      bounds.push(boundary(m, e, bin, (upper / 2 ** e - 1) * TWO_52));
    }
    let b = 0;
    for (let j = 0; j < sub; j++) {
      const start = j * span;
      while (b < bounds.length && bounds[b] <= start) b++;
      let inside = 0;
      while (b + inside < bounds.length && bounds[b + inside] < start + span) inside++;
      const idx = kLo + b - iMin;
      const key = ((e + 127) << k) | j;
      for (const sign of [0, signBit]) {
        if (inside > 1) {
          t.base[sign | key] = SLOT_SLOW;
          continue;
        }
        t.base[sign | key] = (sign ? SLOT_NEG : posBase) + idx;
        if (inside === 1) {
          t.thr64[sign | key] = bounds[b] - start;
          t.thr32[sign | key] = Math.ceil((bounds[b] - start) / 2 ** 29);
        }
      }
    }
  }
  t.packed = packTable(t);
  return t;
}

function packTable(t: BinTable): Uint32Array | null {
  const s = 24 - t.k;
  // packed + low must stay below 2^32: (base + 1)·2^s + 2^(s−1) < 2^32.
  if (t.slots >= 2 ** (32 - s)) return null;
  const packed = new Uint32Array(t.base.length);
  for (let i = 0; i < packed.length; i++) packed[i] = (t.base[i] + 1) * 2 ** s - t.thr32[i];
  return packed;
}

const tables = new Map<string, BinTable>();

/** Tables are cached per mapping (a few hundred KB each; building one takes a few ms). */
export function binTable(m: CubicallyInterpolatedMapping): BinTable {
  let t = tables.get(m.id);
  if (!t) {
    if (tables.size >= 4) tables.delete(tables.keys().next().value!);
    tables.set(m.id, (t = buildBinTable(m)));
  }
  return t;
}

/** Bin index and sign of a bin slot (≥ SLOT_NEG). */
export function slotBin(t: BinTable, slot: number): { negative: boolean; index: number } {
  const negative = slot < t.posBase;
  return { negative, index: t.iMin + slot - (negative ? SLOT_NEG : t.posBase) };
}
