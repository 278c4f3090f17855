/**
 * gpulse CLI entry: `gpulse <command> [args]`. Commands load lazily so `--help` and `--version` never
 * start the engine. Adding a command is one line in COMMANDS.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from './command.js';
import { CliError, describeError, EXIT_OK } from './errors.js';

interface CommandEntry {
  summary: string;
  load: () => Promise<{ command: Command }>;
}

const COMMANDS: Record<string, CommandEntry> = {
  percentiles: { summary: 'exact percentiles of a CSV column, optionally per group', load: () => import('./commands/percentiles.js') },
  features: { summary: 'time-series features (fast, catch22, catch24) per series or rolling window', load: () => import('./commands/features.js') },
  infer: { summary: 'run an ONNX model on feeds from a JSON file', load: () => import('./commands/infer.js') },
  batch: { summary: 'batch run: per-entity and per-bucket percentiles, features, anomaly scores → files', load: () => import('./commands/batch.js') },
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const list = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: gpulse <command> [options]',
    '',
    'Commands:',
    ...list,
    '',
    'Options:',
    '  -h, --help     show this help (gpulse <command> --help for a command)',
    '  -v, --version  print the version',
    '',
  ].join('\n');
}

/** The package version, found by walking up from this file: it runs from apps/cli/src and from dist/apps/cli/src. */
function version(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'gpulse' && pkg.version) return `${pkg.version}\n`;
    } catch {
      // no package.json here: keep walking up
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json of gpulse not found');
    dir = parent;
  }
}

async function dispatch(argv: string[]): Promise<string> {
  const [name, ...rest] = argv;
  if (name === undefined) throw new CliError('missing command (try gpulse --help)');
  if (name === '-h' || name === '--help' || name === 'help') return help();
  if (name === '-v' || name === '--version') return version();
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) throw new CliError(`unknown command ${JSON.stringify(name)} (commands: ${Object.keys(COMMANDS).join(', ')})`);
  const { command } = await entry.load();
  return command.run(rest);
}

/** Resolves once the text is handed to the OS, so process.exit cannot cut off piped output. */
function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => (text ? stream.write(text, () => resolve()) : resolve()));
}

async function main(): Promise<void> {
  // A closed pipe (`gpulse … | head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? EXIT_OK : 1));
  let code = EXIT_OK;
  try {
    await write(process.stdout, await dispatch(process.argv.slice(2)));
  } catch (error) {
    const { message, exitCode } = describeError(error);
    await write(process.stderr, `gpulse: ${message}\n`);
    code = exitCode;
  }
  // Exit explicitly: a GPU device or worker handle must not keep a finished command alive.
  process.exit(code);
}

await main();
