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
type Values<T extends ParseArgsOptionsConfig> = { [K in keyof T]: T[K] extends { default: unknown } ? OptionValue<T[K]> : OptionValue<T[K]> | undefined } & {
  help?: boolean;
};

/** The options given on the command line; --help prints `usage` and exits, a bad option or any other argument goes to `fail`. */
export function parseCommandLine<const T extends ParseArgsOptionsConfig>(options: T, usage: string, fail: (message: string) => never): Values<T> {
  return parse(options, usage, fail, false).values;
}

/** As parseCommandLine, for a command that also takes arguments that are not options (paths, say). */
export function parseCommandLineWithPositionals<const T extends ParseArgsOptionsConfig>(
  options: T,
  usage: string,
  fail: (message: string) => never,
): { values: Values<T>; positionals: string[] } {
  return parse(options, usage, fail, true);
}

function parse<T extends ParseArgsOptionsConfig>(
  options: T,
  usage: string,
  fail: (message: string) => never,
  allowPositionals: boolean,
): { values: Values<T>; positionals: string[] } {
  let parsed: { values: Values<T>; positionals: string[] };
  try {
    const { values, positionals } = parseArgs({ options: { ...options, ...HELP }, allowPositionals });
    parsed = { values: values as unknown as Values<T>, positionals };
  } catch (error) {
    return fail((error as Error).message);
  }
  if (parsed.values.help) {
    console.log(usage);
    process.exit(0);
  }
  return parsed;
}
