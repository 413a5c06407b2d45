// The 'deliver-webhook' job: claim (due, its turn, not in flight) → sign with every live secret →
// POST through the guarded outgoing client (10 s by default) → record the attempt and what comes
// next in the job's completing transaction. A failed POST is not a failed job: the delivery's own
// schedule (config.webhooks.retryScheduleMs, over a day) decides the next attempt, so every
// attempt is logged and the job queue's short backoff only covers the runtime's own faults.
import { JobError } from '../jobs/job-error.ts';
import type { JobHandler } from '../jobs/job-types.ts';
import { recordWebhookDelivery } from '../metrics/record-metrics.ts';
import type { RuntimeServices } from '../services.ts';
import { claimWebhookDelivery } from './claim-webhook-delivery.ts';
import { postWebhook } from './post-webhook.ts';
import { recordWebhookAttempt } from './record-webhook-attempt.ts';
import { signWebhook } from './sign-webhook.ts';
import { readDeliverWebhookPayload } from './webhook-jobs.ts';

export function deliverWebhookHandler(services: RuntimeServices): JobHandler {
  return async (job, context) => {
    const payload = readDeliverWebhookPayload(job.payload);
    if (!payload) throw new JobError('WEBHOOK_PAYLOAD_INVALID', 'the job names no delivery', { retryable: false });
    const delivery = await claimWebhookDelivery(services, job, payload.deliveryId, context);
    if (!delivery) return;
    const headers = signWebhook(delivery.eventId, delivery.body, delivery.secrets, services.now());
    const answer = await postWebhook(services.config, delivery.url, delivery.body, headers);
    const status = await recordWebhookAttempt(services, job, delivery, answer, context);
    if (status !== undefined) recordWebhookDelivery(services, answer.outcome, answer.latencyMs / 1000);
    services.logger.debug(
      { deliveryId: delivery.deliveryId, eventId: delivery.eventId, outcome: answer.outcome, status },
      'webhook attempt',
    );
  };
}
