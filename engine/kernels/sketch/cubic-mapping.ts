/**
 * CUBIC mapping: log2((1 + s)·2^e) ≈ e + P(s) with P(s) = ((A·s + B)·s + C)·s, the polynomial Datadog's
 * libraries publish for this interpolation (P(0) = 0, P(1) = 1, slope in ln v never below C, so with
 * C·ln γ per bin no bin is wider than γ). It needs ~1% more bins than the exact log and no log at all: the
 * bin of a float is a function of its exponent and mantissa bits alone.
 */
import { invalidArgument } from '../../errors.js';
import { joinLog2 } from './float-split.js';
import {
  gammaFor,
  LinearlyInterpolatedMapping,
  LogarithmicMapping,
  LogLikeMapping,
  type IndexMapping,
  type Interpolation,
} from './index-mapping.js';

const A = 6 / 35;
const B = -3 / 5;
const C = 10 / 7;

/** The inverse of P on [0, 1] by Newton's method (P is increasing with P' ≥ 0.74 there, so it converges fast). */
function inverseP(t: number): number {
  let s = t;
  for (let i = 0; i < 6; i++) {
    const p = ((A * s + B) * s + C) * s - t;
    s -= p / ((3 * A * s + 2 * B) * s + C);
  }
  return Math.min(Math.max(s, 0), 1);
}

export class CubicallyInterpolatedMapping extends LogLikeMapping {
  readonly interpolation = 'cubic';

  protected perLog2Unit(binsPerLn: number): number {
    return binsPerLn / C;
  }

  /** The kernels' exact formula; the operation order is part of the definition (WASM repeats it verbatim). */
  override keyOfSplit(s: number, e: number): number {
    return Math.ceil((((A * s + B) * s + C) * s + e) * this.multiplier) + this.indexOffset;
  }

  protected log2Approx(s: number, e: number): number {
    return ((A * s + B) * s + C) * s + e;
  }

  protected exp2Approx(y: number): number {
    const e = Math.floor(y);
    return joinLog2(inverseP(y - e), e);
  }

  /** Bins per unit of log2, for the bin-table builder. */
  get binsPerLog2(): number {
    return this.multiplier;
  }
}

const PROTO_INTERPOLATIONS: Record<Interpolation, number> = { none: 0, linear: 1, cubic: 3 };

/** The mapping gpulse builds sketches with. */
export function defaultMapping(relativeAccuracy: number): CubicallyInterpolatedMapping {
  return new CubicallyInterpolatedMapping(gammaFor(relativeAccuracy), 0);
}

export function mappingFromParts(interpolation: Interpolation, gamma: number, indexOffset: number): IndexMapping {
  if (interpolation === 'cubic') return new CubicallyInterpolatedMapping(gamma, indexOffset);
  if (interpolation === 'linear') return new LinearlyInterpolatedMapping(gamma, indexOffset);
  return new LogarithmicMapping(gamma, indexOffset);
}

/** The protobuf IndexMapping.Interpolation enum: NONE 0, LINEAR 1, QUADRATIC 2 (not supported), CUBIC 3. */
export function interpolationToProto(i: Interpolation): number {
  return PROTO_INTERPOLATIONS[i];
}

export function interpolationFromProto(n: number): Interpolation {
  const found = (Object.keys(PROTO_INTERPOLATIONS) as Interpolation[]).find((k) => PROTO_INTERPOLATIONS[k] === n);
  if (!found) throw invalidArgument(`mapping.interpolation: ${n} is not supported (NONE 0, LINEAR 1, CUBIC 3)`);
  return found;
}
