/** The contract every subcommand module implements; main.ts only dispatches. */

export interface Command {
  /** Full `--help` text for the subcommand. */
  usage: string;
  /**
   * Runs with the arguments after the command name and returns what goes on stdout. Output is returned,
   * not written, so a failure halfway leaves stdout empty (errors are thrown: CliError, GpulseError).
   */
  run(argv: string[]): Promise<string>;
}
