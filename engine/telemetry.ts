import type { BackendName, StageTiming, Telemetry } from './types.js';

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Collects per-stage timings and transfer sizes for one call; kernels record into it, results expose it. */
export class TelemetryRecorder {
  readonly stages: StageTiming[] = [];
  bytesUploaded = 0;
  bytesReadBack = 0;
  private readonly started = now();

  /** Times a synchronous stage. */
  stage<T>(name: string, fn: () => T): T {
    const t0 = now();
    try {
      return fn();
    } finally {
      this.stages.push({ stage: name, ms: now() - t0 });
    }
  }

  /** Times an asynchronous stage. */
  async stageAsync<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const t0 = now();
    try {
      return await fn();
    } finally {
      this.stages.push({ stage: name, ms: now() - t0 });
    }
  }

  finish(backend: BackendName, fallback?: { from: BackendName; reason: string }): Telemetry {
    const t: Telemetry = {
      backend,
      stages: this.stages.slice(),
      bytesUploaded: this.bytesUploaded,
      bytesReadBack: this.bytesReadBack,
      totalMs: now() - this.started,
    };
    if (fallback) {
      t.fallbackFrom = fallback.from;
      t.fallbackReason = fallback.reason;
    }
    return t;
  }
}
