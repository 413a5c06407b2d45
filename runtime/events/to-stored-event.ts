// A stored event row (with its run) as the API shows it: the summary a list needs and the event.
import type { DealEvent, StoredEvent } from '../../schemas/index.ts';

export interface StoredEventRow {
  payload: string;
  received_at: string;
  run_id: string;
}

export function toStoredEvent(row: StoredEventRow): StoredEvent {
  const event = JSON.parse(row.payload) as DealEvent;
  return {
    eventId: event.eventId,
    type: event.type,
    occurredAt: event.occurredAt,
    receivedAt: row.received_at,
    pipelineId: event.pipelineId,
    dealId: event.deal.id,
    stageId: event.deal.stageId,
    ...(event.document ? { documentType: event.document.type } : {}),
    runId: row.run_id,
    event,
  };
}
