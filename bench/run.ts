/**
 * Benchmark runner: `npm run bench -- [suite…] [--quick] [--full] [--stub]`.
 *   suite…   names from bench/suites.ts (default: all of them), run one after another in this process
 *   --quick  small sizes only (smoke run; results go to <suite>.quick.json)
 *   --full   also run the multi-second peers at the largest sizes (skipped by default to keep runs short)
 *   --stub   stand-in gpulse contenders, to exercise the harness and peers without the engine
 * Prints one table per comparison and writes bench/results/<suite>.json. Timings are recorded, never asserted.
 */
import { SUITES } from './suites.js';
import { describeMachine, machineInfo } from './harness/machine.js';
import { writeResults } from './harness/results.js';
import type { SuiteContext } from './harness/types.js';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const names = args.filter((a) => !a.startsWith('--'));
const known = new Set(['--quick', '--full', '--stub']);
const unknownFlag = [...flags].find((f) => !known.has(f));
const unknownSuite = names.find((n) => !(n in SUITES));
if (unknownFlag || unknownSuite) {
  console.error(`unknown ${unknownFlag ? `option ${unknownFlag}` : `suite "${unknownSuite}"`}; suites: ${Object.keys(SUITES).join(', ')}; options: ${[...known].join(' ')}`);
  process.exit(2);
}

const ctx: SuiteContext = {
  quick: flags.has('--quick'),
  full: flags.has('--full'),
  stub: flags.has('--stub'),
  log: (line) => console.error(line),
};

console.log(`machine: ${describeMachine(machineInfo())}`);
let failed = false;
for (const name of names.length ? names : Object.keys(SUITES)) {
  const started = performance.now();
  try {
    const suite = (await SUITES[name]()).default;
    console.log(`\n=== ${suite.title}${ctx.quick ? ' (quick)' : ''}${ctx.full ? ' (full)' : ''}${ctx.stub ? ' (stub gpulse)' : ''} ===`);
    const report = await suite.run(ctx);
    const path = await writeResults(name, report, { quick: ctx.quick, full: ctx.full, stub: ctx.stub });
    console.log(`\nnotes:\n${report.notes.map((n) => `  - ${n}`).join('\n')}`);
    console.log(`\n${name}: ${((performance.now() - started) / 1000).toFixed(0)} s, results in ${path}`);
  } catch (error) {
    failed = true;
    console.error(`suite ${name} failed:`, error);
  }
}
// Worker threads, GPU devices and DuckDB handles must not keep the process alive.
process.exit(failed ? 1 : 0);
