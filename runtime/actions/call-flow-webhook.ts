// A flow's *call webhook* action: the document event posted to the action's URL, signed as
// Standard Webhooks with the flow's secret, through the guarded outgoing client (the URL must pass
// the same policy as a subscription's). The webhook-id is fixed per run and action, so a receiver
// that sees a retry (our crash after its 2xx) can tell it is the same call.
import type { DealEvent, FlowWebhookCall, PlannedCallWebhook, RunActionOutcome } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';
import { postWebhook } from '../webhooks/post-webhook.ts';
import { signWebhook } from '../webhooks/sign-webhook.ts';
import { finalPdfUrl } from '../webhooks/webhook-event-data.ts';
import { type ActionAttempt, failedAttempt } from './action-attempt.ts';
import { flowWebhookSecret } from './flow-webhook-secret.ts';

async function callData(services: RuntimeServices, runId: string, event: DealEvent, action: PlannedCallWebhook) {
  const documentId = event.document?.id ?? '';
  const envelope = await services.database.db
    .selectFrom('envelopes')
    .select(['id', 'status', 'declined_reason'])
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  const completed = event.type === 'document.completed';
  const call: FlowWebhookCall = {
    version: 1,
    type: 'flow.webhook_called',
    timestamp: services.now().toISOString(),
    data: {
      runId,
      flowId: action.flowId,
      flowVersion: action.flowVersion,
      ruleName: action.ruleName,
      actionNodeId: action.actionNodeId,
      trigger: completed ? 'document.completed' : 'document.declined',
      pipelineId: event.pipelineId,
      deal: event.deal,
      document: {
        id: documentId,
        type: event.document?.type ?? '',
        envelopeId: envelope?.id ?? '',
        status: completed ? 'completed' : 'declined',
        finalPdfUrl: completed && envelope ? finalPdfUrl(services.config, envelope.id) : null,
        declinedReason: completed ? null : (envelope?.declined_reason ?? null),
      },
    },
  };
  return call;
}

export async function callFlowWebhook(
  services: RuntimeServices,
  runId: string,
  event: DealEvent,
  action: PlannedCallWebhook,
): Promise<ActionAttempt> {
  const body = JSON.stringify(await callData(services, runId, event, action));
  const { secret } = await flowWebhookSecret(services, action.flowId);
  const id = `act_${runId}_${action.actionNodeId}`.slice(0, 200);
  const headers = signWebhook(id, body, [secret], services.now());
  const answer = await postWebhook(services.config, action.url, body, headers);
  if (answer.outcome === 'delivered') {
    const outcome: RunActionOutcome = { via: 'call', status: answer.httpStatus ?? 200, latencyMs: answer.latencyMs };
    return { ok: true, outcome, warnings: [] };
  }
  const what = answer.message ?? answer.errorCode ?? 'no answer';
  // A refused address stays refused until an admin changes the allow-list: no retry.
  return failedAttempt(
    answer.errorCode ?? 'WEBHOOK_FAILED',
    `POST ${action.url}: ${what}`,
    answer.outcome !== 'refused',
  );
}
