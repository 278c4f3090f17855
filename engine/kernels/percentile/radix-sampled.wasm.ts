/**
 * The WASM percentile kernel's sampled path: copy the input in chunks, sampling each chunk while it is in cache;
 * pick up to four value windows around the wanted ranks from the sample (radix-windows.ts); one SIMD pass
 * (window-pass-f32/f64.ts) counts the values below each window and copies the keys inside; radix select finishes
 * inside the windows. Returns null when the sample cannot place the ranks (heavy ties, too many windows) or a rank
 * missed its window: the caller then takes the exact path on the same copy.
 */
import type { NumericArray, PercentileMethod } from '../../types.js';
import type { PercentileOut } from './percentile.contract.js';
import { finishPercentiles, planPercentiles } from './positions.js';
import { type Layout, SLACK, WINDOWS } from './radix-wasm-layout.js';
import { selectAt, type WasmCall } from './radix-wasm-call.js';
import { assignRanks, sampleWindows, valueWindows, type WindowCount } from './radix-windows.js';

const SEED = 0x2545f491;
/** Elements copied (and sampled) at a time: 1–2 MiB, so a chunk is still in cache when it is sampled. */
const COPY_CHUNK = 1 << 18;

/** Sample size balancing the sample's cost against the windows' size (one grows as the other shrinks). */
export function sampleSize(n: number): number {
  return Math.min(Math.floor(n / 8), Math.round((4 * n) ** (2 / 3)));
}

/** Copies `values` to call.input, sampling s keys to `sample` on the way; returns how many sampled values were NaN. */
export function copyAndSample(call: WasmCall, values: NumericArray, s: number, sample: number): number {
  const { h, w } = call;
  const n = values.length;
  let nan = 0;
  let taken = 0;
  for (let from = 0; from < n; from += COPY_CHUNK) {
    const to = Math.min(n, from + COPY_CHUNK);
    const at = call.input + from * w.bytes;
    w.copyIn(h.exports.memory.buffer, at, values.subarray(from, to));
    const want = Math.round((s * to) / n) - taken;
    nan += w.sample(h.exports, at, to - from, want, SEED + from, sample + taken * w.bytes);
    taken += want;
  }
  return nan;
}

/** `kept` of the s sampled keys at `sample` are not NaN. L places further memory after `base`. */
export function sampledPercentiles(call: WasmCall, L: Layout, base: number, n: number, sample: { at: number; s: number; kept: number }, q: Float64Array, method: PercentileMethod): PercentileOut | null {
  const { h, w } = call;
  const e = h.exports;
  const { s, kept } = sample;
  if (kept === 0) return null;
  const pos = sampleWindows(q, kept);
  const at = [...new Set(pos.flatMap((p) => [p.lo, p.hi]).filter((x) => x >= 0 && x < kept))].sort((a, b) => a - b);
  const sampleKeys = selectAt(call, sample.at, s, at);
  const windows = valueWindows(pos, (x) => w.toFloat(sampleKeys[at.indexOf(x)]), kept);
  // Too many windows, or one window a single repeated value (heavy ties): the exact path does better.
  if (windows.length > WINDOWS || windows.some((x) => x.lo === x.hi)) return null;
  // Expected keys per window from its share of the sample, with room for the count's spread.
  const caps = windows.map((x) => Math.ceil(((x.span.hi - x.span.lo + 1) / s) * n * 1.5) + 1024);
  if (caps.reduce((a, b) => a + b, 0) > n / 4) return null;
  const win = base + L.take(w.win.bytes);
  const dst = caps.map((c) => base + L.take((c + SLACK) * w.bytes));
  h.reserve(L.bytes);
  const buf = e.memory.buffer;
  const u32 = new Uint32Array(buf, win, w.win.bytes / 4);
  for (let k = 0; k < WINDOWS; k++) {
    const used = k < windows.length;
    w.writeBound(buf, win + w.win.lo + k * w.bytes, used ? windows[k].lo : NaN);
    w.writeBound(buf, win + w.win.hi + k * w.bytes, used ? windows[k].hi : NaN);
    u32[(w.win.dst >> 2) + k] = used ? dst[k] : 0;
    u32[(w.win.cap >> 2) + k] = used ? caps[k] : 0;
  }
  w.windowPass(e, call.input, n, win, windows.length);

  // NaN is in no count; window 0 splits the rest into below, inside and above.
  const count = (field: number, k: number) => u32[(field >> 2) + k];
  const nanCount = n - count(w.win.ge, 0) - count(w.win.le, 0) + count(w.win.inside, 0);
  const counts: WindowCount[] = windows.map((_, k) => ({
    below: count(w.win.le, k) - count(w.win.inside, k),
    inside: count(w.win.inside, k),
    cap: caps[k],
  }));
  const plan = planPercentiles(n - nanCount, q, method);
  const where = assignRanks(plan.ranks, counts);
  if (!where) return null;
  const keys: bigint[] = [];
  windows.forEach((_, k) => {
    const rel = where.filter((x) => x.window === k).map((x) => x.rel);
    keys.push(...selectAt(call, dst[k], counts[k].inside, rel));
  });
  return { values: finishPercentiles(plan, keys.map(w.toFloat)), count: plan.count, nanCount };
}
