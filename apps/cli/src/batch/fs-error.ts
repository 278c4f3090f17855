/** File-system errors as the user's problem (exit 2), with a short reason instead of a Node stack. */
import { CliError } from '../errors.js';

export function fsError(path: string, error: unknown): CliError {
  const code = (error as { code?: string } | null)?.code;
  const reason =
    code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : error instanceof Error ? error.message : String(error);
  return new CliError(`cannot read ${path}: ${reason}`);
}
