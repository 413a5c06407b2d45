// inkflow export FLOW.json... [--format json|csv] [-o FILE]: compiles every flow into one rule set
// and writes the analysts' export of it.
import { parseArgs } from 'node:util';
import { compileFlows } from '../../engine/compile/compile-flow.ts';
import { exportRows } from '../../engine/export/export-rows.ts';
import { toCsv } from '../../engine/export/to-csv.ts';
import { serializeExport, toExportJson } from '../../engine/export/to-export-json.ts';
import { hasErrors } from '../../engine/validation/validate-flow.ts';
import type { RuleSet } from '../../schemas/index.ts';
import { FileProblem, UsageError } from './cli-errors.ts';
import type { CliIo } from './cli-io.ts';
import { formatDiagnostics } from './format-diagnostics.ts';
import { type LoadedFlow, loadFlow } from './load-flow.ts';
import { expectPositionals, parseCommandLine } from './parse-command-line.ts';
import { writeOutput } from './write-output.ts';

const formats: Record<string, (ruleSet: RuleSet) => string> = {
  json: (ruleSet) => serializeExport(toExportJson(ruleSet)),
  csv: (ruleSet) => toCsv(exportRows(ruleSet)),
};

/** Two files with one flow id would give rules of the same name; say which files clash. */
function rejectDuplicateIds(loaded: readonly LoadedFlow[]): void {
  const fileById = new Map<string, string>();
  for (const { file, flow } of loaded) {
    const other = fileById.get(flow.id);
    if (other !== undefined) throw new FileProblem(file, '/id', `flow id "${flow.id}" is also the id of ${other}`);
    fileById.set(flow.id, file);
  }
}

export function exportCommand(args: string[], io: CliIo): number {
  const { positionals, values } = parseCommandLine('export', () =>
    parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'json' }, output: { type: 'string', short: 'o' } },
    }),
  );
  expectPositionals('export', positionals, 1, Number.POSITIVE_INFINITY);
  const format = Object.hasOwn(formats, values.format) ? formats[values.format] : undefined;
  if (!format) throw new UsageError(`export: --format must be json or csv, not "${values.format}"`);
  const loaded = positionals.map((file) => loadFlow(file));
  for (const { file, diagnostics } of loaded) {
    if (diagnostics.length > 0) io.err(formatDiagnostics(file, diagnostics));
  }
  if (loaded.some(({ diagnostics }) => hasErrors(diagnostics))) return 1;
  rejectDuplicateIds(loaded);
  writeOutput(format(compileFlows(loaded.map(({ flow }) => flow))), values.output, io);
  return 0;
}
