/**
 * Ctrl-C: temporaries (output files being written, spill files) are removed and the process exits 130, so an
 * interrupted run leaves neither half-written results nor spill debris.
 */
import { rmSync } from 'node:fs';

const paths = new Set<string>();
let installed = false;

export function track(path: string): void {
  paths.add(path);
  installInterruptHandler();
}

/** Called when a batch run starts, so Ctrl-C during compute also exits 130 with the one-line message. */
export function installInterruptHandler(): void {
  if (installed) return;
  installed = true;
  const stop = (signal: NodeJS.Signals) => {
    removeAll();
    process.stderr.write(`gpulse: interrupted (${signal}); no output file was left half-written\n`);
    process.exit(130);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export function forget(path: string): void {
  paths.delete(path);
}

export function removeAll(): void {
  for (const p of paths) rmSync(p, { recursive: true, force: true });
  paths.clear();
}
