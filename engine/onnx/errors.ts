/** Error helpers that prefix what went wrong with where (node, op, input). */
import { GpulseError } from '../errors.js';

/** Runs fn; a failure becomes a GpulseError whose message starts with `where` (the code is kept). */
export function at<T>(where: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw located(where, error);
  }
}

export function located(where: string, error: unknown): GpulseError {
  if (error instanceof GpulseError) return new GpulseError(error.code, `${where}: ${error.message}`, { cause: error });
  // A RangeError from an allocation or a stack overflow on hostile input is still the input's fault.
  const message = error instanceof Error ? error.message : String(error);
  return new GpulseError('INVALID_ARGUMENT', `${where}: ${message}`, { cause: error });
}

/** Control characters and overlong names (hostile files) would garble messages: make them printable. */
export function printable(s: string): string {
  const clean = s.replace(/[\x00-\x1f\x7f]/g, '?');
  return clean.length > 120 ? `${clean.slice(0, 117)}...` : clean;
}

export function nodeLabel(name: string, opType: string, index: number): string {
  const op = printable(opType);
  return name ? `node '${printable(name)}' (${op})` : `node #${index} (${op})`;
}
