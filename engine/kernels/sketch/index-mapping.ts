/**
 * DDSketch index mappings: value → bin index and back, with the semantics of Datadog's sketches-js / sketches-py
 * (the libraries whose protobuf gpulse reads and writes): key(v) = ⌈log_γ-like(v)⌉ + indexOffset and
 * value(k) = upper bound of bin k · 2/(1+γ), so every value in bin k is within α = (γ−1)/(γ+1) of value(k).
 *
 * gpulse builds sketches with the cubic mapping (CUBIC in the protobuf): its log2 approximation is a polynomial
 * in the mantissa, so the bin of a float is a function of its bits that every backend computes identically
 * (see bin-table.ts). The logarithmic (NONE) and linear (LINEAR) mappings exist so foreign sketches decode.
 */
import { invalidArgument } from '../../errors.js';
import { joinLog2, splitLog2, splitS } from './float-split.js';

export type Interpolation = 'none' | 'linear' | 'cubic';

export interface IndexMapping {
  readonly interpolation: Interpolation;
  readonly gamma: number;
  readonly indexOffset: number;
  /** α: every value in bin k lies within α·|v| of value(k). */
  readonly relativeAccuracy: number;
  /** |v| at or below this goes to the zero count (sketches-js: 2^-1023 · γ). */
  readonly minIndexable: number;
  /** "interpolation:gamma:offset"; sketches merge only when their ids are equal. */
  readonly id: string;
  /** Bin of a finite v > minIndexable. */
  key(v: number): number;
  /** The same bin from v = (1 + s)·2^e (s ∈ [0, 1)); equals key(v) for every v. */
  keyOfSplit(s: number, e: number): number;
  /** Representative value of bin k. */
  value(k: number): number;
}

const LN2 = Math.LN2;

abstract class LogLikeMapping implements IndexMapping {
  abstract readonly interpolation: Interpolation;
  readonly relativeAccuracy: number;
  readonly minIndexable: number;
  /** Bins per unit of the mapping's log2 approximation. */
  protected readonly multiplier: number;
  private readonly valueScale: number;

  constructor(
    readonly gamma: number,
    readonly indexOffset: number,
  ) {
    if (!(gamma > 1) || !Number.isFinite(gamma)) throw invalidArgument(`gamma: ${gamma} must be a finite number > 1`);
    if (!Number.isInteger(indexOffset)) throw invalidArgument(`indexOffset: ${indexOffset} must be an integer`);
    this.relativeAccuracy = (gamma - 1) / (gamma + 1);
    this.multiplier = this.perLog2Unit(1 / Math.log1p(gamma - 1));
    this.minIndexable = 2 ** -1023 * gamma;
    this.valueScale = 2 / (1 + gamma);
  }

  get id(): string {
    return `${this.interpolation}:${this.gamma}:${this.indexOffset}`;
  }

  key(v: number): number {
    const e = splitLog2(v);
    return this.keyOfSplit(splitS, e);
  }

  keyOfSplit(s: number, e: number): number {
    return Math.ceil(this.log2Approx(s, e) * this.multiplier) + this.indexOffset;
  }

  value(k: number): number {
    return this.exp2Approx((k - this.indexOffset) / this.multiplier) * this.valueScale;
  }

  /**
   * Turns 1/ln γ (bins per natural-log unit) into bins per unit of this mapping's log2 approximation, rounding
   * as sketches-js does (a multiply or a divide) so that both compute the same bins. Runs in the constructor.
   */
  protected abstract perLog2Unit(binsPerLn: number): number;
  /** An increasing approximation of log2((1 + s)·2^e). */
  protected abstract log2Approx(s: number, e: number): number;
  /** Its inverse. */
  protected abstract exp2Approx(y: number): number;
}

/** NONE: exact log; memory-optimal, needs a log per value. */
export class LogarithmicMapping extends LogLikeMapping {
  readonly interpolation = 'none';
  protected perLog2Unit(binsPerLn: number): number {
    return binsPerLn * LN2;
  }
  protected log2Approx(s: number, e: number): number {
    return Math.log2(joinLog2(s, e));
  }
  protected exp2Approx(y: number): number {
    return 2 ** y;
  }
}

/** LINEAR: log2 ≈ e + s; up to 44% more bins than NONE for the same α. */
export class LinearlyInterpolatedMapping extends LogLikeMapping {
  readonly interpolation = 'linear';
  protected perLog2Unit(binsPerLn: number): number {
    return binsPerLn;
  }
  protected log2Approx(s: number, e: number): number {
    return s + e;
  }
  protected exp2Approx(y: number): number {
    const e = Math.floor(y);
    return joinLog2(y - e, e);
  }
}

/** γ for a target relative accuracy α, as every DDSketch library defines it. */
export function gammaFor(relativeAccuracy: number): number {
  if (!(relativeAccuracy > 0 && relativeAccuracy < 1)) {
    throw invalidArgument(`relativeAccuracy: ${relativeAccuracy} must be in (0, 1)`);
  }
  return 1 + (2 * relativeAccuracy) / (1 - relativeAccuracy);
}

export { LogLikeMapping };
