/** Index mappings: the cubic mapping is Datadog's, and the bin table reproduces it bit for bit. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CubicallyInterpolatedMapping as DatadogCubic } from '@datadog/sketches-js/dist/ddsketch/mapping/index.js';
import { CubicallyInterpolatedMapping, defaultMapping, mappingFromParts } from '../../engine/kernels/sketch/cubic-mapping.js';
import { binTable, keyBitsFor, SLOT_NEG, slotBin } from '../../engine/kernels/sketch/bin-table.js';
import { slotOfF32, slotOfF64 } from '../../engine/kernels/sketch/slot-of.js';
import { boundaryValues } from './data.js';

const positive = fc.double({ min: 1e-300, max: 1e300, noNaN: true });

describe('index mappings', () => {
  it('the cubic mapping gives the keys @datadog/sketches-js gives, for any positive double', () => {
    for (const alpha of [0.01, 0.02, 0.001]) {
      const ours = defaultMapping(alpha);
      const theirs = new DatadogCubic(alpha);
      fc.assert(fc.property(positive, (v) => ours.key(v) === theirs.key(v)), { numRuns: 3000, seed: 1 });
    }
  });

  for (const interpolation of ['cubic', 'linear', 'none'] as const) {
    it(`${interpolation}: value(key(v)) is within α of v`, () => {
      const m = mappingFromParts(interpolation, 1.02, 0);
      fc.assert(
        fc.property(fc.double({ min: 5e-324, max: 1e307, noNaN: true }).filter((v) => v > m.minIndexable), (v) => {
          const est = m.value(m.key(v));
          return Math.abs(est - v) <= m.relativeAccuracy * v * (1 + 1e-12);
        }),
        { numRuns: 3000, seed: 2 },
      );
    });
  }

  it('keyOfSplit equals key for subnormal, normal and extreme doubles', () => {
    const m = defaultMapping(0.01);
    const cases: Array<[number, number, number]> = [
      [5e-324, 0, -1074],
      [3 * 2 ** -1070, 0.5, -1069],
      [2 ** -1022, 0, -1022],
      [1, 0, 0],
      [1.5, 0.5, 0],
      [Number.MAX_VALUE, 1 - 2 ** -52, 1023],
    ];
    for (const [v, s, e] of cases) expect(m.key(v)).toBe(m.keyOfSplit(s, e));
  });

  it('an index offset shifts every key', () => {
    const a = new CubicallyInterpolatedMapping(1.02, 0);
    const b = new CubicallyInterpolatedMapping(1.02, 7);
    for (const v of [1e-5, 0.3, 42, 1e9]) {
      expect(b.key(v)).toBe(a.key(v) + 7);
      expect(b.value(b.key(v))).toBe(a.value(a.key(v)));
    }
  });
});

describe('bin table', () => {
  const m = defaultMapping(0.01);
  const t = binTable(m);
  const expectedSlot = (v: number): number => {
    const k = m.key(Math.abs(v));
    return (v < 0 ? SLOT_NEG : t.posBase) + k - t.iMin;
  };

  it('uses 7 mantissa bits at α = 0.01 and more for finer α, so a key spans at most one boundary', () => {
    expect(t.k).toBe(7);
    expect(keyBitsFor(defaultMapping(0.001))).toBe(10);
    expect(t.packed).not.toBeNull();
  });

  it('float64: the slot of values one unit below, at and above every bin boundary is the mapping’s bin', () => {
    const { f64 } = boundaryValues();
    const w = new Uint32Array(f64.buffer);
    let checked = 0;
    for (let i = 0; i < f64.length; i++, checked++) expect(slotOfF64(t, w[2 * i + 1], w[2 * i])).toBe(expectedSlot(f64[i]));
    expect(checked).toBeGreaterThan(50_000);
  });

  it('float32: table and packed entries give the mapping’s bin around every boundary', () => {
    const { f32 } = boundaryValues();
    const w = new Uint32Array(f32.buffer);
    const shift = 23 - t.k;
    for (let i = 0; i < f32.length; i++) {
      expect(slotOfF32(t, w[i])).toBe(expectedSlot(f32[i]));
      expect((t.packed![w[i] >>> shift] + (w[i] & ((1 << shift) - 1))) >>> (shift + 1)).toBe(expectedSlot(f32[i]));
    }
  });

  it('float32: random bit patterns (all exponents) bin like the mapping', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (bits) => {
        const v = new Float32Array(new Uint32Array([bits]).buffer)[0];
        const s = slotOfF32(t, bits);
        if (!Number.isFinite(v) || Math.abs(v) < 2 ** -126) return s < SLOT_NEG;
        return s === expectedSlot(v) && slotBin(t, s).index === m.key(Math.abs(v));
      }),
      { numRuns: 20_000, seed: 3 },
    );
  });
});
