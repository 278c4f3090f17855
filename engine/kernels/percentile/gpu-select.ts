/**
 * GPU radix select for one or many percentile problems ("roots": the array, or each group) at once.
 * Each round histograms every target still holding wanted ranks on its next digit, finds on the host the
 * bins holding those ranks (splitTarget), and narrows the targets to them; the first histogram of a root
 * also counts its NaN keys, after which its ranks are planned (planPercentiles). Small targets are compacted
 * and read back to be finished on the host. All q of a root share every pass.
 */
import type { RunContext } from '../contract.js';
import type { PercentileMethod } from '../../types.js';
import type { GpuContext } from '../../backends/webgpu/context.js';
import type { BufferLease } from '../../backends/webgpu/buffer-lease.js';
import { throwIfAborted } from '../../errors.js';
import { checkLive } from '../../backends/webgpu/errors.js';
import { planPercentiles, type PercentilePlan } from './positions.js';
import { keyValue, sortKeysInPlace, splitTarget, type Piece, type Target } from './gpu-targets.js';
import { runRound } from './gpu-round.js';
import { MAX_BITS } from './gpu-pipelines.js';
import type { SelectSource } from './gpu-work-lists.js';

export interface RootResult {
  nanCount: number;
  plan: PercentilePlan;
  /** One per plan rank. */
  stats: number[];
}

export interface SelectJob {
  gpu: GpuContext;
  lease: BufferLease;
  run: RunContext;
  wide: boolean;
  /** Buffers the roots' pieces point into; compaction appends, and unreferenced ones are released early. */
  sources: (SelectSource | null)[];
  roots: { total: number; pieces: Piece[] }[];
  q: Float64Array;
  method: PercentileMethod;
}

/** Below this many keys in all, the remaining targets are read back and finished on the host. */
const FINISH_ALL = 1 << 16;
/** A target this small is finished on the host whatever the others do (many small groups). */
const SMALL_TARGET = 256;
/** Histogram bins read back per round at most; digits narrow (down to MIN_BITS) as targets multiply. */
const HIST_BINS = 1 << 20;
const MIN_BITS = 4;
/** Keys and targets finished per round at most (bounds the finish buffer and the target table). */
const FINISH_KEYS = 1 << 22;
const FINISH_TARGETS = 1 << 18;

function sum(ts: Target[]): number {
  return ts.reduce((s, t) => s + t.count, 0);
}

/** Which targets go on histogramming and which are finished on the host next round (`maxKeys`: one binding). */
function triage(ts: Target[], maxKeys: number): [Target[], Target[]] {
  if (sum(ts) <= Math.min(FINISH_ALL, maxKeys)) return [[], ts];
  const small = Math.min(SMALL_TARGET, maxKeys);
  return [ts.filter((t) => t.count > small), ts.filter((t) => t.count <= small)];
}

export async function radixSelect(job: SelectJob): Promise<RootResult[]> {
  const { gpu, wide, q, method, sources } = job;
  const keyBits = wide ? 64 : 32;
  const words = wide ? 2 : 1;
  const limits = gpu.caps.limits;
  const maxKeys = Math.floor(Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize) / (4 * words));
  const empty = planPercentiles(0, q, method);
  const results: RootResult[] = job.roots.map(() => ({ nanCount: 0, plan: empty, stats: [] }));
  // A plan depends on the count only: many groups of one size share it.
  const plans = new Map<number, PercentilePlan>();
  const planRoot = (t: Target, nanCount: number) => {
    const count = t.count - nanCount;
    let plan = plans.get(count);
    if (!plan) plans.set(count, (plan = planPercentiles(count, q, method)));
    results[t.root] = { nanCount, plan, stats: new Array<number>(plan.ranks.length) };
    t.wants = Array.from(plan.ranks, (rank, slot) => ({ rank, slot }));
  };
  const finishOnHost = (t: Target, keys: Uint32Array, at: number) => {
    const sorted = sortKeysInPlace(keys, at, t.count, wide);
    if (t.depth === 0) planRoot(t, sorted.nan);
    const stats = results[t.root].stats;
    for (const w of t.wants) stats[w.slot] = sorted.value(w.rank);
  };

  const roots: Target[] = job.roots.map((r, root) => ({ root, hi: 0, lo: 0, depth: 0, count: r.total, wants: [], pieces: r.pieces }));
  let [pending, finishing] = triage(roots.filter((t) => t.count > 0), maxKeys);
  while (pending.length + finishing.length > 0) {
    throwIfAborted(job.run.signal);
    checkLive(gpu);
    // This round's share of the work; the rest waits for the next round.
    let take = 0;
    let finishKeys = 0;
    while (take < finishing.length && take < FINISH_TARGETS && (!take || finishKeys + finishing[take].count <= Math.min(FINISH_KEYS, maxKeys))) {
      finishKeys += finishing[take++].count;
    }
    const finish = finishing.splice(0, take);
    const active = pending.splice(0, HIST_BINS >> MIN_BITS);
    const passBits = Math.max(MIN_BITS, Math.min(MAX_BITS, Math.floor(Math.log2(HIST_BINS / Math.max(1, active.length)))));
    const activeKeys = sum(active);
    const scanned = active.reduce((s, t) => s + t.pieces.reduce((p, c) => p + c.end - c.start, 0), 0);
    const compact = activeKeys > 0 && 2 * activeKeys <= scanned && activeKeys <= maxKeys;

    const round = await runRound(gpu, job.lease, job.run, wide, sources, { finish, active, passBits, keyBits, compact });

    const children = job.run.telemetry.stage('select', () => {
      round.finish.forEach((t, i) => finishOnHost(t, round.keys, round.keyAt[i]));
      const next: Target[] = [];
      round.active.forEach((t, i) => {
        const row = round.hist.subarray(round.rowAt[i], round.rowAt[i] + 1 + (1 << round.bits[i]));
        // Cheap guard against reading a histogram the GPU never wrote (a failed upload, a kernel bug).
        let total = 0;
        for (let b = 1; b < row.length; b++) total += row[b];
        if (total !== t.count) throw new Error(`webgpu percentile: histogram holds ${total} keys, expected ${t.count}`);
        if (t.depth === 0) planRoot(t, row[0]);
        for (const c of splitTarget(t, row.subarray(1), round.bits[i])) {
          if (c.depth < keyBits) next.push(c);
          else for (const w of c.wants) results[c.root].stats[w.slot] = keyValue(c.hi, c.lo, wide);
        }
      });
      return next;
    });
    const [more, small] = triage([...pending, ...children], maxKeys);
    pending = more;
    finishing = [...finishing, ...small];
    releaseUnused(job, [...pending, ...finishing]);
  }
  return results;
}

/** Gives back the sources (input chunks included) no remaining target reads. */
function releaseUnused(job: SelectJob, live: Target[]): void {
  const used = new Set<number>();
  for (const t of live) for (const p of t.pieces) used.add(p.source);
  job.sources.forEach((s, i) => {
    if (s && !used.has(i)) {
      job.lease.release(s.buffer);
      job.sources[i] = null;
    }
  });
}
