/**
 * Datadog's DDSketch protobuf (the schema sketches-go/-java/-py/-js publish), built with protobufjs reflection
 * from this JSON form of the .proto:
 *
 *   message DDSketch { IndexMapping mapping = 1; Store positiveValues = 2; Store negativeValues = 3; double zeroCount = 4; }
 *   message IndexMapping { double gamma = 1; double indexOffset = 2; Interpolation interpolation = 3;
 *                          enum Interpolation { NONE = 0; LINEAR = 1; QUADRATIC = 2; CUBIC = 3; } }
 *   message Store { map<sint32, double> binCounts = 1; repeated double contiguousBinCounts = 2 [packed = true];
 *                   sint32 contiguousBinIndexOffset = 3; }
 *
 * count is the sum of the bins; sum, min and max are not in the schema and do not survive a round trip.
 */
import protobuf from 'protobufjs/light.js';
import { invalidArgument } from '../../errors.js';

const SCHEMA = {
  nested: {
    DDSketch: {
      fields: {
        mapping: { type: 'IndexMapping', id: 1 },
        positiveValues: { type: 'Store', id: 2 },
        negativeValues: { type: 'Store', id: 3 },
        zeroCount: { type: 'double', id: 4 },
      },
    },
    IndexMapping: {
      fields: {
        gamma: { type: 'double', id: 1 },
        indexOffset: { type: 'double', id: 2 },
        interpolation: { type: 'Interpolation', id: 3 },
      },
      nested: { Interpolation: { values: { NONE: 0, LINEAR: 1, QUADRATIC: 2, CUBIC: 3 } } },
    },
    Store: {
      fields: {
        binCounts: { keyType: 'sint32', type: 'double', id: 1 },
        contiguousBinCounts: { rule: 'repeated', type: 'double', id: 2, options: { packed: true } },
        contiguousBinIndexOffset: { type: 'sint32', id: 3 },
      },
    },
  },
};

let cached: protobuf.Type | null = null;
function sketchType(): protobuf.Type {
  cached ??= protobuf.Root.fromJSON(SCHEMA).lookupType('DDSketch');
  return cached;
}

/** A store as the protobuf sees it: contiguous counts from `offset`. */
export interface ProtoStore {
  offset: number;
  counts: Float64Array;
}

export interface ProtoSketch {
  gamma: number;
  indexOffset: number;
  /** Protobuf enum value: NONE 0, LINEAR 1, QUADRATIC 2, CUBIC 3. */
  interpolation: number;
  positive: ProtoStore;
  negative: ProtoStore;
  zeroCount: number;
}

function storeMessage(s: ProtoStore): Record<string, unknown> {
  return { contiguousBinCounts: Array.from(s.counts), contiguousBinIndexOffset: s.offset };
}

export function encodeProto(p: ProtoSketch): Uint8Array {
  const type = sketchType();
  const message = type.fromObject({
    mapping: { gamma: p.gamma, indexOffset: p.indexOffset, interpolation: p.interpolation },
    positiveValues: storeMessage(p.positive),
    negativeValues: storeMessage(p.negative),
    zeroCount: p.zeroCount,
  });
  return type.encode(message).finish();
}

interface DecodedStore {
  binCounts?: Record<string, number>;
  contiguousBinCounts?: number[];
  contiguousBinIndexOffset?: number;
}

/** Both encodings of a store (sparse map and contiguous run) folded into sorted (index, count) pairs. */
function readStore(s: DecodedStore | undefined): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  if (!s) return pairs;
  for (const [k, c] of Object.entries(s.binCounts ?? {})) pairs.push([Number(k), c]);
  const start = s.contiguousBinIndexOffset ?? 0;
  (s.contiguousBinCounts ?? []).forEach((c, i) => pairs.push([start + i, c]));
  for (const [k, c] of pairs) {
    if (!(c >= 0) || !Number.isFinite(c)) throw invalidArgument(`protobuf store: bin ${k} has count ${c}`);
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}

export interface DecodedSketch {
  gamma: number;
  indexOffset: number;
  interpolation: number;
  positive: Array<[number, number]>;
  negative: Array<[number, number]>;
  zeroCount: number;
}

export function decodeProto(bytes: Uint8Array): DecodedSketch {
  let msg: Record<string, unknown>;
  try {
    const type = sketchType();
    msg = type.toObject(type.decode(bytes), { defaults: true, enums: Number }) as Record<string, unknown>;
  } catch (error) {
    throw invalidArgument(`bytes: not a DDSketch protobuf (${(error as Error).message})`);
  }
  const mapping = msg.mapping as { gamma?: number; indexOffset?: number; interpolation?: number } | null;
  if (!mapping || !(mapping.gamma! > 1)) throw invalidArgument('bytes: DDSketch protobuf has no valid mapping (gamma > 1)');
  const zeroCount = Number(msg.zeroCount ?? 0);
  if (!(zeroCount >= 0)) throw invalidArgument(`protobuf zeroCount: ${zeroCount}`);
  return {
    gamma: mapping.gamma!,
    indexOffset: mapping.indexOffset ?? 0,
    interpolation: mapping.interpolation ?? 0,
    positive: readStore(msg.positiveValues as DecodedStore | undefined),
    negative: readStore(msg.negativeValues as DecodedStore | undefined),
    zeroCount,
  };
}
