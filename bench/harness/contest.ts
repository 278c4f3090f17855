/**
 * Runs every contender on one input: times it, checks its answer against the reference contender's, and
 * makes sure it left the shared input untouched (same arrays for everyone; a kernel that sorted in place
 * or moved the buffer to a worker would otherwise skew every later row).
 */
import { measure, type TimerOptions } from './timer.js';
import { checkApprox, checkExact } from './verify.js';
import type { Row } from './types.js';

export interface Contender<I> {
  name: string;
  kind: 'gpulse' | 'peer';
  approx?: boolean;
  countsForBest?: boolean;
  note?: string;
  /** A reason not to run on this input (software adapter at large sizes, …); undefined runs it. */
  skip?(input: I): string | undefined;
  /** Multi-second peers with linear cost: above this many values they run only with --full. */
  maxValues?: number;
  /** Untimed, once per input (load a database table, …). */
  prepare?(input: I): unknown;
  run(input: I): ArrayLike<number> | Promise<ArrayLike<number>>;
  /** Note after the runs, e.g. the backend the engine really used. */
  describe?(): string | undefined;
}

export interface Case<I> {
  group: string;
  size: string;
  /** Values per run, for M values/s. */
  values: number;
  input: I;
  timer: Partial<TimerOptions>;
  /** Contender names whose answer is the yardstick; the first that produced one wins. */
  reference: string[];
  /** Cheap digest of the input, compared before and after each contender. */
  fingerprint(input: I): number;
  /** --full: ignore contenders' maxValues (default false). */
  full?: boolean;
}

export async function runCase<I>(c: Case<I>, contenders: Contender<I>[], log: (s: string) => void): Promise<Row[]> {
  const answers = new Map<string, ArrayLike<number>>();
  const rows: Row[] = [];
  const before = c.fingerprint(c.input);
  for (const k of contenders) {
    const row: Row = {
      group: c.group,
      name: k.name,
      kind: k.kind,
      approx: k.approx ?? false,
      countsForBest: k.countsForBest ?? k.kind === 'gpulse',
      size: c.size,
      values: c.values,
      timing: null,
      check: '',
      note: k.note,
    };
    rows.push(row);
    const capped = !c.full && k.maxValues !== undefined && c.values > k.maxValues;
    const why = capped ? `> ${k.maxValues!.toExponential().replace('+', '')} values (--full runs it)` : k.skip?.(c.input);
    if (why) {
      row.check = `skipped: ${why}`;
      continue;
    }
    try {
      await k.prepare?.(c.input);
      const { timing, result } = await measure(() => k.run(c.input), c.timer);
      row.timing = timing;
      answers.set(k.name, Array.from(result));
      const extra = k.describe?.();
      if (extra) row.note = row.note ? `${row.note}; ${extra}` : extra;
      log(`  ${c.group} · ${k.name}: ${timing.medianMs.toFixed(2)} ms (${timing.runs} runs)`);
    } catch (error) {
      row.check = `error: ${(error as Error).message.split('\n')[0]}`;
      log(`  ${c.group} · ${k.name}: ${row.check}`);
    }
    if (c.fingerprint(c.input) !== before) throw new Error(`${k.name} changed the shared input (${c.group}); later rows would be meaningless`);
  }
  const refName = c.reference.find((n) => answers.has(n));
  const expected = refName ? answers.get(refName)! : undefined;
  for (const row of rows) {
    const actual = answers.get(row.name);
    if (!actual) continue;
    if (!expected) row.check = 'unchecked (no reference)';
    else if (row.name === refName) row.check = '✓ ref';
    else row.check = row.approx ? checkApprox(actual, expected) : checkExact(actual, expected);
  }
  return rows;
}

/** Length plus a position-weighted sum: a detached buffer, a write or an in-place sort all change it. */
export function fingerprintFloats(xs: ArrayLike<number>): number {
  let s = xs.length;
  for (let i = 0; i < xs.length; i++) s += xs[i] * ((i & 1023) + 1);
  return s;
}
