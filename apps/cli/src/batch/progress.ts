/**
 * Progress bars on stderr for long stages. Silent when stderr is not a TTY (pipes, CI, tests) or with
 * --quiet. cli-progress is a dev dependency, so an install without it simply shows no bars.
 */

export interface Progress {
  start(label: string, total: number): void;
  update(done: number): void;
  stop(): void;
}

const silent: Progress = { start() {}, update() {}, stop() {} };

interface Bar {
  start(total: number, start: number, payload: object): void;
  update(value: number, payload?: object): void;
  stop(): void;
}

export async function createProgress(quiet: boolean): Promise<Progress> {
  if (quiet || !process.stderr.isTTY) return silent;
  let mod: { SingleBar: new (opts: object, preset: object) => Bar; Presets: { shades_classic: object } };
  try {
    // A variable specifier: the package ships no types and may be absent in production installs.
    const name = 'cli-progress';
    mod = ((await import(name)) as { default: typeof mod }).default;
  } catch {
    return silent;
  }
  let bar: Bar | undefined;
  return {
    start(label, total) {
      bar?.stop();
      bar = new mod.SingleBar({ format: `${label.padEnd(22)} [{bar}] {percentage}% | {eta_formatted}`, stream: process.stderr, clearOnComplete: true, hideCursor: true }, mod.Presets.shades_classic);
      bar.start(Math.max(1, total), 0, {});
    },
    update(done) {
      bar?.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
