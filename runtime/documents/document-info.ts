// A documents row (without its files) → the API's DocumentInfo.
import type { Selectable } from 'kysely';
import type { DocumentInfo, RunMessage, SigningSetup } from '../../schemas/index.ts';
import type { DocumentsTable } from '../storage/database-schema.ts';

/** The columns DocumentInfo needs: everything but the files. */
export const documentInfoColumns = [
  'id',
  'run_id',
  'deal_id',
  'document_type',
  'template_id',
  'rule_name',
  'status',
  'signing',
  'warnings',
  'created_at',
] as const;

export type DocumentInfoRow = Pick<Selectable<DocumentsTable>, (typeof documentInfoColumns)[number]>;

export function toDocumentInfo(row: DocumentInfoRow): DocumentInfo {
  return {
    id: row.id,
    runId: row.run_id,
    dealId: row.deal_id,
    documentType: row.document_type,
    templateId: row.template_id,
    ruleName: row.rule_name,
    status: row.status,
    signing: JSON.parse(row.signing) as SigningSetup,
    warnings: JSON.parse(row.warnings) as RunMessage[],
    createdAt: row.created_at,
    links: { docx: `/api/v1/documents/${row.id}/docx`, pdf: `/api/v1/documents/${row.id}/pdf` },
  };
}
