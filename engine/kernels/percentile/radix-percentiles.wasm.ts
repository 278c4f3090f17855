/**
 * percentile on the WASM backend. The input is copied once into module memory (the one working buffer).
 * Large inputs take the sampled path (radix-sampled.wasm.ts): a sample picks up to four value windows around the
 * wanted ranks, one SIMD pass counts the values below each window and copies the few inside, and radix select
 * finishes inside the windows. Small inputs, and large ones the sample cannot place, take the exact path: the copy
 * becomes keys in place and radix select (wasm/assembly/lib/radix-select.ts) finds every rank in it.
 */
import type { NumericArray, PercentileMethod } from '../../types.js';
import type { WasmModuleHandle } from '../../backends/wasm/runtime.js';
import type { PercentileOut } from './percentile.contract.js';
import { finishPercentiles, planPercentiles } from './positions.js';
import type { PercentileExports } from './radix-wasm-exports.js';
import { Layout, SCRATCH_MARK, scratchBytes } from './radix-wasm-layout.js';
import { widthOf } from './radix-wasm-width.js';
import { selectAt, type WasmCall } from './radix-wasm-call.js';
import { copyAndSample, sampledPercentiles, sampleSize } from './radix-sampled.wasm.js';

/** Below this many values the exact path is as fast as sampling. */
const SAMPLED_MIN = 1 << 17;

/** Which way a call went: recorded in telemetry, and what tests check to cover every path. */
export type RadixPath = 'sampled' | 'exact' | 'exact after sample miss';

export function radixPercentilesWasm(
  h: WasmModuleHandle<PercentileExports>,
  values: NumericArray,
  q: Float64Array,
  method: PercentileMethod,
): { out: PercentileOut; path: RadixPath } {
  const w = widthOf(values);
  const n = values.length;
  const maxRanks = 2 * q.length + 2;
  const s = n < SAMPLED_MIN ? 0 : sampleSize(n);
  const L = new Layout();
  const base = h.reserve(0);
  const call: WasmCall = {
    h,
    w,
    input: base + L.take(n * w.bytes),
    scratch: base + L.take(scratchBytes(maxRanks)),
    ranks: base + L.take(4 * maxRanks),
    out: base + L.take(w.bytes * maxRanks),
  };
  const sample = base + L.take(s * w.bytes);
  h.reserve(L.bytes);
  const buf = h.exports.memory.buffer;
  // Insurance: radix select keeps its bin marks zero, but a trap mid-call would leave them dirty.
  new Uint8Array(buf, call.scratch + SCRATCH_MARK, SCRATCH_MARK).fill(0);
  if (s === 0) {
    w.copyIn(buf, call.input, values);
    return { out: exact(call, n, q, method), path: 'exact' };
  }
  const kept = s - copyAndSample(call, values, s, sample);
  const out = sampledPercentiles(call, L, base, n, { at: sample, s, kept }, q, method);
  return out ? { out, path: 'sampled' } : { out: exact(call, n, q, method), path: 'exact after sample miss' };
}

function exact(call: WasmCall, n: number, q: Float64Array, method: PercentileMethod): PercentileOut {
  const nanCount = call.w.keysFrom(call.h.exports, call.input, n);
  const plan = planPercentiles(n - nanCount, q, method);
  const keys = selectAt(call, call.input, n, plan.ranks);
  return { values: finishPercentiles(plan, keys.map(call.w.toFloat)), count: plan.count, nanCount };
}
