// GET /api/v1/runs/:id: the run with its plan and trace, the documents it made, its move-deal and
// call-webhook actions, warnings, errors.
import type { Selectable } from 'kysely';
import type { ActionPlan, DocumentInfo, Run, RunAction, RunMessage } from '../../schemas/index.ts';
import { readRunActions } from '../actions/run-action-rows.ts';
import { documentInfoColumns, toDocumentInfo } from '../documents/document-info.ts';
import { notFound } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import type { RunsTable } from '../storage/database-schema.ts';

export function toRun(row: Selectable<RunsTable>, documents: DocumentInfo[], actions: RunAction[]): Run {
  return {
    id: row.id,
    eventId: row.event_id,
    pipelineId: row.pipeline_id,
    dealId: row.deal_id,
    status: row.status,
    plan: row.plan === null ? null : (JSON.parse(row.plan) as ActionPlan),
    documents,
    warnings: JSON.parse(row.warnings) as RunMessage[],
    errors: JSON.parse(row.errors) as RunMessage[],
    actions,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function getRun(services: RuntimeServices, runId: string): Promise<Run> {
  const { db } = services.database;
  const row = await db.selectFrom('runs').selectAll().where('id', '=', runId).executeTakeFirst();
  if (!row) throw notFound('Run', runId);
  const documents = await db
    .selectFrom('documents')
    .select(documentInfoColumns)
    .where('run_id', '=', runId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const actions = await readRunActions(db, [runId]);
  return toRun(row, documents.map(toDocumentInfo), actions.get(runId) ?? []);
}
