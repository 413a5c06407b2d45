// GET /api/v1/documents/:id and /api/v1/deals/:dealId/documents.
import type { DocumentInfo } from '../../schemas/index.ts';
import { notFound } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import { documentInfoColumns, toDocumentInfo } from './document-info.ts';

export async function getDocument(services: RuntimeServices, documentId: string): Promise<DocumentInfo> {
  const row = await services.database.db
    .selectFrom('documents')
    .select(documentInfoColumns)
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!row) throw notFound('Document', documentId);
  return toDocumentInfo(row);
}

/** Newest first. */
export async function listDealDocuments(services: RuntimeServices, dealId: string): Promise<DocumentInfo[]> {
  const rows = await services.database.db
    .selectFrom('documents')
    .select(documentInfoColumns)
    .where('deal_id', '=', dealId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(500)
    .execute();
  return rows.map(toDocumentInfo);
}
