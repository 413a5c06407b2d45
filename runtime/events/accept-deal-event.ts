// POST /api/v1/events: the event's trigger is checked against the stored pipeline, then the event
// is stored with its run and its evaluate-run job in one transaction (shared with the events
// accepted at the same moment; see intake-batcher.ts) and answered before anything is evaluated.
import type { DealEvent } from '../../schemas/index.ts';
import { validationError } from '../errors/app-error.ts';
import { recordEventAccepted } from '../metrics/record-metrics.ts';
import type { RuntimeServices } from '../services.ts';
import { findPipelineStages } from './find-pipeline-stages.ts';
import { intakeBatcherFor } from './intake-batcher.ts';
import { reservedEventIdPrefix } from './reserved-event-ids.ts';
import type { AcceptedEvent } from './write-event-batch.ts';

export { type AcceptedEvent, evaluateRunJob } from './write-event-batch.ts';

async function checkTrigger(services: RuntimeServices, event: DealEvent): Promise<void> {
  // The document events inkflow raises itself carry these ids: a CRM's event must not take one.
  if (event.eventId.startsWith(reservedEventIdPrefix)) {
    throw validationError(
      'EVENT_ID_RESERVED',
      `eventIds starting with "${reservedEventIdPrefix}" are inkflow's own (its document events); send your CRM's own id`,
      [{ pointer: '/eventId', message: `must not start with "${reservedEventIdPrefix}"` }],
    );
  }
  const stageIds = await findPipelineStages(services.database, event.pipelineId, event.deal.stageId);
  if (!stageIds) {
    throw validationError('PIPELINE_UNKNOWN', `Pipeline "${event.pipelineId}" is not set up in inkflow`, [
      { pointer: '/pipelineId', message: 'unknown pipeline' },
    ]);
  }
  if (!stageIds.has(event.deal.stageId)) {
    const known = [...stageIds].join(', ');
    throw validationError(
      'STAGE_UNKNOWN',
      `Stage "${event.deal.stageId}" is not a stage of pipeline "${event.pipelineId}"; its stages are: ${known}`,
      [{ pointer: '/deal/stageId', message: `must be one of: ${known}` }],
    );
  }
}

/** created: false when the eventId was accepted before (same payload); 409 EVENT_ID_REUSED otherwise. */
export async function acceptDealEvent(services: RuntimeServices, event: DealEvent): Promise<AcceptedEvent> {
  await checkTrigger(services, event);
  const accepted = await intakeBatcherFor(services).submit(event);
  if (accepted.created) recordEventAccepted(services, event.type);
  return accepted;
}
