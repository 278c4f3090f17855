/**
 * CliError: a problem the user can fix (bad argument, bad file, bad cell). It carries the exit code so the
 * entry point can print one line on stderr and exit without guessing: 2 for input/usage, 1 for internal.
 */

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;

export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = EXIT_USAGE) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

// Engine codes caused by what the user asked for; the rest (DEVICE_LOST, ABORTED, DISPOSED) are our failures.
const USER_CODES = new Set(['INVALID_ARGUMENT', 'BACKEND_UNAVAILABLE', 'NAN_IN_INPUT', 'INPUT_TOO_LARGE']);

/** Maps anything thrown to one stderr line and an exit code. */
export function describeError(error: unknown): { message: string; exitCode: number } {
  if (error instanceof CliError) return { message: oneLine(error.message), exitCode: error.exitCode };
  if (isGpulseError(error)) {
    const exitCode = USER_CODES.has(error.code) ? EXIT_USAGE : EXIT_INTERNAL;
    return { message: oneLine(`${error.message} (${error.code})`), exitCode };
  }
  // parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown options, missing values, extra positionals.
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
    return { message: oneLine((error as Error).message), exitCode: EXIT_USAGE };
  }
  const message = error instanceof Error ? `internal error: ${error.message || error.name}` : `internal error: ${String(error)}`;
  return { message: oneLine(message), exitCode: EXIT_INTERNAL };
}

/** Duck-typed so this module (loaded for --help too) does not pull in the engine. */
function isGpulseError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && error.name === 'GpulseError' && typeof (error as { code?: unknown }).code === 'string';
}

/** The contract is exactly one stderr line, so embedded newlines (file names, engine messages) are flattened. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
