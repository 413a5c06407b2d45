// The 'bitrix24-deal-sync' job, queued by the portal's webhook: fetch the deal (with its company
// and contacts), map its category and stage, and when the stage differs from the one last seen,
// store a deal.stage_changed event through the same write as POST /events — the event, its run
// and evaluate-run job, the deal's new last-seen stage and this job's completion in ONE
// transaction. A crash anywhere before that commit re-runs the job and changes nothing twice;
// the event id counts the deal's changes, so no redelivery can make a second run.
// Unmapped categories and stages, or stages the pipeline lacks, are logged warnings, not failures.
import type { Kysely } from 'kysely';
import { checkDealEvent, type DealEvent } from '../../../schemas/index.ts';
import { findPipelineStages } from '../../events/find-pipeline-stages.ts';
import { writeEventBatch } from '../../events/write-event-batch.ts';
import { JobError } from '../../jobs/job-error.ts';
import type { JobContext, JobHandler, JobRow } from '../../jobs/job-types.ts';
import { wakeWorkers } from '../../jobs/job-wakeup.ts';
import { recordEventAccepted } from '../../metrics/record-metrics.ts';
import type { RuntimeServices } from '../../services.ts';
import type { DatabaseSchema } from '../../storage/database-schema.ts';
import type { Bitrix24Config } from './bitrix24-config.ts';
import { bitrix24NotFound, bitrix24Rest } from './bitrix24-rest.ts';
import { type Bitrix24DealSnapshot, fetchBitrix24Deal } from './fetch-bitrix24-deal.ts';
import { inkflowStageOf } from './stage-mapping.ts';
import { toDealEvent } from './to-deal-event.ts';

export const syncBitrix24DealJob = 'bitrix24-deal-sync';
export const connectorName = 'bitrix24';

export interface SyncBitrix24DealPayload {
  dealId: string;
  /** The webhook's ts (Unix seconds): the event's occurredAt. */
  ts: string;
}

export type SyncOutcome = 'event' | 'unchanged' | 'stale' | 'skipped';

function payloadOf(job: JobRow): SyncBitrix24DealPayload {
  const payload = JSON.parse(job.payload) as Partial<SyncBitrix24DealPayload> | null;
  if (
    typeof payload?.dealId !== 'string' ||
    !/^[1-9][0-9]{0,17}$/.test(payload.dealId) ||
    typeof payload.ts !== 'string'
  )
    throw new JobError('BITRIX24_PAYLOAD_INVALID', 'the job names no Bitrix24 deal', { retryable: false });
  return { dealId: payload.dealId, ts: payload.ts };
}

function occurredAt(ts: string, now: Date): string {
  const seconds = Number(ts);
  const at = Number.isSafeInteger(seconds) && seconds > 0 ? new Date(seconds * 1000) : now;
  return Number.isNaN(at.getTime()) ? now.toISOString() : at.toISOString();
}

function modifiedAt(snapshot: Bitrix24DealSnapshot): string | null {
  const raw = snapshot.deal.DATE_MODIFY;
  const at = typeof raw === 'string' ? new Date(raw) : undefined;
  return at && !Number.isNaN(at.getTime()) ? at.toISOString() : null;
}

