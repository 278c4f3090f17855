/** Shapes shared by the bench runner, the suites and the result files. */
import type { Timing } from './timer.js';

/** One measured (or skipped) contender on one input; one line of a printed table. */
export interface Row {
  /** Rows with the same group are compared with each other (one printed table per group). */
  group: string;
  name: string;
  /** 'gpulse' rows feed the "× vs gpulse …" columns; peers are everything else. */
  kind: 'gpulse' | 'peer';
  /** Approximate algorithms (sketches): the check column shows their error instead of ✓/✗. */
  approx: boolean;
  /** False keeps a gpulse row out of "gpulse best" (software adapters: correctness only). */
  countsForBest: boolean;
  /** Human size, e.g. "1e6" or "1e7 / 10k groups". */
  size: string;
  /** Values processed per run, for M values/s. */
  values: number;
  timing: Timing | null;
  /** '✓', '≈ …', '✗ …', 'approx …', 'ref', or why the row has no timing. */
  check: string;
  note?: string;
}

export interface SuiteContext {
  /** Small sizes only (smoke run). */
  quick: boolean;
  /** Run every contender at every size (no maxValues caps); slow. */
  full: boolean;
  /** Replace the gpulse contenders by a stub (harness testing while the engine is being written). */
  stub: boolean;
  log(line: string): void;
}

export interface SuiteReport {
  rows: Row[];
  /** Setup notes for the result file and the final printout (what is timed, scaling, versions). */
  notes: string[];
  /** WebGPU adapter the suite saw, for the machine record (null: none). */
  webgpuAdapter?: string | null;
}

export interface Suite {
  name: string;
  title: string;
  run(ctx: SuiteContext): Promise<SuiteReport>;
}
