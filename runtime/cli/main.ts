// The inkflow command line: picks the command, runs it, and turns failures into exit codes
// (0 done, 1 the flow has errors, 2 bad command line or file, 70 a bug of ours).
import { FileProblem, UsageError } from './cli-errors.ts';
import { type CliIo, processIo } from './cli-io.ts';
import { usage } from './usage.ts';

type Command = (args: string[], io: CliIo) => number;

// Loaded on demand, so `inkflow --help` does not pay for ajv and the compiler.
const commands: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./validate-command.ts')).validateCommand,
  compile: async () => (await import('./compile-command.ts')).compileCommand,
  simulate: async () => (await import('./simulate-command.ts')).simulateCommand,
  export: async () => (await import('./export-command.ts')).exportCommand,
};

const isHelp = (arg: string): boolean => arg === '--help' || arg === '-h';

function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof FileProblem) {
    io.err(`inkflow: ${error.message}\n`);
    return 2;
  }
  if (error instanceof UsageError) {
    io.err(`inkflow: ${error.message}\nRun "inkflow --help" for usage.\n`);
    return 2;
  }
  io.err(`inkflow: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 70;
}

export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(usage);
    return 2;
  }
  if (isHelp(name) || name === 'help') {
    io.out(usage);
    return 0;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    io.err(`inkflow: unknown command "${name}"\n\n${usage}`);
    return 2;
  }
  if (args.some(isHelp)) {
    io.out(usage);
    return 0;
  }
  try {
    return (await load())(args, io);
  } catch (error) {
    return reportFailure(error, io);
  }
}