async function lockDealRow(trx: Kysely<DatabaseSchema>, services: RuntimeServices, dealId: string) {
  await trx
    .insertInto('crm_deals')
    .values({ connector: connectorName, deal_id: dealId, updated_at: services.now().toISOString() })
    .onConflict((conflict) => conflict.columns(['connector', 'deal_id']).doNothing())
    .execute();
  const query = trx
    .selectFrom('crm_deals')
    .selectAll()
    .where('connector', '=', connectorName)
    .where('deal_id', '=', dealId);
  // PostgreSQL: two webhooks of one deal in flight at once take turns here; SQLite has one writer.
  return (services.database.dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirstOrThrow();
}

function checkedEvent(event: DealEvent): DealEvent {
  const result = checkDealEvent(event);
  if (result.ok) return result.value;
  const first = result.violations[0];
  throw new JobError(
    'BITRIX24_DEAL_UNUSABLE',
    `the Bitrix24 deal does not make a valid deal event: ${first?.pointer} ${first?.message}`,
    {
      retryable: false,
    },
  );
}

async function record(
  services: RuntimeServices,
  config: Bitrix24Config,
  snapshot: Bitrix24DealSnapshot,
  target: { pipelineId: string; stageId: string },
  payload: SyncBitrix24DealPayload,
  context: JobContext,
): Promise<SyncOutcome> {
  const modified = modifiedAt(snapshot);
  return services.database.db.transaction().execute(async (trx) => {
    const row = await lockDealRow(trx, services, payload.dealId);
    // A slower job may hold an older snapshot than one already recorded: it must not win.
    if (modified && row.crm_modified_at && modified < row.crm_modified_at) {
      await context.complete(trx);
      return 'stale';
    }
    if (row.stage_id === target.stageId && row.pipeline_id === target.pipelineId) {
      await context.complete(trx);
      return 'unchanged';
    }
    const changes = row.changes + 1;
    const event = checkedEvent(
      toDealEvent(
        snapshot,
        {
          eventId: `bitrix24-deal-${payload.dealId}-change-${changes}`,
          occurredAt: occurredAt(payload.ts, services.now()),
          pipelineId: target.pipelineId,
          stageId: target.stageId,
          previousStageId: row.pipeline_id === target.pipelineId ? row.stage_id : null,
        },
        config.fields,
      ),
    );
    const [outcome] = await writeEventBatch(trx, [event], services.now());
    if (!outcome || outcome instanceof Error) throw outcome ?? new Error('the event was not stored');
    await trx
      .updateTable('crm_deals')
      .set({
        pipeline_id: target.pipelineId,
        stage_id: target.stageId,
        crm_stage_id: snapshot.deal.STAGE_ID,
        crm_modified_at: modified ?? row.crm_modified_at,
        changes,
        updated_at: services.now().toISOString(),
      })
      .where('connector', '=', connectorName)
      .where('deal_id', '=', payload.dealId)
      .execute();
    await context.complete(trx);
    return 'event';
  });
}

/** Maps the deal's stage; a stage inkflow cannot use is a warning and the job is done. */
async function targetOf(services: RuntimeServices, config: Bitrix24Config, snapshot: Bitrix24DealSnapshot) {
  const category = String(snapshot.deal.CATEGORY_ID ?? '0') || '0';
  const mapped = inkflowStageOf(config.pipelines, category, snapshot.deal.STAGE_ID);
  if (!mapped.mapped) return { skipped: mapped.reason };
  const stages = await findPipelineStages(services.database, mapped.pipelineId, mapped.stageId);
  if (!stages) return { skipped: `inkflow has no pipeline "${mapped.pipelineId}" (Bitrix24 category ${category})` };
  if (!stages.has(mapped.stageId))
    return {
      skipped: `Bitrix24 stage "${snapshot.deal.STAGE_ID}" is "${mapped.stageId}", which is not a stage of pipeline "${mapped.pipelineId}": add the stage or map it in INKFLOW_BITRIX24_PIPELINES`,
    };
  return { pipelineId: mapped.pipelineId, stageId: mapped.stageId };
}

export async function syncBitrix24Deal(
  services: RuntimeServices,
  config: Bitrix24Config,
  payload: SyncBitrix24DealPayload,
  context: JobContext,
): Promise<SyncOutcome> {
  const log = services.logger.child({ connector: connectorName, dealId: payload.dealId });
  const snapshot = await fetchBitrix24Deal(bitrix24Rest(config), payload.dealId).catch((error: unknown) => {
    // Deleted before we asked: there is nothing to move on, and retrying cannot bring it back.
    if (error instanceof JobError && error.code === bitrix24NotFound) return undefined;
    throw error;
  });
  if (!snapshot) {
    log.warn('Bitrix24 deal is gone (crm.deal.get: Not found); its update is dropped');
    await services.database.db.transaction().execute((trx) => context.complete(trx));
    return 'skipped';
  }
  if (snapshot.contactsLeftOut > 0)
    log.warn({ leftOut: snapshot.contactsLeftOut }, 'Bitrix24 deal has more contacts than are read');
  const target = await targetOf(services, config, snapshot);
  if ('skipped' in target) {
    log.warn(
      { stage: snapshot.deal.STAGE_ID, reason: target.skipped },
      'Bitrix24 deal update not turned into an event',
    );
    await services.database.db.transaction().execute((trx) => context.complete(trx));
    return 'skipped';
  }
  const outcome = await record(services, config, snapshot, target, payload, context);
  if (outcome === 'event') {
    recordEventAccepted(services, 'deal.stage_changed');
    wakeWorkers(services.database);
  }
  log.info({ outcome, stageId: target.stageId }, 'Bitrix24 deal update');
  return outcome;
}

export function syncBitrix24DealHandler(services: RuntimeServices): JobHandler {
  return async (job, context) => {
    const config = services.config.crm.bitrix24;
    if (!config) throw new JobError('CRM_NOT_CONFIGURED', 'no Bitrix24 portal is configured', { retryable: false });
    await syncBitrix24Deal(services, config, payloadOf(job), context);
  };
}
