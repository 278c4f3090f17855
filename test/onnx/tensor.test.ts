/** TensorProto decoding (raw_data and typed fields), int4/int2 packing and float16 conversion. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onnx } from '../../engine/onnx/decode.js';
import { fromFloat16Bits, toFloat16Bits } from '../../engine/onnx/float16.js';
import { packBits, unpackBits } from '../../engine/onnx/pack.js';
import { tensorFromProto } from '../../engine/onnx/tensor-proto.js';
import { fromNumbers } from '../../engine/onnx/tensor.js';
import { tensorProto } from './build-model.js';

describe('float16', () => {
  it('round-trips every non-NaN half value exactly', () => {
    for (let h = 0; h < 65536; h++) {
      const v = fromFloat16Bits(h);
      if (!Number.isNaN(v)) expect(toFloat16Bits(v)).toBe(h);
    }
  });

  it('rounds to nearest, ties to even, overflows to infinity, keeps NaN', () => {
    expect(toFloat16Bits(1 + 2 ** -11)).toBe(0x3c00); // tie -> even (1.0)
    expect(toFloat16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie -> even (1 + 2^-9)
    expect(toFloat16Bits(65519)).toBe(0x7bff);
    expect(toFloat16Bits(65520)).toBe(0x7c00);
    expect(toFloat16Bits(2 ** -25)).toBe(0); // half the smallest subnormal: tie -> 0
    expect(toFloat16Bits(3 * 2 ** -26)).toBe(1);
    expect(toFloat16Bits(-0)).toBe(0x8000);
    expect(Number.isNaN(fromFloat16Bits(toFloat16Bits(NaN)))).toBe(true);
  });

  it('the result is the nearest half value (property)', () => {
    fc.assert(
      fc.property(fc.float({ min: -70000, max: 70000, noNaN: true }), (x) => {
        const h = toFloat16Bits(x);
        const v = fromFloat16Bits(h);
        if (!Number.isFinite(v)) return Math.abs(x) >= 65520;
        // Neighbours one unit away are no closer.
        for (const n of [h - 1, h + 1]) {
          const w = fromFloat16Bits(n & 0xffff);
          if (Number.isFinite(w) && Math.sign(w) === Math.sign(v) && Math.abs(w - x) < Math.abs(v - x)) return false;
        }
        return true;
      }),
    );
  });
});

describe('sub-byte packing', () => {
  it('packs low nibble first and round-trips signed and unsigned values', () => {
    expect([...packBits([1, 2, 3], 4)]).toEqual([0x21, 0x03]);
    expect([...unpackBits([0x21, 0xf3], 4, 4, true)]).toEqual([1, 2, 3, -1]);
    expect([...unpackBits([0b11100100], 4, 2, false)]).toEqual([0, 1, 2, 3]);
    expect([...unpackBits([0b11100100], 4, 2, true)]).toEqual([0, 1, -2, -1]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -8, max: 7 })), (vals) => {
        expect([...unpackBits(packBits(vals, 4), vals.length, 4, true)]).toEqual(vals);
      }),
    );
  });
});

describe('TensorProto decoding', () => {
  it('reads raw_data and the typed fields for every supported type', () => {
    for (const [type, vals] of [
      ['float32', [1.5, -2]], ['float64', [1e-300, 3]], ['int8', [-128, 127]], ['uint16', [0, 65535]],
      ['int64', [-(2 ** 40), 7]], ['uint64', [2 ** 40, 1]], ['int4', [-8, 7, 3]], ['uint2', [0, 3, 2, 1, 1]], ['bool', [1, 0]],
      ['float16', [0.5, -65504]],
    ] as const) {
      const t = fromNumbers(type, [vals.length], vals);
      const back = tensorFromProto(tensorProto('t', t), 't');
      expect(back.type).toBe(type);
      expect(back.data).toEqual(t.data);
    }
    const typed = tensorFromProto(onnx.TensorProto.create({ dims: [3], dataType: 22, int32Data: [0x21, 0x0f] }), 't');
    expect([...typed.data]).toEqual([1, 2, -1]);
    const half = tensorFromProto(onnx.TensorProto.create({ dims: [1], dataType: 10, int32Data: [0x3c00] }), 't');
    expect([...half.data]).toEqual([0x3c00]);
    const i64 = tensorFromProto(onnx.TensorProto.create({ dims: [2], dataType: 7, int64Data: [5, -3] }), 't');
    expect([...(i64.data as BigInt64Array)]).toEqual([5n, -3n]);
    expect(tensorFromProto(onnx.TensorProto.create({ dims: [0, 3], dataType: 1 }), 't').data.length).toBe(0);
  });

  it('refuses disagreeing sizes, negative dims and unsupported types, naming the tensor', () => {
    expect(() => tensorFromProto(onnx.TensorProto.create({ name: 'w', dims: [3], dataType: 1, floatData: [1, 2] }), "initializer 'w'")).toThrow(/initializer 'w'.*3 entries in float_data, found 2/);
    expect(() => tensorFromProto(onnx.TensorProto.create({ dims: [3], dataType: 22, rawData: new Uint8Array(1) }), 'x')).toThrow(/needs 2 bytes/);
    expect(() => tensorFromProto(onnx.TensorProto.create({ dims: [-1], dataType: 1 }), 'x')).toThrow(/invalid dimension -1/);
    expect(() => tensorFromProto(onnx.TensorProto.create({ dims: [1], dataType: 17, int32Data: [0] }), 'x')).toThrow(/float8e4m3fn/);
    expect(() => tensorFromProto(onnx.TensorProto.create({ dims: [2], dataType: 1 }), 'x')).toThrow(/x: .*found 0/);
  });
});
