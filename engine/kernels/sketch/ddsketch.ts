/**
 * DDSketch (Masson, Rim, Lee; VLDB 2019): quantiles with relative error α, mergeable by adding bin counts.
 * Positive and negative values have their own store (bins of |v|), values with |v| ≤ minIndexable are counted
 * as zeros; each store collapses its lowest bins once it spans more than maxBins, so quantiles above the
 * collapsed range keep the α guarantee. Quantile semantics follow Datadog's libraries (rank q·(count − 1)),
 * clamped to [min, max] when those are known.
 */
import { GpulseError, invalidArgument } from '../../errors.js';
import type { BackendName, Telemetry } from '../../types.js';
import { DenseStore } from './dense-store.js';
import { defaultMapping, interpolationFromProto, interpolationToProto, mappingFromParts } from './cubic-mapping.js';
import type { IndexMapping } from './index-mapping.js';
import { decodeProto, encodeProto } from './sketch-proto.js';
import { quantileOf } from './bin-rank.js';

export interface DDSketchOptions {
  /** α in (0, 1); default 0.01. Ignored when `mapping` is given. */
  relativeAccuracy?: number;
  /** Bins per store before the lowest collapse; default 2048. */
  maxBins?: number;
  mapping?: IndexMapping;
}

export function checkMaxBins(maxBins: number): number {
  if (maxBins !== Infinity && !(Number.isInteger(maxBins) && maxBins >= 1)) {
    throw invalidArgument(`maxBins: ${maxBins} must be an integer ≥ 1`);
  }
  return maxBins;
}

export class DDSketch {
  readonly mapping: IndexMapping;
  readonly maxBins: number;
  positive: DenseStore;
  /** Bins of |v| for v < 0. */
  negative: DenseStore;
  zeroCount = 0;
  /** NaN seen under nan: 'propagate'; quantiles are NaN while it is > 0. Not part of the protobuf. */
  nanCount = 0;
  /** Σ v·weight; NaN when unknown (decoded from protobuf, which does not carry it). */
  sum = 0;
  min = Infinity;
  max = -Infinity;
  /** Set on sketches the engine built. */
  backend?: BackendName;
  telemetry?: Telemetry;

  constructor(options: DDSketchOptions = {}) {
    this.mapping = options.mapping ?? defaultMapping(options.relativeAccuracy ?? 0.01);
    this.maxBins = checkMaxBins(options.maxBins ?? 2048);
    this.positive = new DenseStore(this.maxBins);
    this.negative = new DenseStore(this.maxBins);
  }

  get relativeAccuracy(): number {
    return this.mapping.relativeAccuracy;
  }

  /** Total weight of the values added (NaN excluded). */
  get count(): number {
    return this.positive.total + this.negative.total + this.zeroCount;
  }

  addValue(v: number, weight = 1): this {
    if (!Number.isFinite(v)) throw invalidArgument(`value: ${v} cannot go into a DDSketch (finite numbers only)`);
    if (!(weight > 0) || !Number.isFinite(weight)) throw invalidArgument(`weight: ${weight} must be a finite number > 0`);
    const m = this.mapping;
    if (v > m.minIndexable) this.positive.add(m.key(v), weight);
    else if (v < -m.minIndexable) this.negative.add(m.key(-v), weight);
    else this.zeroCount += weight;
    this.sum += v * weight;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    return this;
  }

  /** Adds other's counts into this one; both must use the same mapping. */
  merge(other: DDSketch): this {
    if (other.mapping.id !== this.mapping.id) {
      throw new GpulseError('INVALID_ARGUMENT', `merge: mappings differ (${this.mapping.id} vs ${other.mapping.id})`);
    }
    this.positive.merge(other.positive);
    this.negative.merge(other.negative);
    this.zeroCount += other.zeroCount;
    this.nanCount += other.nanCount;
    this.sum += other.sum;
    // Math.min/max keep NaN (unknown, after decode) unknown.
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
    return this;
  }

  /** Value at quantile q ∈ [0, 1]; NaN for an empty sketch or one holding NaN. */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) throw invalidArgument(`q: ${q} must be in [0, 1]`);
    if (this.nanCount > 0) return NaN;
    return quantileOf(q, this.negative.view(), this.zeroCount, this.positive.view(), (k) => this.mapping.value(k), this.min, this.max);
  }

  quantiles(q: ArrayLike<number>): Float64Array {
    const out = new Float64Array(q.length);
    for (let i = 0; i < q.length; i++) out[i] = this.quantile(q[i]);
    return out;
  }

  /** Datadog's DDSketch protobuf; sketches-js, -go, -java and -py decode it (see sketch-proto.ts). */
  encode(): Uint8Array {
    const m = this.mapping;
    return encodeProto({
      gamma: m.gamma,
      indexOffset: m.indexOffset,
      interpolation: interpolationToProto(m.interpolation),
      positive: this.positive.bins(),
      negative: this.negative.bins(),
      zeroCount: this.zeroCount,
    });
  }

  /**
   * Reads Datadog's DDSketch protobuf (any of NONE, LINEAR, CUBIC mappings; sparse or contiguous stores).
   * sum, min and max are not in the schema: they come back NaN (unknown), and quantiles are not clamped.
   */
  static decode(bytes: Uint8Array, options: { maxBins?: number } = {}): DDSketch {
    const d = decodeProto(bytes);
    const mapping = mappingFromParts(interpolationFromProto(d.interpolation), d.gamma, d.indexOffset);
    const sketch = new DDSketch({ mapping, maxBins: options.maxBins ?? 2048 });
    for (const [k, c] of d.positive) if (c > 0) sketch.positive.add(k, c);
    for (const [k, c] of d.negative) if (c > 0) sketch.negative.add(k, c);
    sketch.zeroCount = d.zeroCount;
    sketch.sum = NaN;
    sketch.min = NaN;
    sketch.max = NaN;
    return sketch;
  }

  /** Merges many sketches with one allocation per store (what merging thousands of sketches should cost). */
  static mergeAll(sketches: readonly DDSketch[], options: { maxBins?: number } = {}): DDSketch {
    if (sketches.length === 0) return new DDSketch({ maxBins: options.maxBins });
    const first = sketches[0];
    for (const s of sketches) {
      if (s.mapping.id !== first.mapping.id) throw invalidArgument(`mergeAll: mappings differ (${first.mapping.id} vs ${s.mapping.id})`);
    }
    const out = new DDSketch({ mapping: first.mapping, maxBins: options.maxBins ?? first.maxBins });
    out.positive = DenseStore.sum(sketches.map((s) => s.positive), out.maxBins);
    out.negative = DenseStore.sum(sketches.map((s) => s.negative), out.maxBins);
    for (const s of sketches) {
      out.zeroCount += s.zeroCount;
      out.nanCount += s.nanCount;
      out.sum += s.sum;
      out.min = Math.min(out.min, s.min);
      out.max = Math.max(out.max, s.max);
    }
    return out;
  }

  clone(): DDSketch {
    return new DDSketch({ mapping: this.mapping, maxBins: this.maxBins }).merge(this);
  }
}
