/**
 * Option value checks shared by the subcommands; each fails as a CliError (exit 2) naming the flag.
 * Commands parse with node:util parseArgs in strict mode, whose ERR_PARSE_ARGS_* errors also exit 2.
 */
import { CliError } from './errors.js';
import { parseNumberList } from './parse-number.js';

/** Checks a string option against its allowed values, naming them all in the error. */
export function choice<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`${flag}: unknown value ${JSON.stringify(value)} (expected one of ${allowed.join(', ')})`);
}

/** "0.5,0.9,0.99" → probabilities, each a number in [0, 1]. */
export function parseProbabilities(flag: string, text: string): number[] {
  const parsed = parseNumberList(text);
  if ('bad' in parsed) throw new CliError(`${flag}: ${JSON.stringify(parsed.bad)} is not a number (expected a comma-separated list like 0.5,0.99)`);
  for (const p of parsed.values) {
    if (!(p >= 0 && p <= 1)) throw new CliError(`${flag}: ${p} is outside [0, 1]`);
  }
  return parsed.values;
}

/** Requires a non-empty option value (parseArgs accepts `--column ""`). */
export function required(flag: string, value: string | undefined, hint: string): string {
  if (value === undefined || value === '') throw new CliError(`${flag} is required (${hint})`);
  return value;
}
