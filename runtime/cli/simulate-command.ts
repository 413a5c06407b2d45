// inkflow simulate FLOW.json|RULES.json EVENT.json [--trace]: prints the action plan the event gets.
import { parseArgs } from 'node:util';
import { checkDealEvent } from '../../schemas/index.ts';
import { checkDocument } from './check-document.ts';
import type { CliIo } from './cli-io.ts';
import { formatDiagnostics } from './format-diagnostics.ts';
import { loadRuleSource } from './load-rule-source.ts';
import { expectPositionals, parseCommandLine } from './parse-command-line.ts';
import { readJsonDocument } from './read-json-document.ts';

export function simulateCommand(args: string[], io: CliIo): number {
  const { positionals, values } = parseCommandLine('simulate', () =>
    parseArgs({ args, allowPositionals: true, options: { trace: { type: 'boolean' } } }),
  );
  expectPositionals('simulate', positionals, 2, 2);
  const [rulesFile, eventFile] = positionals as [string, string];
  const source = loadRuleSource(rulesFile);
  if (source.diagnostics.length > 0) io.err(formatDiagnostics(rulesFile, source.diagnostics));
  if (!source.ok) return 1;
  const event = checkDocument(eventFile, readJsonDocument(eventFile), checkDealEvent);
  const plan = source.evaluator.evaluate(event, { trace: values.trace === true });
  io.out(`${JSON.stringify(plan, null, 2)}\n`);
  return 0;
}
