// GET /api/v1/runs?eventId=…|dealId=…: runs newest first, at most 100, with their documents.
import type { DocumentInfo, Run } from '../../schemas/index.ts';
import { documentInfoColumns, toDocumentInfo } from '../documents/document-info.ts';
import { validationError } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import { toRun } from './get-run.ts';

export interface RunFilter {
  eventId?: string;
  dealId?: string;
}

export const runListLimit = 100;

export async function listRuns(services: RuntimeServices, filter: RunFilter): Promise<Run[]> {
  if (!filter.eventId && !filter.dealId) {
    throw validationError('RUN_FILTER_REQUIRED', 'Ask for runs by ?eventId=… or ?dealId=…', [
      { pointer: '/eventId', message: 'give eventId or dealId' },
    ]);
  }
  const { db } = services.database;
  let query = db.selectFrom('runs').selectAll();
  if (filter.eventId) query = query.where('event_id', '=', filter.eventId);
  if (filter.dealId) query = query.where('deal_id', '=', filter.dealId);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(runListLimit).execute();
  if (rows.length === 0) return [];
  const documents = await db
    .selectFrom('documents')
    .select(documentInfoColumns)
    .where(
      'run_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const byRun = new Map<string | null, DocumentInfo[]>();
  for (const document of documents.map(toDocumentInfo)) {
    byRun.set(document.runId, [...(byRun.get(document.runId) ?? []), document]);
  }
  return rows.map((row) => toRun(row, byRun.get(row.id) ?? []));
}
