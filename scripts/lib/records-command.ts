// Runtime: Node (scripts). One subcommand of `npm run records` (scripts/records.ts lists them): its
// one-line summary and usage for the help, and what it does with the arguments after its name.
export interface RecordsCommand {
  summary: string;
  usage: string;
  /** Runs with the arguments after the command's name; resolves to the exit code (0 done, 1 bad files, 2 bad input). */
  run(argv: string[]): Promise<number>;
}

/** A bad argument: the command prints it with its usage and exits 2. */
export class RecordsUsageError extends Error {}
