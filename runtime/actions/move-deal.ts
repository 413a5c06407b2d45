// A flow's *move deal to stage* action: through the CRM connector when one is configured (the deal
// moved in the CRM, then the final PDF's link on its timeline), else as a deal.move_requested
// webhook to the subscriptions that want it, queued in the transaction that completes the job.
import type { DealEvent, PlannedMoveDeal, RunMessage } from '../../schemas/index.ts';
import { crmConnector } from '../crm/crm-connector.ts';
import { describeJobFailure } from '../jobs/job-error.ts';
import type { RuntimeServices } from '../services.ts';
import { emitWebhookEvent } from '../webhooks/emit-webhook-event.ts';
import { finalPdfUrl } from '../webhooks/webhook-event-data.ts';
import { type ActionAttempt, failedAttempt } from './action-attempt.ts';

async function envelopeOf(services: RuntimeServices, documentId: string) {
  return services.database.db
    .selectFrom('envelopes')
    .select(['id', 'title'])
    .where('document_id', '=', documentId)
    .executeTakeFirst();
}

export async function moveDeal(
  services: RuntimeServices,
  event: DealEvent,
  action: PlannedMoveDeal,
): Promise<ActionAttempt> {
  const envelope = event.document ? await envelopeOf(services, event.document.id) : undefined;
  const request = { dealId: event.deal.id, pipelineId: event.pipelineId, stageId: action.stageId };
  const connector = crmConnector(services);
  if (!connector) {
    return {
      ok: true,
      outcome: { via: 'webhook', stageId: action.stageId, webhookEventId: null },
      warnings: [],
      commit: async (trx) => {
        const data = {
          ...request,
          reason: {
            envelopeId: envelope?.id ?? '',
            documentType: event.document?.type ?? '',
            flowId: action.flowId,
            ruleName: action.ruleName,
          },
        };
        const orderingKey = `deal:${event.deal.id}`;
        const id = await emitWebhookEvent(
          trx,
          services,
          { type: 'deal.move_requested', data, orderingKey },
          services.now(),
        );
        return { via: 'webhook', stageId: action.stageId, webhookEventId: id ?? null };
      },
    };
  }
  try {
    await connector.moveDeal(request);
  } catch (error) {
    const failure = describeJobFailure(error);
    return failedAttempt(
      failure.code,
      `moving deal ${event.deal.id} in ${connector.name}: ${failure.message}`,
      failure.retryable,
    );
  }
  const warnings: RunMessage[] = [];
  if (event.type === 'document.completed' && envelope) {
    const text = `"${envelope.title}" is signed by every party. Final PDF: ${finalPdfUrl(services.config, envelope.id)}`;
    try {
      await connector.addTimelineComment({ dealId: event.deal.id, text });
    } catch (error) {
      // The deal moved; a missing comment is worth a warning, not a second move.
      const failure = describeJobFailure(error);
      const message = `the deal moved, but the timeline comment failed: ${failure.message}`;
      warnings.push({ code: failure.code, message, ruleName: action.ruleName, at: services.now().toISOString() });
    }
  }
  return { ok: true, outcome: { via: 'crm', connector: connector.name, stageId: action.stageId }, warnings };
}
