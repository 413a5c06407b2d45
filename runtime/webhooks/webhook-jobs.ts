// The 'deliver-webhook' job: "try to deliver this delivery now, if it is due, its turn and not in
// flight elsewhere". Several jobs for one delivery are harmless (the claim lets one through), so
// every reason to look at a delivery (first try, retry, turn of its predecessor, resume,
// redelivery) enqueues one under a dedupe key of its own.
import type { Kysely } from 'kysely';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import type { DatabaseSchema } from '../storage/database-schema.ts';

export const deliverWebhookJob = 'deliver-webhook';

export interface DeliverWebhookPayload {
  deliveryId: number;
}

/** `reason` makes the dedupe key unique per cause, e.g. "first", "attempt:3", "after:17:2". */
export async function enqueueWebhookDelivery(
  trx: Kysely<DatabaseSchema>,
  deliveryId: number,
  reason: string,
  runAt: number,
  now: Date,
): Promise<void> {
  const payload: DeliverWebhookPayload = { deliveryId };
  // Network failures are counted by the delivery's own schedule; the job's attempts only cover
  // the runtime's own faults (a database hiccup, a killed process): 20 of them, with the queue's
  // backoff (1 s doubling, capped at 5 min), ride out about an hour of a store that is down.
  await enqueueJob(
    trx,
    {
      kind: deliverWebhookJob,
      runId: null,
      payload,
      dedupeKey: `${deliverWebhookJob}:${deliveryId}:${reason}`,
      runAt,
      maxAttempts: 20,
    },
    now,
  );
}

export function readDeliverWebhookPayload(text: string): DeliverWebhookPayload | undefined {
  const payload: unknown = JSON.parse(text);
  const id = (payload as { deliveryId?: unknown } | null)?.deliveryId;
  return typeof id === 'number' && Number.isSafeInteger(id) ? { deliveryId: id } : undefined;
}
