// The CRM behind one interface, so that a HubSpot or Pipedrive connector can take Bitrix24's place:
// what inkflow asks of the CRM when a flow's actions run. Inbound (the CRM's own webhooks) is
// each connector's route and job; see runtime/crm/bitrix24/.
import type { RuntimeServices } from '../services.ts';
import { bitrix24Connector } from './bitrix24/bitrix24-connector.ts';

export interface CrmConnector {
  readonly name: string; // 'bitrix24'
  /** Moves the deal in the CRM; throws JobError (retryable or not) on failure. */
  moveDeal(request: { dealId: string; pipelineId: string; stageId: string }): Promise<void>;
  /** Adds a comment to the deal's timeline (e.g. the final PDF's link). */
  addTimelineComment(request: { dealId: string; text: string }): Promise<void>;
}

/** The configured CRM, or null when none is (then a move is a deal.move_requested webhook). */
export function crmConnector(services: RuntimeServices): CrmConnector | null {
  const bitrix24 = services.config.crm.bitrix24;
  return bitrix24 ? bitrix24Connector(bitrix24) : null;
}
