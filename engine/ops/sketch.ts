/** engine.sketch / engine.groupedSketch: argument checks, NaN and ∞ policy, and the kernel call. */
import type { EngineCore } from '../engine.js';
import { invalidArgument } from '../errors.js';
import { checkGroups, checkNanPolicy, nanError, toNumericArray } from '../input.js';
import type { NumericArray, NumericInput } from '../types.js';
import { checkMaxBins } from '../kernels/sketch/ddsketch.js';
import { defaultMapping } from '../kernels/sketch/cubic-mapping.js';
import { sketchFromOut } from '../kernels/sketch/sketch-finish.js';
import { SketchSet } from '../kernels/sketch/sketch-set.js';
import type { SketchOptions, SketchResult, SketchSetResult } from '../kernels/sketch/sketch-types.js';

function checkOptions(options: SketchOptions | undefined) {
  const o = options ?? {};
  const relativeAccuracy = o.relativeAccuracy ?? 0.01;
  const mapping = defaultMapping(relativeAccuracy);
  return { o, relativeAccuracy, mapping, maxBins: checkMaxBins(o.maxBins ?? 2048), nan: checkNanPolicy(o.nan) };
}

/** Only called once a kernel counted ±∞, so clean data pays nothing. */
function infError(values: NumericArray) {
  const i = values.findIndex((v) => v === Infinity || v === -Infinity);
  return invalidArgument(`values[${i}] = ${values[i]}: a DDSketch holds finite values only`);
}

export async function sketch(core: EngineCore, input: NumericInput, options?: SketchOptions): Promise<SketchResult> {
  const values = toNumericArray(input);
  const { o, relativeAccuracy, mapping, maxBins, nan } = checkOptions(options);
  const { out, backend, telemetry } = await core.run('sketch', { values, relativeAccuracy, maxBins }, values.length, o);
  if (out.infCount > 0) throw infError(values);
  if (out.nanCount > 0 && nan === 'error') throw nanError(values);
  const s = sketchFromOut(out, { mapping }, maxBins, nan === 'propagate');
  return Object.assign(s, { backend, telemetry });
}

export async function groupedSketch(core: EngineCore, input: NumericInput, groupsInput: Uint32Array, options?: SketchOptions): Promise<SketchSetResult> {
  const values = toNumericArray(input);
  const groups = checkGroups(groupsInput, values.length);
  const { o, relativeAccuracy, mapping, maxBins, nan } = checkOptions(options);
  const { out, backend, telemetry } = await core.run('groupedSketch', { values, groups, relativeAccuracy, maxBins }, values.length, o);
  if (out.infCounts.some((c) => c > 0)) throw infError(values);
  if (nan === 'error' && out.nanCounts.some((c) => c > 0)) throw nanError(values);
  if (nan !== 'propagate') out.nanCounts.fill(0);
  const set = new SketchSet(mapping, maxBins, out);
  return Object.assign(set, { backend, telemetry });
}
