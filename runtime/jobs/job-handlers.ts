// Every job kind the runtime runs, and its handler. start-runtime.ts passes these to startWorkers.
import { runActionJob } from '../actions/action-jobs.ts';
import { runActionHandler } from '../actions/run-action-job.ts';
import { sealEnvelopeHandler } from '../completion/seal-envelope-job.ts';
import { syncBitrix24DealHandler, syncBitrix24DealJob } from '../crm/bitrix24/sync-bitrix24-deal-job.ts';
import { deliverMessageHandler } from '../delivery/deliver-message.ts';
import { deliverMessageJob } from '../delivery/queue-message.ts';
import { makeDocumentHandler } from '../documents/make-document-job.ts';
import { expireEnvelopeJob, remindEnvelopeJob, sealEnvelopeJob } from '../envelopes/envelope-jobs.ts';
import { expireEnvelopeHandler } from '../envelopes/expire-envelope-job.ts';
import { remindEnvelopeHandler } from '../envelopes/remind-envelope-job.ts';
import { evaluateRunJob } from '../events/accept-deal-event.ts';
import { evaluateRunHandler, makeDocumentJob } from '../runs/evaluate-run.ts';
import type { RuntimeServices } from '../services.ts';
import { deliverWebhookHandler } from '../webhooks/deliver-webhook-job.ts';
import { pruneWebhookLogHandler, pruneWebhookLogJob } from '../webhooks/prune-webhook-log.ts';
import { deliverWebhookJob } from '../webhooks/webhook-jobs.ts';
import type { JobHandlers } from './job-types.ts';

export function createJobHandlers(services: RuntimeServices): JobHandlers {
  return {
    [evaluateRunJob]: evaluateRunHandler(services),
    [makeDocumentJob]: makeDocumentHandler(services),
    [deliverMessageJob]: deliverMessageHandler(services),
    [expireEnvelopeJob]: expireEnvelopeHandler(services),
    [remindEnvelopeJob]: remindEnvelopeHandler(services),
    [sealEnvelopeJob]: sealEnvelopeHandler(services),
    [syncBitrix24DealJob]: syncBitrix24DealHandler(services),
    [deliverWebhookJob]: deliverWebhookHandler(services),
    [runActionJob]: runActionHandler(services),
    [pruneWebhookLogJob]: pruneWebhookLogHandler(services),
  };
}
