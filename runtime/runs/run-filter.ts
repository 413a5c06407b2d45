// The runs screen's filters as SQL: by event, deal, pipeline, the stage the event entered, a
// document type made, status and time (createdAt, inclusive), newest first, after a cursor (the id
// of the last run of the previous page). The stage lives in the stored event only, so it is read
// from its JSON in each dialect's own way.
import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { RunStatus } from '../../schemas/index.ts';
import type { DatabaseSchema } from '../storage/database-schema.ts';
import type { Dialect } from '../storage/open-database.ts';

export interface RunFilter {
  eventId?: string;
  dealId?: string;
  pipelineId?: string;
  stageId?: string;
  documentType?: string;
  status?: RunStatus;
  /** ISO date-times, inclusive. */
  since?: string;
  until?: string;
  /** The id of the last run of the previous page. */
  before?: { createdAt: string; id: string };
}

type RunsQuery<O> = SelectQueryBuilder<DatabaseSchema, 'runs', O>;

function stageOfEvent(dialect: Dialect) {
  return dialect === 'postgres'
    ? sql<string>`(events.payload::json #>> '{deal,stageId}')`
    : sql<string>`json_extract(events.payload, '$.deal.stageId')`;
}

export function applyRunFilter<O>(query: RunsQuery<O>, filter: RunFilter, dialect: Dialect): RunsQuery<O> {
  let filtered = query;
  if (filter.eventId) filtered = filtered.where('runs.event_id', '=', filter.eventId);
  if (filter.dealId) filtered = filtered.where('runs.deal_id', '=', filter.dealId);
  if (filter.pipelineId) filtered = filtered.where('runs.pipeline_id', '=', filter.pipelineId);
  if (filter.status) filtered = filtered.where('runs.status', '=', filter.status);
  if (filter.since) filtered = filtered.where('runs.created_at', '>=', filter.since);
  if (filter.until) filtered = filtered.where('runs.created_at', '<=', filter.until);
  const { stageId, documentType, before } = filter;
  if (stageId) {
    filtered = filtered.where((eb: ExpressionBuilder<DatabaseSchema, 'runs'>) =>
      eb.exists(
        eb
          .selectFrom('events')
          .select('events.event_id')
          .whereRef('events.run_id', '=', 'runs.id')
          .where(stageOfEvent(dialect), '=', stageId),
      ),
    );
  }
  if (documentType) {
    filtered = filtered.where((eb: ExpressionBuilder<DatabaseSchema, 'runs'>) =>
      eb.exists(
        eb
          .selectFrom('documents')
          .select('documents.id')
          .whereRef('documents.run_id', '=', 'runs.id')
          .where('documents.document_type', '=', documentType),
      ),
    );
  }
  if (before) {
    filtered = filtered.where((eb: ExpressionBuilder<DatabaseSchema, 'runs'>) =>
      eb.or([
        eb('runs.created_at', '<', before.createdAt),
        eb.and([eb('runs.created_at', '=', before.createdAt), eb('runs.id', '<', before.id)]),
      ]),
    );
  }
  return filtered;
}
