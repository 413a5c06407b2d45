// When an envelope completes or is declined, the runtime raises the document event a flow's
// *document completed / declined* trigger listens to, as if the CRM had posted it: stored with its
// run and evaluate-run job in the CALLER's transaction (the one that completes or declines the
// envelope), so the state change and the flow's reaction commit together. Its eventId is fixed per
// envelope and outcome: a rerun makes nothing new, so each action runs once per envelope event.
import type { Kysely } from 'kysely';
import type { Deal, DealEvent, OurCompany } from '../../schemas/index.ts';
import { reservedEventIdPrefix } from '../events/reserved-event-ids.ts';
import { writeEventBatch } from '../events/write-event-batch.ts';
import type { DatabaseSchema } from '../storage/database-schema.ts';

type Db = Kysely<DatabaseSchema>;

export type DocumentOutcome = 'completed' | 'declined';

/** In the reserved form intake refuses from CRMs (runtime/events/reserved-event-ids.ts). */
export const documentEventId = (envelopeId: string, outcome: DocumentOutcome): string =>
  `${reservedEventIdPrefix}${envelopeId}:${outcome}`;

/**
 * The deal as inkflow last saw it: the newest stored event of the deal in the pipeline (a stage
 * change the CRM posted, or an earlier document event, which carries the deal on), else the
 * snapshot the document was rendered from.
 */
async function lastSeenDeal(
  trx: Db,
  pipelineId: string,
  dealId: string,
  snapshot: string,
): Promise<{ deal: Deal; ourCompany?: OurCompany } | null> {
  const newest = await trx
    .selectFrom('runs')
    .innerJoin('events', 'events.event_id', 'runs.event_id')
    .select('events.payload')
    .where('runs.pipeline_id', '=', pipelineId)
    .where('runs.deal_id', '=', dealId)
    .orderBy('runs.created_at', 'desc')
    .orderBy('runs.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (newest) {
    const event = JSON.parse(newest.payload) as DealEvent;
    return { deal: event.deal, ...(event.ourCompany ? { ourCompany: event.ourCompany } : {}) };
  }
  const deal = JSON.parse(snapshot) as Partial<Deal>;
  // A snapshot without a stage (a document made by hand from a partial deal) is no deal event.
  return typeof deal.id === 'string' && typeof deal.stageId === 'string' ? { deal: deal as Deal } : null;
}

/** The run made for the event; null when the envelope belongs to no pipeline or no known deal. */
export async function raiseDocumentEvent(
  trx: Db,
  envelopeId: string,
  outcome: DocumentOutcome,
  now: Date,
): Promise<string | null> {
  const row = await trx
    .selectFrom('envelopes')
    .innerJoin('documents', 'documents.id', 'envelopes.document_id')
    .select(['envelopes.pipeline_id', 'envelopes.deal_id', 'documents.id', 'documents.document_type', 'documents.deal'])
    .where('envelopes.id', '=', envelopeId)
    .executeTakeFirst();
  // A document made by hand outside any pipeline has no flow to react.
  if (!row?.pipeline_id) return null;
  const eventId = documentEventId(envelopeId, outcome);
  const raised = await trx.selectFrom('events').select('run_id').where('event_id', '=', eventId).executeTakeFirst();
  if (raised) return raised.run_id;
  const seen = await lastSeenDeal(trx, row.pipeline_id, row.deal_id, row.deal);
  if (!seen) return null;
  const event: DealEvent = {
    eventId,
    type: outcome === 'completed' ? 'document.completed' : 'document.declined',
    occurredAt: now.toISOString(),
    pipelineId: row.pipeline_id,
    deal: seen.deal,
    document: { id: row.id, type: row.document_type },
    ...(seen.ourCompany ? { ourCompany: seen.ourCompany } : {}),
  };
  const [result] = await writeEventBatch(trx, [event], now);
  if (!result || result instanceof Error) throw result ?? new Error(`no run for ${event.eventId}`);
  return result.body.runId;
}
