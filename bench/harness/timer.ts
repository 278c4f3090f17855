/**
 * Wall-clock timing: warm-up runs (JIT, WASM compile, worker start, GPU pipelines), then repeat until at
 * least `minRuns` runs and `minMs` of measured time. Reports min and median; never asserts on time —
 * on a shared machine numbers are noisy and only ever recorded.
 */
export interface TimerOptions {
  warmup: number;
  minRuns: number;
  minMs: number;
  /** Hard cap so one fast contender cannot spin forever on minMs. */
  maxRuns: number;
  /** A warm-up slower than this drops to `slowRuns` timed runs (multi-second peers at 1e7). */
  slowMs: number;
  slowRuns: number;
}

export interface Timing {
  medianMs: number;
  minMs: number;
  runs: number;
}

export const DEFAULT_TIMER: TimerOptions = { warmup: 1, minRuns: 5, minMs: 500, maxRuns: 50, slowMs: 1500, slowRuns: 1 };

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Times `fn`; returns the timing and the last run's result (checked by the caller). */
export async function measure<T>(fn: () => T | Promise<T>, options: Partial<TimerOptions> = {}): Promise<{ timing: Timing; result: T }> {
  const o = { ...DEFAULT_TIMER, ...options };
  let result!: T;
  let slowest = 0;
  for (let i = 0; i < o.warmup; i++) {
    const t0 = performance.now();
    result = await fn();
    slowest = Math.max(slowest, performance.now() - t0);
  }
  const minRuns = slowest > o.slowMs ? Math.min(o.slowRuns, o.minRuns) : o.minRuns;
  const minMs = slowest > o.slowMs ? 0 : o.minMs;
  const samples: number[] = [];
  let total = 0;
  while ((samples.length < minRuns || total < minMs) && samples.length < o.maxRuns) {
    const t0 = performance.now();
    result = await fn();
    const ms = performance.now() - t0;
    samples.push(ms);
    total += ms;
  }
  return { timing: { medianMs: median(samples), minMs: Math.min(...samples), runs: samples.length }, result };
}
