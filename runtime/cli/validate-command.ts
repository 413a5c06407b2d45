// inkflow validate FLOW.json: lists errors and warnings; exit 1 when there is an error.
import { parseArgs } from 'node:util';
import { hasErrors } from '../../engine/validation/validate-flow.ts';
import type { CliIo } from './cli-io.ts';
import { formatDiagnostics } from './format-diagnostics.ts';
import { loadFlow } from './load-flow.ts';
import { expectPositionals, parseCommandLine } from './parse-command-line.ts';

export function validateCommand(args: string[], io: CliIo): number {
  const { positionals } = parseCommandLine('validate', () => parseArgs({ args, allowPositionals: true, options: {} }));
  expectPositionals('validate', positionals, 1, 1);
  const { file, diagnostics } = loadFlow(positionals[0] as string);
  io.out(formatDiagnostics(file, diagnostics));
  return hasErrors(diagnostics) ? 1 : 0;
}
