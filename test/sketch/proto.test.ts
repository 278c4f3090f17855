/** Datadog protobuf interop: gpulse ⇄ @datadog/sketches-js, both ways, quantiles within α. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import protobuf from 'protobufjs/light.js';
import { DDSketch as DatadogSketch, LogCollapsingLowestDenseDDSketch } from '@datadog/sketches-js';
import { DDSketch } from '../../engine/kernels/sketch/ddsketch.js';
import { exactQuantile, sortedCopy } from './data.js';

const QS = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1];
const value = fc.double({ min: 1e-5, max: 1e5, noNaN: true }).chain((v) => fc.constantFrom(v, -v, v, 0));
const close = (est: number, exact: number, alpha: number): boolean => Math.abs(est - exact) <= (alpha + 1e-12) * Math.abs(exact);

describe('DDSketch protobuf', () => {
  it('gpulse → @datadog/sketches-js: decodes with the CUBIC mapping and answers within α', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 1000 }), (values) => {
        const ours = new DDSketch();
        for (const v of values) ours.addValue(v);
        const theirs = DatadogSketch.fromProto(ours.encode());
        expect(theirs.mapping.constructor.name).toBe('CubicallyInterpolatedMapping');
        expect(theirs.count).toBe(values.length);
        const sorted = sortedCopy(values);
        // sketches-js merges only positive stores and reads negatives reversed, like gpulse.
        return QS.every((q) => close(theirs.getValueAtQuantile(q), exactQuantile(sorted, q), 0.01));
      }),
      { numRuns: 100, seed: 21 },
    );
  });

  it('@datadog/sketches-js → gpulse: logarithmic mapping, dense and collapsing stores, within α', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 1000 }), fc.boolean(), (values, collapsing) => {
        const theirs = collapsing ? new LogCollapsingLowestDenseDDSketch({ relativeAccuracy: 0.02, binLimit: 4096 }) : new DatadogSketch({ relativeAccuracy: 0.02 });
        for (const v of values) theirs.accept(v);
        const ours = DDSketch.decode(theirs.toProto());
        expect(ours.mapping.interpolation).toBe('none');
        expect(ours.count).toBe(values.length);
        const sorted = sortedCopy(values);
        // Same bins, same value formula: equal up to the last bits of γ's multiplier.
        return QS.every((q) => close(ours.quantile(q), exactQuantile(sorted, q), 0.02) && close(ours.quantile(q), theirs.getValueAtQuantile(q), 1e-12));
      }),
      { numRuns: 100, seed: 22 },
    );
  });

  it('gpulse → gpulse keeps every bin and count; sum, min and max are not in the schema', () => {
    const s = new DDSketch({ relativeAccuracy: 0.005 });
    for (let i = 1; i < 3000; i++) s.addValue(Math.sin(i) * 1e3 * i, 1 + (i % 3));
    s.addValue(0, 4);
    const back = DDSketch.decode(s.encode());
    expect(back.mapping.id).toBe(s.mapping.id);
    expect(back.positive.bins()).toEqual(s.positive.bins());
    expect(back.negative.bins()).toEqual(s.negative.bins());
    expect([back.zeroCount, back.count]).toEqual([s.zeroCount, s.count]);
    expect([back.sum, back.min, back.max]).toEqual([NaN, NaN, NaN]);
    expect(back.merge(s).count).toBe(2 * s.count);
  });

  it('reads the sparse binCounts form and an index offset', () => {
    const schema = {
      nested: {
        M: { fields: { gamma: { type: 'double', id: 1 }, indexOffset: { type: 'double', id: 2 }, interpolation: { type: 'int32', id: 3 } } },
        S: { fields: { binCounts: { keyType: 'sint32', type: 'double', id: 1 } } },
        D: { fields: { mapping: { type: 'M', id: 1 }, positiveValues: { type: 'S', id: 2 }, zeroCount: { type: 'double', id: 4 } } },
      },
    };
    const root = protobuf.Root.fromJSON(schema);
    const D = root.lookupType('D');
    const bytes = D.encode(D.fromObject({ mapping: { gamma: 1.02, indexOffset: 3, interpolation: 3 }, positiveValues: { binCounts: { 10: 2, '-4': 1 } }, zeroCount: 1 })).finish();
    const s = DDSketch.decode(bytes);
    expect(s.mapping.indexOffset).toBe(3);
    expect(s.positive.bins()).toEqual({ offset: -4, counts: Float64Array.from([1, ...new Array(13).fill(0), 2]) });
    expect(s.count).toBe(4);
  });

  it('rejects bytes that are not a sketch and mappings it cannot read', () => {
    expect(() => DDSketch.decode(new Uint8Array([0xff, 0xff, 0xff]))).toThrow(/DDSketch protobuf/);
    const quadratic = new DDSketch().encode();
    // interpolation field (3) of the mapping set to QUADRATIC (2): patch the encoded enum value.
    const i = quadratic.indexOf(0x18);
    const patched = Uint8Array.from(quadratic);
    patched[i + 1] = 2;
    expect(() => DDSketch.decode(patched)).toThrow(/interpolation: 2/);
  });
});
