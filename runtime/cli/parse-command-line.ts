// Command-line parsing errors (node:util parseArgs) and wrong argument counts become UsageError.
import { UsageError } from './cli-errors.ts';

/** Runs a parseArgs call, so that its TypeError names the command instead of escaping as a crash. */
export function parseCommandLine<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}`);
  }
}

export function expectPositionals(command: string, positionals: readonly string[], min: number, max: number): void {
  if (positionals.length < min) throw new UsageError(`${command}: missing file argument`);
  if (positionals.length > max) throw new UsageError(`${command}: unexpected argument "${positionals[max]}"`);
}
