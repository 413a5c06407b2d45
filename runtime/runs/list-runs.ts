// GET /api/v1/runs: runs newest first with their documents, filtered by event, deal, pipeline,
// stage, document type, status and time (run-filter.ts), a page of at most 200 at a time.
import type { DocumentInfo, Run } from '../../schemas/index.ts';
import { readRunActions } from '../actions/run-action-rows.ts';
import { documentInfoColumns, toDocumentInfo } from '../documents/document-info.ts';
import type { RuntimeServices } from '../services.ts';
import { toRun } from './get-run.ts';
import { applyRunFilter, type RunFilter } from './run-filter.ts';

export type { RunFilter } from './run-filter.ts';

export const runListLimit = 100;
export const runListMaxLimit = 200;

export async function listRuns(services: RuntimeServices, filter: RunFilter, limit = runListLimit): Promise<Run[]> {
  const { db, dialect } = services.database;
  const query = applyRunFilter(db.selectFrom('runs').selectAll('runs'), filter, dialect);
  const rows = await query.orderBy('runs.created_at', 'desc').orderBy('runs.id', 'desc').limit(limit).execute();
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
  const actions = await readRunActions(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toRun(row, byRun.get(row.id) ?? [], actions.get(row.id) ?? []));
}
