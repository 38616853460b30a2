// Runtime: Node (scripts). What every command-line tool here does the same way: a bad argument is
// explained with the usage and exit code 2; --help prints the usage and exits 0.
import process from 'node:process';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** Prints `command: message` and the usage on standard error, and exits 2 (bad input). */
export function cliFailure(command: string, usage: string): (message: string) => never {
  return (message) => {
    console.error(`${command}: ${message}\n${usage}`);
    process.exit(2);
  };
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const satisfies ParseArgsOptionsConfig;

type OptionValue<O> = O extends { type: 'boolean' } ? (O extends { multiple: true } ? boolean[] : boolean) : O extends { multiple: true } ? string[] : string;

/** What parseArgs gives for `T`: an option with a default is always there, any other may be missing. */
type Values<T extends ParseArgsOptionsConfig> = { [K in keyof T]: T[K] extends { default: unknown } ? OptionValue<T[K]> : OptionValue<T[K]> | undefined } & { help?: boolean };

/** The options given on the command line; --help prints `usage` and exits, a bad option goes to `fail`. */
export function parseCommandLine<const T extends ParseArgsOptionsConfig>(options: T, usage: string, fail: (message: string) => never): Values<T> {
  let values: Values<T>;
  try {
    values = parseArgs({ options: { ...options, ...HELP } }).values as unknown as Values<T>;
  } catch (error) {
    return fail((error as Error).message);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  return values;
}
