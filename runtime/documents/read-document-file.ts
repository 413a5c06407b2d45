// GET /api/v1/documents/:id/docx|pdf: the stored file with its type and a readable file name.
import { notFound } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';

export type DocumentFormat = 'docx' | 'pdf';

export const contentTypes: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export interface DocumentFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

/** e.g. contract-D-1042.pdf; anything outside [A-Za-z0-9._-] becomes "_" so the header stays plain. */
export function documentFileName(documentType: string, dealId: string, format: DocumentFormat): string {
  const base = `${documentType}-${dealId}`.replace(/[^A-Za-z0-9._-]/g, '_');
  return `${base}.${format}`;
}

export async function readDocumentFile(
  services: RuntimeServices,
  documentId: string,
  format: DocumentFormat,
): Promise<DocumentFile> {
  const row = await services.database.db
    .selectFrom('documents')
    .select(['document_type', 'deal_id', format])
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!row) throw notFound('Document', documentId);
  const bytes = format === 'pdf' ? (row as { pdf: Uint8Array }).pdf : (row as { docx: Uint8Array }).docx;
  return {
    bytes,
    contentType: contentTypes[format],
    fileName: documentFileName(row.document_type, row.deal_id, format),
  };
}
