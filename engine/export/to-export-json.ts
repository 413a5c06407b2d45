// The JSON export: the rows of the CSV export, each with the json-rules-engine rule it describes,
// so an analyst's tool can both read the rule and run it.
import type { ExportDocument, RuleSet } from '../../schemas/index.ts';
import { exportRow } from './export-rows.ts';

export function toExportJson(ruleSet: RuleSet): ExportDocument {
  return {
    schemaVersion: 1,
    flows: ruleSet.flows,
    rules: ruleSet.rules.map((rule) => ({ ...exportRow(rule), definition: rule })),
  };
}

/** The canonical text of an export: what `inkflow export --format json` writes. */
export function serializeExport(document: ExportDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
