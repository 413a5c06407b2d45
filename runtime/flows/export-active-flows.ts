// GET /export: the analysts' export of the active flow versions (all, or one pipeline's), the same
// content `inkflow export` writes for the same flow documents.
import { compileFlows } from '../../engine/compile/compile-flow.ts';
import { exportRows } from '../../engine/export/export-rows.ts';
import { toCsv } from '../../engine/export/to-csv.ts';
import { serializeExport, toExportJson } from '../../engine/export/to-export-json.ts';
import type { RuleSet } from '../../schemas/index.ts';
import { validationError } from '../errors/app-error.ts';
import { getPipeline } from '../pipelines/get-pipeline.ts';
import type { RuntimeServices } from '../services.ts';
import { loadActiveFlows } from './load-active-flows.ts';

interface ExportFormat {
  contentType: string;
  extension: string;
  write(ruleSet: RuleSet): string;
}

const exportFormats: Record<string, ExportFormat> = {
  json: {
    contentType: 'application/json; charset=utf-8',
    extension: 'json',
    write: (ruleSet) => serializeExport(toExportJson(ruleSet)),
  },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv', write: (ruleSet) => toCsv(exportRows(ruleSet)) },
};

export interface ExportFile {
  contentType: string;
  fileName: string;
  text: string;
}

export async function exportActiveFlows(
  services: Pick<RuntimeServices, 'database'>,
  format: string,
  pipelineId?: string,
): Promise<ExportFile> {
  const writer = Object.hasOwn(exportFormats, format) ? exportFormats[format] : undefined;
  if (!writer) {
    throw validationError('EXPORT_FORMAT_UNKNOWN', `format must be json or csv, not "${format}"`, [
      { pointer: '/format', message: 'must be json or csv' },
    ]);
  }
  if (pipelineId !== undefined) await getPipeline(services, pipelineId);
  const active = await loadActiveFlows(services, pipelineId);
  const ruleSet = compileFlows(active.map((flow) => flow.document));
  return {
    contentType: writer.contentType,
    fileName: `inkflow-rules${pipelineId ? `-${pipelineId}` : ''}.${writer.extension}`,
    text: writer.write(ruleSet),
  };
}
