// inkflow compile FLOW.json [-o RULES.json]: validates, then writes the canonical rule set text.
import { parseArgs } from 'node:util';
import { compileFlow, serializeRuleSet } from '../../engine/compile/compile-flow.ts';
import { hasErrors } from '../../engine/validation/validate-flow.ts';
import type { CliIo } from './cli-io.ts';
import { formatDiagnostics } from './format-diagnostics.ts';
import { loadFlow } from './load-flow.ts';
import { expectPositionals, parseCommandLine } from './parse-command-line.ts';
import { writeOutput } from './write-output.ts';

export function compileCommand(args: string[], io: CliIo): number {
  const { positionals, values } = parseCommandLine('compile', () =>
    parseArgs({ args, allowPositionals: true, options: { output: { type: 'string', short: 'o' } } }),
  );
  expectPositionals('compile', positionals, 1, 1);
  const { file, flow, diagnostics } = loadFlow(positionals[0] as string);
  // stdout carries only the rule set; diagnostics (warnings included) go to stderr.
  if (diagnostics.length > 0) io.err(formatDiagnostics(file, diagnostics));
  if (hasErrors(diagnostics)) return 1;
  writeOutput(serializeRuleSet(compileFlow(flow)), values.output, io);
  return 0;
}
