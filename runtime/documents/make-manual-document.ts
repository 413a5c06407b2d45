// POST /api/v1/deals/:dealId/documents: a document made by hand for one deal, exactly as a rule
// would make it (same use case), synchronously. The deal is the request's, or as last seen in
// an event; the template and signer settings are the request's, or reused from the last
// document of that type. An Idempotency-Key makes a repeated request return the same document.
import { randomUUID } from 'node:crypto';
import { planSigners } from '../../engine/evaluate/plan-signers.ts';
import type { DealEvent, ManualDocumentRequest, PlanWarning, RunMessage } from '../../schemas/index.ts';
import { AppError, conflict, validationError } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import { toDocumentInfo } from './document-info.ts';
import type { DocumentOrder } from './document-order.ts';
import { findLastDealEvent } from './find-deal.ts';
import { findDocumentByAction } from './find-document-by-action.ts';
import { type MadeDocument, makeDocument } from './make-document.ts';
import { reuseSigningSettings } from './reuse-signing-settings.ts';

export interface ManualDocumentInput {
  dealId: string;
  request: ManualDocumentRequest;
  idempotencyKey: string | undefined;
}

const manualRule = 'manual';

/** The deal as an event: the request's deal, or the last event's; made now, by hand. */
async function manualEvent(
  services: RuntimeServices,
  input: ManualDocumentInput,
  actionKey: string,
): Promise<DealEvent> {
  const { dealId, request } = input;
  if (request.deal && request.deal.id !== dealId) {
    throw validationError('DEAL_ID_MISMATCH', `The body's deal.id "${request.deal.id}" is not "${dealId}"`, [
      { pointer: '/deal/id', message: `must be "${dealId}", the deal in the path` },
    ]);
  }
  const last = await findLastDealEvent(services, dealId);
  const deal = request.deal ?? last?.deal;
  if (!deal) {
    throw new AppError(
      'not_found',
      'DEAL_UNKNOWN',
      `No event for deal "${dealId}" was received; send its data as "deal"`,
    );
  }
  const pipelineId = request.pipelineId ?? last?.pipelineId ?? '';
  const event: DealEvent = {
    eventId: actionKey,
    type: 'deal.stage_changed',
    occurredAt: services.now().toISOString(),
    pipelineId,
    deal,
  };
  // An event's override of our company belongs to that event's deal data.
  if (!request.deal && last?.ourCompany) event.ourCompany = last.ourCompany;
  return event;
}

function toRunMessages(warnings: PlanWarning[]): RunMessage[] {
  return warnings.map((warning) => ({ code: warning.code, message: warning.message }));
}

async function replayed(
  services: RuntimeServices,
  actionKey: string,
  dealId: string,
): Promise<MadeDocument | undefined> {
  const existing = await findDocumentByAction(services.database.db, actionKey);
  if (!existing) return undefined;
  if (existing.deal_id !== dealId) {
    throw conflict('IDEMPOTENCY_KEY_REUSED', `This Idempotency-Key was used for deal "${existing.deal_id}"`);
  }
  return { document: toDocumentInfo(existing), created: false };
}

export async function makeManualDocument(services: RuntimeServices, input: ManualDocumentInput): Promise<MadeDocument> {
  const actionKey = `manual:${input.idempotencyKey ?? randomUUID()}`;
  const earlier = input.idempotencyKey ? await replayed(services, actionKey, input.dealId) : undefined;
  if (earlier) return earlier;
  const event = await manualEvent(services, input, actionKey);
  const settings = await reuseSigningSettings(services, input.request);
  const planWarnings: PlanWarning[] = [];
  const signers = planSigners(settings, event.deal, manualRule, planWarnings);
  const order: DocumentOrder = {
    actionKey,
    runId: null,
    ruleName: null,
    event,
    settings,
    signers,
    warnings: toRunMessages(planWarnings),
    send: input.request.send !== false,
  };
  return makeDocument(services, order);
}
